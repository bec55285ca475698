package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.Level.SEE_PROFESSIONAL;
import static dev.hipflex.triage.domain.Level.SELF_CARE;
import static dev.hipflex.triage.domain.Level.SELF_CARE_WITH_CAUTION;
import static dev.hipflex.triage.domain.Level.URGENT_CARE;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.hipflex.triage.domain.Rule.Effect;
import dev.hipflex.triage.domain.ExercisePolicy.LeaveOut;
import dev.hipflex.triage.domain.Recommendation.Referral;
import dev.hipflex.triage.domain.Rule.Input;
import dev.hipflex.triage.domain.SymptomReport.GroinLump;
import dev.hipflex.triage.domain.SymptomReport.History;
import dev.hipflex.triage.domain.SymptomReport.LumpSign;
import dev.hipflex.triage.domain.SymptomReport.MedicalHistory;
import dev.hipflex.triage.domain.SymptomReport.Onset;
import dev.hipflex.triage.domain.SymptomReport.PainIntoTesticle;
import dev.hipflex.triage.domain.SymptomReport.PainLocation;
import dev.hipflex.triage.domain.SymptomReport.PainQuality;
import dev.hipflex.triage.domain.SymptomReport.Pregnancy;
import dev.hipflex.triage.domain.SymptomReport.Screening;
import dev.hipflex.triage.domain.SymptomReport.Sign;
import dev.hipflex.triage.domain.SymptomReport.WarningSign;

/**
 * The triage rule set: the level rules here, the decisions that shape the plan and the extras in {@link PlanRules}
 * and {@link ProfileRules}, all of them listed by {@link #parts()} and rendered for review by
 * {@link RuleSetDocument}, so that a reader (or a clinician reviewing it) sees every rule, its source and its effect
 * together. Rules never depend on the catalog: a red flag raises the level even if an
 * editor removed its catalog entry. Safety comes first: where the articles and general guidance leave a choice,
 * the rules take the more careful one.
 *
 * <p>Id prefixes: {@code RF} red flags from the articles, {@code GC} general clinical red flags,
 * {@code UC} urgent care (today), {@code WK} see a professional within a week, {@code RT} see a professional
 * routinely (the articles' red flags {@code RF} are routine too), {@code NA} questions not asked, {@code CA} caution (gentle or adapted self-care), {@code CI} contraindications only,
 * {@code SC} the self-care baseline.
 */
public final class RuleSet {

    /**
     * Bump on any change of a rule or decision (their own versions too, see rule-fingerprints.txt in the tests);
     * every recommendation records the version it was computed with.
     */
    public static final String VERSION = "2026.12.3";

    static final String RELEASE_GUIDE = "release-tight-hips-guide";
    static final String RUNNERS_CHRONIC_PAIN = "runners-chronic-hip-flexor-pain";
    static final String ROOT_CAUSE_METHOD = "mfactor-root-cause";
    static final String CLINICAL_GUIDANCE = "general-clinical-guidance";
    static final String RUNNERS_HIP_MOBILITY = "runners-hip-mobility";

    // Thresholds used beyond the level rules, kept here so every number the engine decides with is in one place.
    /** Seed 000: running shoe support starts to wear out after 6 to 12 months; the shoe check takes the earlier end. */
    public static final int SHOE_SUPPORT_WEARS_OUT_MONTHS = 6;
    /** Seed 000: the later end of that range, which the shoe notes quote. */
    public static final int SHOE_SUPPORT_WORN_OUT_MONTHS = 12;
    /** Long sitting days make movement breaks worth it even for people who do not call themselves desk workers. */
    public static final int LONG_SITTING_HOURS = 6;
    /** Seed 003: red flag after 4 to 6 weeks of consistent work; we take the earlier end. */
    public static final int WEEKS_WITHOUT_IMPROVEMENT = 4;
    /** Intensity (0 to 10) from which pain counts as acute for exercise choice. */
    public static final int ACUTE_INTENSITY = 7;
    /**
     * Days since an episode began under which the pain counts as acute for exercise choice (PRODUCT.md part two, "A
     * plan that fits the person": recent as well as intense).
     */
    public static final int RECENT_EPISODE_DAYS = 14;
    /** Days after a sudden strain during exercise without stretching (PRODUCT.md part two, same section). */
    public static final int FRESH_STRAIN_DAYS = 5;
    /** Under this age a limp, a leg that will not take weight or hip pain is a child's (AAFP 2017 and 2025, SCFE). */
    public static final int ADULT_AGE = 18;
    /** From this age a fall may have broken the hip even when the person can still walk (NHS/RCGP hip pain). */
    public static final int OLDER_AGE = 50;
    /** Week of pregnancy from which long holds lying flat on the back are left out (PRODUCT.md part two). */
    public static final int LYING_FLAT_PREGNANCY_WEEKS = 20;
    /** Week of pregnancy from which groin pain or a limp needs a check within a week (pelvic girdle, symphysis). */
    public static final int LATE_PREGNANCY_WEEKS = 28;
    /** A fall in pain smaller than both of these from the starting pain is no improvement (PRODUCT.md part two). */
    public static final int IMPROVEMENT_POINTS = 2;
    public static final int IMPROVEMENT_PERCENT = 30;

    // The report fields rules read.
    public static final Input PAIN_LOCATIONS = new Input("painLocations", "where it hurts",
            SymptomReport::painLocations);
    public static final Input QUALITIES = new Input("qualities",
            "what the pain feels like: dull ache, tightness, sharp, burning, pinching, snapping",
            SymptomReport::qualities);
    public static final Input INTENSITY = new Input("intensity",
            "pain intensity from 0 for none to 10 for the worst imaginable", SymptomReport::intensity);
    public static final Input ONSET = new Input("onset", "how the pain began: gradually or suddenly during exercise",
            SymptomReport::onset);
    public static final Input DAYS_SINCE_ONSET = new Input("daysSinceOnset",
            "days since this episode of pain began", SymptomReport::daysSinceOnset);
    public static final Input SIGNS = new Input("signs", "numbness, tingling, pain radiating down the leg, clicking, "
            + "catching or locking, limping, a leg that cannot bear weight", SymptomReport::signs);
    public static final Input HISTORY = new Input("history", "hip surgery or a structural hip problem, pregnancy, an "
            + "abdominal condition", SymptomReport::history);
    public static final Input WARNING_SIGNS = new Input("warningSigns", "general warning signs: night or rest pain "
            + "(sent only by older producers; the app asks night pain as two screening questions), pain when hopping, a recent big jump in running load, a recent fall or injury, fever or feeling unwell, "
            + "a hot swollen hip, unexplained weight loss, a past cancer", SymptomReport::warningSigns);
    public static final Input WEEKS_OF_WORK = new Input("weeksOfConsistentWork",
            "weeks of consistent work on the protocol so far, if given", SymptomReport::weeksOfConsistentWork);
    public static final Input AGE = new Input("age", "the person's age in years", SymptomReport::age);
    public static final Input STARTING_INTENSITY = new Input("startingIntensity",
            "pain from 0 to 10 when the person started the protocol", SymptomReport::startingIntensity);
    public static final Input WANTS_DEEP_RELEASE = new Input("profile.wantsDeepPsoasRelease",
            "whether the person asks for the deep lacrosse-ball psoas release", r -> r.profile().wantsDeepPsoasRelease());
    public static final Input RUNNER = new Input("profile.runner", "whether the person runs",
            r -> r.profile().runner());
    public static final Input CAUDA_EQUINA = screening("caudaEquinaSigns", "saddle numbness, a new change in "
            + "bladder or bowel, symptoms in both legs", Screening::caudaEquinaSigns);
    public static final Input GROIN_LUMP = screening("groinLump", "a lump in the groin, and whether it goes back in",
            Screening::groinLump);
    public static final Input GROIN_LUMP_SIGNS = screening("groinLumpSigns", "the groin lump is painful, pulses, or "
            + "comes with vomiting", Screening::groinLumpSigns);
    public static final Input TESTICLE = screening("painIntoTesticle", "pain spreading into a testicle, and how it "
            + "came on", Screening::painIntoTesticle);
    public static final Input BELLY_PAIN = screening("bellyPain", "pain in the belly", Screening::bellyPain);
    public static final Input STRAIGHTENING = screening("painOnStraighteningTheHip",
            "pain when the hip is straightened", Screening::painOnStraighteningTheHip);
    public static final Input URINARY = screening("urinarySymptoms", "urinary symptoms", Screening::urinarySymptoms);
    public static final Input MEDICAL_HISTORY = screening("medicalHistory", "long-term steroids, osteoporosis, blood "
            + "thinners, vascular disease, inflammatory bowel disease, recent abdominal or pelvic surgery",
            Screening::medicalHistory);
    public static final Input PREGNANCY = screening("pregnancy", "whether the person is, or could be, pregnant",
            Screening::pregnancy);
    public static final Input PREGNANCY_WEEKS = screening("pregnancyWeeks", "the week of pregnancy",
            Screening::pregnancyWeeks);
    public static final Input GAVE_BIRTH = screening("gaveBirthInLast3Months", "given birth in the last 3 months",
            Screening::gaveBirthInLast3Months);
    public static final Input CONSTANT_PAIN = screening("constantPainDayAndNight",
            "constant pain, day and night, not eased by rest or position", Screening::constantPainDayAndNight);
    public static final Input FALL_SINCE = screening("fallSinceThePainBegan", "a fall since the pain began",
            Screening::fallSinceThePainBegan);
    public static final Input ACHING_STIFF = screening("achingHipsWithMorningStiffness",
            "both hips (or hips and shoulders) ache, stiff for over 45 minutes after getting up",
            Screening::achingHipsWithMorningStiffness);

    // ---- Red flags from seed 003 "When to Seek Professional Help" ----

    /**
     * Measured against the person's starting pain, not any pain left: someone who went from 8 to 1 is getting better.
     * Without a starting pain (a report from a producer that does not ask it) the rule cannot judge, and
     * {@link #NA_NOT_ASKED} says so.
     */
    public static final Rule RF_NO_IMPROVEMENT = new Rule("RF-NO-IMPROVEMENT", "2",
            "After at least " + WEEKS_WITHOUT_IMPROVEMENT + " weeks of consistent protocol work, pain has not fallen "
                    + "by " + IMPROVEMENT_PERCENT + " % or " + IMPROVEMENT_POINTS + " points from the starting pain "
                    + "(or has risen). Baseline as in PRODUCT.md part two, item 6.",
            RELEASE_GUIDE,
            List.of(WEEKS_OF_WORK, INTENSITY, STARTING_INTENSITY),
            r -> r.weeksOfConsistentWork() != null && r.weeksOfConsistentWork() >= WEEKS_WITHOUT_IMPROVEMENT
                    && r.startingIntensity() != null && notImproved(r.startingIntensity(), r.intensity()),
            Effect.atLeast(SEE_PROFESSIONAL, "You have worked on your hips consistently for four weeks or more and "
                    + "your pain has not come down enough from where it started. That is the point to get a "
                    + "professional opinion; you can keep the gentle exercises going meanwhile.")
                    .withRedFlag("no-improvement-after-4-6-weeks"));

    public static final Rule RF_NEURO = new Rule("RF-NEURO", "2",
            "Numbness, tingling or pain radiating down the leg.", RELEASE_GUIDE, List.of(SIGNS),
            r -> anyOf(r.signs(), Sign.NUMBNESS, Sign.TINGLING, Sign.RADIATING_DOWN_THE_LEG),
            // The catalog's advice for this flag is to stop self-treatment, so no exercises until seen.
            Effect.atLeast(SEE_PROFESSIONAL, "Numbness, tingling or pain running down your leg suggest a nerve "
                    + "may be involved. Pause the exercises and have a professional check it.")
                    .withRedFlag("numbness-tingling-or-radiating-pain").holdingExercises());

    public static final Rule RF_GAIT = new Rule("RF-GAIT", "2",
            "Pain that changes how the person walks (limping).", RELEASE_GUIDE, List.of(SIGNS),
            r -> anyOf(r.signs(), Sign.LIMPING),
            // The catalog's advice: see a professional before you keep going with the exercises.
            Effect.atLeast(SEE_PROFESSIONAL, "Pain that makes you limp is more than everyday tightness. Have it "
                    + "checked before you carry on with the exercises.")
                    .withRedFlag("pain-changes-how-you-walk").holdingExercises());

    /** "Snapping" as a pain quality is not a flag (a snapping hip is common and harmless); this sign is. */
    public static final Rule RF_MECHANICAL = new Rule("RF-MECHANICAL", "2",
            "Painful catching or locking in the hip joint (the sign clicking-catching-locking, which the app asks as "
                    + "painful catching or locking). A snapping quality alone is not a flag.", RELEASE_GUIDE,
            List.of(SIGNS),
            r -> anyOf(r.signs(), Sign.CLICKING_CATCHING_LOCKING),
            Effect.atLeast(SEE_PROFESSIONAL, "A hip that clicks, catches or locks may have a problem inside the "
                    + "joint. Have it looked at, and avoid the movements that make it catch.")
                    .withRedFlag("clicking-catching-or-locking"));

    public static final Rule RF_SUDDEN_ONSET = new Rule("RF-SUDDEN-ONSET", "2",
            "Pain that came on suddenly during exercise (possible strain or labral tear).", RELEASE_GUIDE,
            List.of(ONSET),
            r -> r.onset() == Onset.SUDDEN_DURING_EXERCISE,
            // The catalog's advice: stop the activity that caused it until you know what was injured.
            Effect.atLeast(SEE_PROFESSIONAL, "Pain that started suddenly during exercise may be a strained muscle "
                    + "or a labral tear. Stop the activity that caused it and get it assessed before you train "
                    + "again.").withRedFlag("sudden-pain-during-exercise").withNoRunning());

    public static final Rule RF_HIP_SURGERY = new Rule("RF-HIP-SURGERY", "2",
            "Past hip surgery or a known structural hip problem.", RELEASE_GUIDE, List.of(HISTORY),
            r -> anyOf(r.history(), History.HIP_SURGERY_OR_STRUCTURAL_ISSUE),
            // The catalog's advice: check with a professional before you start.
            Effect.atLeast(SEE_PROFESSIONAL, "After hip surgery or with a structural hip problem, general exercises "
                    + "may not suit your hip. Check with a professional before you start.")
                    .withRedFlag("hip-surgery-or-structural-problem").excluding("hip-surgery-or-structural-issue")
                    .holdingExercises());

    // ---- General clinical red flags for hip and groin pain (beyond the articles) ----

    /**
     * A runner's constant night pain or pain on hopping (PRODUCT.md part two, item 4). Pain when hopping counts for
     * everyone and old reports' night-or-rest-pain for runners; a recent jump in running load alone only lowers the
     * running ({@link #CA_RUNNING_LOAD}).
     */
    public static final Rule GC_BONE_STRESS = new Rule("GC-BONE-STRESS", "2",
            "Pain when hopping, or a runner (or someone whose running load jumped) with constant pain day and night: "
                    + "possible femoral neck stress fracture, which can feel like a tight hip flexor. An older "
                    + "producer's night-or-rest-pain is read as constant pain (the app no longer asks it).",
            CLINICAL_GUIDANCE, List.of(WARNING_SIGNS, CONSTANT_PAIN, RUNNER),
            r -> anyOf(r.warningSigns(), WarningSign.PAIN_WHEN_HOPPING)
                    || (yes(screening(r).constantPainDayAndNight())
                            || anyOf(r.warningSigns(), WarningSign.NIGHT_OR_REST_PAIN))
                    && (Boolean.TRUE.equals(r.profile().runner())
                            || anyOf(r.warningSigns(), WarningSign.RECENT_BIG_JUMP_IN_RUNNING_LOAD)),
            Effect.atLeast(SEE_PROFESSIONAL, "Pain when you hop on the leg, or constant pain day and night while you "
                    + "run, can mean a stress fracture at the top of the thigh bone, which can feel just like a "
                    + "tight hip flexor. No running and no exercises until a professional has seen you, within a "
                    + "week.").withinAWeek().withNoRunning().holdingExercises());

    public static final Rule CA_RUNNING_LOAD = new Rule("CA-RUNNING-LOAD", "1",
            "A recent big jump in running load, without other signs of a stress fracture: lower the running dose, "
                    + "the exercises go on.", RUNNERS_CHRONIC_PAIN, List.of(WARNING_SIGNS),
            r -> anyOf(r.warningSigns(), WarningSign.RECENT_BIG_JUMP_IN_RUNNING_LOAD),
            Effect.atLeast(SELF_CARE_WITH_CAUTION, "Your running went up a lot recently. Go back to the distance "
                    + "and pace you ran before the jump and build up again slowly; the exercises go on as planned. "
                    + "If hopping on the leg hurts or the pain stays day and night, stop running and see a "
                    + "professional."));

    public static final Rule GC_CONSTANT_PAIN = new Rule("GC-CONSTANT-PAIN", "1",
            "Constant pain, day and night, not eased by rest or position (pain only when lying on the sore side is "
                    + "common and not a flag, and not read). An older producer's night-or-rest-pain, which cannot "
                    + "tell the two apart, is read as constant pain; new reports over REST may not carry it.",
            CLINICAL_GUIDANCE, List.of(CONSTANT_PAIN, WARNING_SIGNS),
            r -> yes(screening(r).constantPainDayAndNight())
                    || anyOf(r.warningSigns(), WarningSign.NIGHT_OR_REST_PAIN),
            Effect.atLeast(SEE_PROFESSIONAL, "Pain that stays day and night, whatever position you take, is not "
                    + "how tight muscles behave. Book an appointment with your doctor."));

    // ---- Urgent care, today (PRODUCT.md part two, "Screening a clinician would do", item 3) ----

    public static final Rule UC_CAUDA_EQUINA = new Rule("UC-CAUDA-EQUINA", "1",
            "Saddle numbness, a new change in bladder or bowel, or symptoms in both legs: possible cauda equina "
                    + "syndrome (BMJ Best Practice, cauda equina syndrome).", CLINICAL_GUIDANCE, List.of(CAUDA_EQUINA),
            r -> !orEmpty(screening(r).caudaEquinaSigns()).isEmpty(),
            Effect.atLeast(URGENT_CARE, "Numbness around your bottom or between your legs, a new change in how your "
                    + "bladder or bowel works, or symptoms in both legs can mean the nerves at the base of your spine "
                    + "are being squeezed. Go to an emergency department today."));

    public static final Rule UC_INFECTION = new Rule("UC-INFECTION", "2",
            "Fever or feeling unwell with a limp, a leg that will not take weight, or a hot, swollen hip: possible "
                    + "joint infection (a deep hip joint rarely looks swollen).", CLINICAL_GUIDANCE,
            List.of(WARNING_SIGNS, SIGNS),
            r -> anyOf(r.warningSigns(), WarningSign.FEVER_OR_UNWELL)
                    && (anyOf(r.warningSigns(), WarningSign.HOT_SWOLLEN_HIP)
                            || anyOf(r.signs(), Sign.LIMPING, Sign.CANNOT_BEAR_WEIGHT)),
            Effect.atLeast(URGENT_CARE, "A fever or feeling unwell together with a limp, a leg that will not take "
                    + "your weight or a hot, swollen hip can be an infection in the joint. Get urgent care today."));

    public static final Rule UC_NO_WEIGHT = new Rule("UC-NO-WEIGHT", "1",
            "The leg cannot bear weight at all, with or without a fall: possible fracture.", CLINICAL_GUIDANCE,
            List.of(SIGNS),
            r -> anyOf(r.signs(), Sign.CANNOT_BEAR_WEIGHT),
            Effect.atLeast(URGENT_CARE, "A leg that will not take your weight needs to be seen today. Go to an "
                    + "emergency department or an urgent care clinic."));

    public static final Rule UC_FALL = new Rule("UC-FALL", "1",
            "A fall (since the pain began, or the injury it began with) at " + OLDER_AGE + " or over, or at any age "
                    + "with long-term steroids or osteoporosis: an impacted hip fracture still lets you walk "
                    + "(NHS/RCGP hip pain).", CLINICAL_GUIDANCE, List.of(FALL_SINCE, WARNING_SIGNS, AGE,
                    MEDICAL_HISTORY),
            r -> (yes(screening(r).fallSinceThePainBegan()) || anyOf(r.warningSigns(), WarningSign.RECENT_FALL_OR_INJURY))
                    && (r.age() != null && r.age() >= OLDER_AGE || fragileBones(r)),
            Effect.atLeast(URGENT_CARE, "After a fall, a hip can be broken even when you can still walk on it, "
                    + "more so from 50 or with steroids or thin bones. Have it X-rayed today at an emergency "
                    + "department or urgent care clinic."));

    public static final Rule UC_CHILD = new Rule("UC-CHILD", "1",
            "Under " + ADULT_AGE + " with a limp, a leg that will not take weight, or a fever: possible slipped "
                    + "capital femoral epiphysis or joint infection (AAFP 2017 and 2025).", CLINICAL_GUIDANCE,
            List.of(AGE, SIGNS, WARNING_SIGNS),
            r -> r.age() != null && r.age() < ADULT_AGE && (anyOf(r.signs(), Sign.LIMPING, Sign.CANNOT_BEAR_WEIGHT)
                    || anyOf(r.warningSigns(), WarningSign.FEVER_OR_UNWELL)),
            Effect.atLeast(URGENT_CARE, "A child or teenager with hip pain and a limp, a leg that will not take "
                    + "weight or a fever needs to be seen by a doctor today."));

    public static final Rule UC_TESTICLE = new Rule("UC-TESTICLE", "1",
            "Sudden pain spreading into a testicle: possible testicular torsion (AAFP 2013).", CLINICAL_GUIDANCE,
            List.of(TESTICLE),
            r -> screening(r).painIntoTesticle() == PainIntoTesticle.CAME_ON_SUDDENLY,
            Effect.atLeast(URGENT_CARE, "Pain that came on suddenly and spreads into a testicle must be seen at "
                    + "once: go to an emergency department now."));

    public static final Rule UC_GROIN_LUMP = new Rule("UC-GROIN-LUMP", "1",
            "A groin lump that is painful and will not go back in, or comes with vomiting: possible strangulated "
                    + "hernia (NHS/RCGP).", CLINICAL_GUIDANCE, List.of(GROIN_LUMP, GROIN_LUMP_SIGNS),
            r -> screening(r).groinLump() != null && screening(r).groinLump() != GroinLump.NONE
                    && (screening(r).groinLump() == GroinLump.STAYS_OUT && anyOf(orEmpty(screening(r)
                            .groinLumpSigns()), LumpSign.PAINFUL)
                            || anyOf(orEmpty(screening(r).groinLumpSigns()), LumpSign.WITH_VOMITING)),
            Effect.atLeast(URGENT_CARE, "A painful groin lump that will not go back in, or a groin lump with "
                    + "vomiting, can be a trapped hernia. Go to an emergency department today."));

    public static final Rule UC_PULSING_LUMP = new Rule("UC-PULSING-LUMP", "1",
            "A groin lump that pulses: possible aneurysm of the artery in the groin.", CLINICAL_GUIDANCE,
            List.of(GROIN_LUMP, GROIN_LUMP_SIGNS),
            r -> screening(r).groinLump() != null && screening(r).groinLump() != GroinLump.NONE
                    && anyOf(orEmpty(screening(r).groinLumpSigns()), LumpSign.PULSES),
            Effect.atLeast(URGENT_CARE, "A lump in the groin that pulses needs to be checked today. Do not press "
                    + "on it; go to an emergency department or urgent care clinic."));

    public static final Rule UC_PSOAS_ABSCESS = new Rule("UC-PSOAS-ABSCESS", "1",
            "Fever or feeling unwell with belly pain and pain on straightening the hip: possible abscess in the psoas "
                    + "or an abdominal cause.", CLINICAL_GUIDANCE, List.of(WARNING_SIGNS, BELLY_PAIN, STRAIGHTENING),
            r -> anyOf(r.warningSigns(), WarningSign.FEVER_OR_UNWELL) && yes(screening(r).bellyPain())
                    && yes(screening(r).painOnStraighteningTheHip()),
            Effect.atLeast(URGENT_CARE, "A fever with belly pain and pain when you straighten your hip can come from "
                    + "an infection deep in the belly. Get urgent care today."));

    // ---- See a professional within a week (item 4) ----

    public static final Rule WK_CHILD = new Rule("WK-CHILD", "1",
            "Under " + ADULT_AGE + " with hip, groin, thigh or knee pain: slipped capital femoral epiphysis can show "
                    + "only as knee or thigh pain (AAFP 2017 and 2025). Exercises wait.", CLINICAL_GUIDANCE,
            List.of(AGE, PAIN_LOCATIONS),
            r -> r.age() != null && r.age() < ADULT_AGE && anyOf(r.painLocations(), PainLocation.FRONT_OF_HIP,
                    PainLocation.GROIN, PainLocation.OUTER_HIP, PainLocation.FRONT_OF_THIGH, PainLocation.KNEE),
            Effect.atLeast(SEE_PROFESSIONAL, "In children and teenagers, hip, thigh or knee pain can come from the "
                    + "growth plate at the top of the thigh bone. See a doctor within a week, and leave the "
                    + "exercises until then.").withinAWeek().holdingExercises());

    public static final Rule WK_CANCER_WITH_CONSTANT_PAIN = new Rule("WK-CANCER-WITH-CONSTANT-PAIN", "1",
            "A past cancer or unexplained weight loss with constant pain day and night (or an older producer's "
                    + "night-or-rest-pain).", CLINICAL_GUIDANCE,
            List.of(WARNING_SIGNS, CONSTANT_PAIN),
            r -> anyOf(r.warningSigns(), WarningSign.UNEXPLAINED_WEIGHT_LOSS, WarningSign.PAST_CANCER)
                    && (yes(screening(r).constantPainDayAndNight())
                            || anyOf(r.warningSigns(), WarningSign.NIGHT_OR_REST_PAIN)),
            Effect.atLeast(SEE_PROFESSIONAL, "With a past cancer or unexplained weight loss, pain that stays day and "
                    + "night should be checked by a doctor within a week. Leave the exercises until then.")
                    .withinAWeek().holdingExercises());

    public static final Rule WK_PREGNANCY = new Rule("WK-PREGNANCY", "1",
            "From " + LATE_PREGNANCY_WEEKS + " weeks of pregnancy, or within 3 months of giving birth, with groin pain "
                    + "or a limp (whether it worsens is not asked, so any counts).", CLINICAL_GUIDANCE,
            List.of(PREGNANCY, PREGNANCY_WEEKS, GAVE_BIRTH, PAIN_LOCATIONS, SIGNS),
            r -> (screening(r).pregnancy() == Pregnancy.PREGNANT && screening(r).pregnancyWeeks() != null
                    && screening(r).pregnancyWeeks() >= LATE_PREGNANCY_WEEKS || yes(screening(r).gaveBirthInLast3Months()))
                    && (anyOf(r.painLocations(), PainLocation.GROIN) || anyOf(r.signs(), Sign.LIMPING)),
            Effect.atLeast(SEE_PROFESSIONAL, "Groin pain or a limp late in pregnancy or in the months after birth "
                    + "should be checked within a week by your midwife, doctor or a physiotherapist.")
                    .withinAWeek());

    public static final Rule WK_STIFF_HIPS_AND_SHOULDERS = new Rule("WK-STIFF-HIPS-AND-SHOULDERS", "1",
            OLDER_AGE + " or over with both hips (or hips and shoulders) aching and morning stiffness over 45 "
                    + "minutes: possible polymyalgia rheumatica (NICE CKS).", CLINICAL_GUIDANCE,
            List.of(AGE, ACHING_STIFF),
            r -> r.age() != null && r.age() >= OLDER_AGE && yes(screening(r).achingHipsWithMorningStiffness()),
            Effect.atLeast(SEE_PROFESSIONAL, "Aching in both hips, or hips and shoulders, with long morning "
                    + "stiffness can be an inflammation a blood test shows. See your doctor within a week.")
                    .withinAWeek());

    public static final Rule WK_TESTICLE = new Rule("WK-TESTICLE", "1",
            "Pain spreading into a testicle that came on gradually (not a combination the brief names: a hernia, a "
                    + "kidney stone or an infection can cause it).", CLINICAL_GUIDANCE, List.of(TESTICLE),
            r -> screening(r).painIntoTesticle() == PainIntoTesticle.CAME_ON_GRADUALLY,
            Effect.atLeast(SEE_PROFESSIONAL, "Pain that spreads into a testicle should be checked by a doctor within "
                    + "a week. If it ever comes on suddenly or badly, go to an emergency department at once.")
                    .withinAWeek());

    public static final Rule WK_GROIN_LUMP = new Rule("WK-GROIN-LUMP", "1",
            "A groin lump that stays out, or is tender (not a combination the brief names; the urgent ones are "
                    + "UC-GROIN-LUMP and UC-PULSING-LUMP).", CLINICAL_GUIDANCE, List.of(GROIN_LUMP, GROIN_LUMP_SIGNS),
            r -> screening(r).groinLump() == GroinLump.STAYS_OUT
                    || screening(r).groinLump() == GroinLump.GOES_BACK_IN
                            && anyOf(orEmpty(screening(r).groinLumpSigns()), LumpSign.PAINFUL),
            Effect.atLeast(SEE_PROFESSIONAL, "A groin lump that stays out or is tender should be checked by a doctor "
                    + "within a week. If it turns painful and will not go back, or you are sick, go today.")
                    .withinAWeek());

    /**
     * Not a combination the brief names, but the brief lists a recent fall or injury among the general warning signs:
     * a fracture or a tear can still let you walk. Under 50 without fragile bones (else {@link #UC_FALL}).
     */
    public static final Rule GC_FALL_OR_INJURY = new Rule("GC-FALL-OR-INJURY", "2",
            "A recent fall or injury, or a fall since the pain began, while the leg still takes weight: possible "
                    + "fracture or tear, which stretching and strengthening could make worse.", CLINICAL_GUIDANCE,
            List.of(WARNING_SIGNS, FALL_SINCE),
            r -> anyOf(r.warningSigns(), WarningSign.RECENT_FALL_OR_INJURY) || yes(screening(r).fallSinceThePainBegan()),
            Effect.atLeast(SEE_PROFESSIONAL, "Your hip has hurt since a fall or injury. Have a professional check it "
                    + "within a week, before you exercise or run on it: a fracture or a tear can still let you walk.")
                    .withinAWeek().withNoRunning().holdingExercises());

    public static final Rule GC_FEVER = new Rule("GC-FEVER", "2",
            "Fever or feeling unwell together with hip pain.", CLINICAL_GUIDANCE, List.of(WARNING_SIGNS),
            r -> anyOf(r.warningSigns(), WarningSign.FEVER_OR_UNWELL),
            Effect.atLeast(SEE_PROFESSIONAL, "Hip pain while you have a fever or feel unwell should be checked by a "
                    + "doctor within a week, sooner if you start to limp. Rest rather than exercise until then.")
                    .withinAWeek().holdingExercises());

    /** Not in the brief's list: a hot, swollen hip without fever still needs a doctor (inflammation, gout, infection). */
    public static final Rule GC_HOT_SWOLLEN_HIP = new Rule("GC-HOT-SWOLLEN-HIP", "2",
            "A hot, swollen hip, even without fever.", CLINICAL_GUIDANCE, List.of(WARNING_SIGNS),
            r -> anyOf(r.warningSigns(), WarningSign.HOT_SWOLLEN_HIP),
            Effect.atLeast(SEE_PROFESSIONAL, "A hot, swollen hip points to inflammation in or around the joint, "
                    + "which tight muscles do not cause. Have a doctor check it within a week and rest it until then.")
                    .withinAWeek().holdingExercises());

    // ---- See a professional, routine (item 5) ----

    public static final Rule RT_GROIN_LUMP = new Rule("RT-GROIN-LUMP", "1",
            "A groin lump that goes back in and is not tender: possible hernia.", CLINICAL_GUIDANCE,
            List.of(GROIN_LUMP, GROIN_LUMP_SIGNS),
            r -> screening(r).groinLump() == GroinLump.GOES_BACK_IN && orEmpty(screening(r).groinLumpSigns()).isEmpty(),
            Effect.atLeast(SEE_PROFESSIONAL, "A groin lump that goes back in may be a hernia. Book a routine "
                    + "appointment with your doctor, and avoid heavy lifting and straining until then."));

    public static final Rule RT_BELLY_OR_URINARY = new Rule("RT-BELLY-OR-URINARY", "1",
            "Belly pain or urinary symptoms with the hip pain (not a combination the brief names: groin pain can come "
                    + "from the bowel, kidneys or bladder).", CLINICAL_GUIDANCE, List.of(BELLY_PAIN, URINARY),
            r -> yes(screening(r).bellyPain()) || yes(screening(r).urinarySymptoms()),
            Effect.atLeast(SEE_PROFESSIONAL, "Belly pain or trouble passing urine alongside groin or hip pain can come "
                    + "from the bowel, kidneys or bladder. Book a routine appointment with your doctor."));

    public static final Rule GC_CANCER_OR_WEIGHT_LOSS = new Rule("GC-CANCER-OR-WEIGHT-LOSS", "2",
            "Unexplained weight loss or a past cancer together with hip pain (every report is about hip pain, "
                    + "so the sign alone fires the rule).", CLINICAL_GUIDANCE, List.of(WARNING_SIGNS),
            r -> anyOf(r.warningSigns(), WarningSign.UNEXPLAINED_WEIGHT_LOSS, WarningSign.PAST_CANCER),
            Effect.atLeast(SEE_PROFESSIONAL, "With unexplained weight loss or a past cancer, new hip pain should be "
                    + "checked by a doctor before you start exercising it.").holdingExercises());

    // ---- Caution: self-care, adapted ----

    public static final Rule CA_ACUTE = new Rule("CA-ACUTE", "2",
            "Acute pain: sharp or burning, intensity " + ACUTE_INTENSITY + " or more, sudden onset, or an episode "
                    + "that began less than " + RECENT_EPISODE_DAYS + " days ago (acute by time as well as by "
                    + "intensity). Gentle options only (supine passive stretch, not the couch stretch); never force "
                    + "through sharp pain.",
            RELEASE_GUIDE,
            List.of(QUALITIES, INTENSITY, ONSET, DAYS_SINCE_ONSET),
            r -> anyOf(r.qualities(), PainQuality.SHARP, PainQuality.BURNING) || r.intensity() >= ACUTE_INTENSITY
                    || r.onset() == Onset.SUDDEN_DURING_EXERCISE
                    || r.daysSinceOnset() != null && r.daysSinceOnset() < RECENT_EPISODE_DAYS,
            Effect.atLeast(SELF_CARE_WITH_CAUTION, "Your pain is recent or sounds acute, so your plan uses only "
                    + "gentle exercises. A stretch should feel mild to moderate: stop if it turns sharp or burning.")
                    .excluding("acute-pain").inGentleMode());

    public static final Rule CA_PREGNANCY = new Rule("CA-PREGNANCY", "2",
            "Pregnancy: no deep abdominal pressure (lacrosse-ball psoas release).", RELEASE_GUIDE, List.of(HISTORY),
            r -> anyOf(r.history(), History.PREGNANCY),
            Effect.atLeast(SELF_CARE_WITH_CAUTION, "During pregnancy, exercises that press deep into your belly are "
                    + "left out of your plan.").excluding("pregnancy"));

    public static final Rule CA_ABDOMINAL = new Rule("CA-ABDOMINAL", "2",
            "An abdominal condition: no deep abdominal pressure (lacrosse-ball psoas release).", RELEASE_GUIDE,
            List.of(HISTORY),
            r -> anyOf(r.history(), History.ABDOMINAL_CONDITION),
            Effect.atLeast(SELF_CARE_WITH_CAUTION, "Because of your abdominal condition, exercises that press deep "
                    + "into your belly are left out of your plan.").excluding("abdominal-condition"));

    // ---- Contraindications only ----

    public static final Rule CI_KNEE = new Rule("CI-KNEE", "2",
            "Knee pain: leave out exercises that load a deeply bent knee.", CLINICAL_GUIDANCE, List.of(PAIN_LOCATIONS),
            r -> anyOf(r.painLocations(), PainLocation.KNEE),
            Effect.atLeast(SELF_CARE, "Because your knee hurts, exercises that put weight on a deeply bent knee are "
                    + "left out.").excluding("knee-pain"));

    public static final Rule CI_LOW_BACK = new Rule("CI-LOW-BACK", "2",
            "Low back pain: leave out exercises the catalog marks unsuitable for it.", CLINICAL_GUIDANCE,
            List.of(PAIN_LOCATIONS),
            r -> anyOf(r.painLocations(), PainLocation.LOW_BACK),
            Effect.atLeast(SELF_CARE, "Because your low back hurts, exercises that could strain it are left out.")
                    .excluding("low-back-pain"));

    /** The screening answers a rule reads; a report without one of them gets {@link #NA_NOT_ASKED}. */
    static final List<Input> SCREENING_ANSWERS = List.of(AGE, CAUDA_EQUINA, GROIN_LUMP, GROIN_LUMP_SIGNS, TESTICLE,
            BELLY_PAIN, STRAIGHTENING, URINARY, MEDICAL_HISTORY, PREGNANCY, GAVE_BIRTH, CONSTANT_PAIN, FALL_SINCE,
            ACHING_STIFF, screening("painOnlyWhenLyingOnIt", "night pain only when lying on the sore side",
                    Screening::painOnlyWhenLyingOnIt));

    /** A report from another producer may lack answers; the person is told, and the rules read them as no. */
    public static final Rule NA_NOT_ASKED = new Rule("NA-NOT-ASKED", "1",
            "Some screening questions were not asked (a report from a producer that does not ask them); the rules "
                    + "read a missing answer as no, so the person is told which were missing.", CLINICAL_GUIDANCE,
            Stream.concat(SCREENING_ANSWERS.stream(), Stream.of(WEEKS_OF_WORK, STARTING_INTENSITY)).toList(),
            r -> !notAsked(r).isEmpty(),
            Effect.atLeast(SELF_CARE, "Your report did not answer some questions a clinician would ask (your age, "
                    + "and signs such as numbness between the legs, a groin lump or a fall). Answer them in the "
                    + "app's symptom check, so nothing urgent is missed."));

    /** Every rule except the baseline, in the order reasons are listed within a level. */
    private static final List<Rule> SPECIFIC = List.of(
            UC_CAUDA_EQUINA, UC_NO_WEIGHT, UC_INFECTION, UC_FALL, UC_CHILD, UC_TESTICLE, UC_GROIN_LUMP,
            UC_PULSING_LUMP, UC_PSOAS_ABSCESS,
            WK_CHILD, WK_CANCER_WITH_CONSTANT_PAIN, GC_BONE_STRESS, WK_PREGNANCY, WK_STIFF_HIPS_AND_SHOULDERS,
            WK_TESTICLE, WK_GROIN_LUMP, GC_FALL_OR_INJURY, GC_FEVER, GC_HOT_SWOLLEN_HIP,
            RF_NO_IMPROVEMENT, RF_NEURO, RF_GAIT, RF_MECHANICAL, RF_SUDDEN_ONSET, RF_HIP_SURGERY,
            GC_CANCER_OR_WEIGHT_LOSS, GC_CONSTANT_PAIN, RT_GROIN_LUMP, RT_BELLY_OR_URINARY,
            CA_ACUTE, CA_RUNNING_LOAD, CA_PREGNANCY, CA_ABDOMINAL,
            CI_KNEE, CI_LOW_BACK, NA_NOT_ASKED);

    /**
     * Inputs of level-raising rules that never decide alone whether one of them fires: each only refines a rule whose
     * other inputs raise the level anyway (any groin lump is a referral, whatever its signs; a fall is one at any age;
     * belly pain and constant pain are referrals of their own).
     */
    private static final List<Input> ONLY_REFINING = List.of(STRAIGHTENING, GROIN_LUMP_SIGNS, MEDICAL_HISTORY, RUNNER);

    private static final List<Rule> LEVEL_RAISING = SPECIFIC.stream()
            .filter(rule -> rule.effect().minimumLevel() != SELF_CARE).toList();

    // ---- Baseline ----

    /** Fires exactly when no other rule raises the level, so that SELF_CARE also comes with a reason. */
    public static final Rule SC_NO_RED_FLAGS = new Rule("SC-NO-RED-FLAGS", "2",
            "No red flag and no reason for caution: self-care with the complete release protocol.", RELEASE_GUIDE,
            LEVEL_RAISING.stream().flatMap(rule -> rule.inputs().stream()).distinct()
                    .filter(input -> !ONLY_REFINING.contains(input)).toList(),
            r -> noneAppliesTo(LEVEL_RAISING, r),
            Effect.atLeast(SELF_CARE, "Nothing in your report needs a professional right now. Most hip flexor pain "
                    + "gets better with regular release, stretching and strengthening, so start the complete "
                    + "release protocol."));

    // ---- How soon, in words (PRODUCT.md part two, "Screening a clinician would do", item 2) ----

    /** Here rather than in {@link Facts}, which reads this class's inputs while it is being initialised. */
    private static final Decision.Fact URGENCY = new Decision.Fact("urgency", "how soon the person should be seen: "
            + "the most urgent referral of the level rules that fired, if any", reading -> reading.assessment().urgency());

    static final Decision<Referral> TODAY = referral("UR-TODAY", Urgency.TODAY, "Today: go to an emergency "
            + "department, or an urgent care clinic if it is open now. If you cannot get there safely, call your "
            + "local emergency number. Do not exercise or stretch the hip until you have been seen.");

    static final Decision<Referral> WITHIN_A_WEEK = referral("UR-WITHIN-A-WEEK", Urgency.WITHIN_A_WEEK, "Within a "
            + "week: book an appointment with your doctor or a physiotherapist in the next few days, and tell them "
            + "what your report says. If it gets worse meanwhile, or a new warning sign appears, get urgent care.");

    static final Decision<Referral> ROUTINE = referral("UR-ROUTINE", Urgency.ROUTINE, "Routine: book an "
            + "appointment with a physiotherapist, a sports medicine doctor or your doctor at the next convenient "
            + "time, and bring a note of what you have tried and for how long.");

    static final List<Decision<Referral>> REFERRALS = List.of(TODAY, WITHIN_A_WEEK, ROUTINE);

    /** How soon the person should be seen and what to do, or null when nothing needs a professional. */
    static Referral referral(Case reading) {
        for (Decision<Referral> decision : REFERRALS) {
            if (decision.holdsFor(reading)) {
                return decision.outcome();
            }
        }
        return null;
    }

    private static Decision<Referral> referral(String id, Urgency urgency, String whatToDo) {
        return new Decision<>(id, "1", "The most urgent referral of the rules that fired is " + urgency.word() + ".",
                CLINICAL_GUIDANCE, List.of(URGENCY), reading -> reading.assessment().urgency() == urgency,
                "The recommendation says how soon (" + urgency.word() + ") and what to do: \u201c" + whatToDo
                        + "\u201d", new Referral(urgency, whatToDo, CLINICAL_GUIDANCE));
    }

    // ---- Exercises left out for who the person is (PRODUCT.md part two, "A plan that fits the person", item 3) ----

    static final Decision<LeaveOut> DEEP_RELEASE_ON_REQUEST = leaveOut("DR-ON-REQUEST", "The person has not asked "
            + "for the deep lacrosse-ball psoas release: it is opt-in, never in a default plan (article 002 doubts "
            + "deep ball release).", RUNNERS_HIP_MOBILITY, List.of(WANTS_DEEP_RELEASE),
            r -> !yes(r.profile().wantsDeepPsoasRelease()),
            new LeaveOut(ExerciseKind.DEEP_ABDOMINAL_PRESSURE, "not-asked-for", "The deep ball release into the "
                    + "belly is only in your plan when you ask for it.", true));

    static final Decision<LeaveOut> DEEP_RELEASE_AGE = leaveOut("DR-AGE", "The person is " + OLDER_AGE + " or over, "
            + "or did not give their age: no deep pressure near the large blood vessels of the belly.",
            CLINICAL_GUIDANCE, List.of(AGE), r -> r.age() == null || r.age() >= OLDER_AGE,
            deepRelease("age-50-or-over", "From 50, or when your age is not known, pressing a ball deep into the "
                    + "belly near its large blood vessels is left out; the stretches work the same muscles."));

    static final Decision<LeaveOut> DEEP_RELEASE_BLOOD_THINNERS = deepReleaseWith("DR-BLOOD-THINNERS",
            "The person takes blood thinners: deep pressure can bruise or bleed inside.", MedicalHistory.BLOOD_THINNERS,
            "With blood thinners, deep pressure into the belly can cause bleeding, so the ball release is left out.");

    static final Decision<LeaveOut> DEEP_RELEASE_VASCULAR = deepReleaseWith("DR-VASCULAR", "The person has vascular "
            + "disease: no deep pressure over the large vessels of the belly.", MedicalHistory.VASCULAR_DISEASE,
            "With a disease of the blood vessels, pressing deep near the large vessels of the belly is not safe, so "
                    + "the ball release is left out.");

    static final Decision<LeaveOut> DEEP_RELEASE_BOWEL = deepReleaseWith("DR-BOWEL", "The person has inflammatory "
            + "bowel disease.", MedicalHistory.INFLAMMATORY_BOWEL_DISEASE, "With inflammatory bowel disease, pressing a "
            + "ball deep into the belly is left out.");

    static final Decision<LeaveOut> DEEP_RELEASE_SURGERY = deepReleaseWith("DR-SURGERY", "The person had recent "
            + "abdominal or pelvic surgery.", MedicalHistory.RECENT_ABDOMINAL_OR_PELVIC_SURGERY, "After recent surgery on "
            + "the belly or pelvis, pressing a ball deep into the belly is left out.");

    static final Decision<LeaveOut> DEEP_RELEASE_PREGNANCY = leaveOut("DR-PREGNANCY", "The person is, or could be, "
            + "pregnant, or did not say.", RELEASE_GUIDE, List.of(PREGNANCY),
            r -> screening(r).pregnancy() != Pregnancy.NOT_PREGNANT,
            deepRelease("pregnancy-or-possible-pregnancy", "During a pregnancy, or when you could be pregnant, "
                    + "pressing a ball deep into the belly is left out."));

    static final Decision<LeaveOut> DEEP_RELEASE_HISTORY_NOT_ASKED = leaveOut("DR-HISTORY-NOT-ASKED", "The report "
            + "does not say whether the person takes blood thinners or has vascular, bowel or recent abdominal "
            + "problems.", CLINICAL_GUIDANCE, List.of(MEDICAL_HISTORY), r -> screening(r).medicalHistory() == null,
            deepRelease("medical-history-not-asked", "Your report does not say whether anything in your health makes "
                    + "deep pressure into the belly unsafe, so the ball release is left out."));

    static final Decision<LeaveOut> LYING_FLAT_IN_PREGNANCY = leaveOut("PG-LYING-FLAT", "2", "From "
            + LYING_FLAT_PREGNANCY_WEEKS + " weeks of pregnancy: no long holds lying flat on the back (the womb "
            + "presses on the large vein back to the heart). Lying on the back is the catalog's startingPosition "
            + "lying-on-back; a long hold is " + ExerciseKind.LONG_HOLD_SECONDS + " seconds or more, or minutes, in "
            + "the dose or the isometric holds.", CLINICAL_GUIDANCE, List.of(PREGNANCY, PREGNANCY_WEEKS),
            r -> screening(r).pregnancy() == Pregnancy.PREGNANT && screening(r).pregnancyWeeks() != null
                    && screening(r).pregnancyWeeks() >= LYING_FLAT_PREGNANCY_WEEKS,
            new LeaveOut(ExerciseKind.LONG_HOLD_LYING_ON_BACK, "pregnancy-from-20-weeks", "From 20 weeks of "
                    + "pregnancy, long holds lying flat on your back can make you faint, so they are left out.", false));

    static final List<Decision<LeaveOut>> LEAVE_OUTS = List.of(DEEP_RELEASE_ON_REQUEST, DEEP_RELEASE_AGE,
            DEEP_RELEASE_BLOOD_THINNERS, DEEP_RELEASE_VASCULAR, DEEP_RELEASE_BOWEL, DEEP_RELEASE_SURGERY,
            DEEP_RELEASE_PREGNANCY, DEEP_RELEASE_HISTORY_NOT_ASKED, LYING_FLAT_IN_PREGNANCY);

    /** What the rule set leaves out for this person. */
    static List<LeaveOut> leftOut(Case reading) {
        List<LeaveOut> leftOut = new ArrayList<>();
        for (Decision<LeaveOut> decision : LEAVE_OUTS) {
            if (decision.holdsFor(reading)) {
                leftOut.add(decision.outcome());
            }
        }
        return List.copyOf(leftOut);
    }

    private static Decision<LeaveOut> leaveOut(String id, String description, String source, List<Input> inputs,
            Predicate<SymptomReport> condition, LeaveOut outcome) {
        return leaveOut(id, "1", description, source, inputs, condition, outcome);
    }

    private static Decision<LeaveOut> leaveOut(String id, String version, String description, String source,
            List<Input> inputs, Predicate<SymptomReport> condition, LeaveOut outcome) {
        return new Decision<>(id, version, description, source, inputs.stream().map(Decision.Fact::of).toList(),
                reading -> condition.test(reading.report()), (outcome.onRequestOnly()
                        ? "Skipped unless asked for: " : "Left out as " + outcome.condition() + ": ")
                        + outcome.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + ". The person reads: \u201c" + outcome.reason() + "\u201d", outcome);
    }

    /** The deep release left out for a word of the medical history, named as its condition. */
    private static Decision<LeaveOut> deepReleaseWith(String id, String description, MedicalHistory word,
            String reason) {
        return leaveOut(id, description, CLINICAL_GUIDANCE, List.of(MEDICAL_HISTORY),
                r -> anyOf(orEmpty(screening(r).medicalHistory()), word), deepRelease(word.word(), reason));
    }

    private static LeaveOut deepRelease(String condition, String reason) {
        return new LeaveOut(ExerciseKind.DEEP_ABDOMINAL_PRESSURE, condition, reason, false);
    }

    /** All rules, in listing order. */
    public static final List<Rule> RULES = Stream.concat(SPECIFIC.stream(), Stream.of(SC_NO_RED_FLAGS)).toList();

    private RuleSet() {
    }

    /** The rules that fire on a report, in listing order. */
    public static List<Rule> firing(SymptomReport report) {
        List<Rule> firing = new ArrayList<>();
        for (Rule rule : RULES) {
            if (rule.appliesTo(report)) {
                firing.add(rule);
            }
        }
        return List.copyOf(firing);
    }

    /**
     * One part of the rule set, as the review document shows it.
     *
     * @param how how the part's decisions work together, in plain words
     */
    record Part(String title, String how, List<Decision<?>> decisions) {
    }

    /** The whole rule set: the level rules, then the decisions that shape the rest of the recommendation. */
    static List<Part> parts() {
        return List.of(
                new Part("Level rules", "Every rule whose condition holds fires. The level is the most severe level "
                        + "of the rules that fired; the contraindications, gentle mode, no running and exercises on "
                        + "hold of all of them add up. Each fired rule gives the person its reason, most severe first, and is "
                        + "listed in the explanation; while exercises are on hold (urgent care, or a referral that "
                        + "holds them) a rule whose effect only shapes the plan (a level of caution, contraindications, "
                        + "gentle mode, no running, below a referral) is neither given nor listed, as there is no plan "
                        + "for it to shape.",
                        RULES.stream().<Decision<?>>map(Rule::asDecision).toList()),
                new Part("How soon", "Urgent care is always today; a referral to a professional is within a week "
                        + "when any rule that fired says so, else routine.", List.copyOf(REFERRALS)),
                new Part("Exercises left out for who the person is", "Each decision that holds leaves out every "
                        + "catalog exercise of its kind, on top of the catalog's contraindications; the deep release "
                        + "is in a plan only when the person asks for it and no other decision here holds.",
                        List.copyOf(LEAVE_OUTS)),
                new Part("While waiting to be seen", "Applied after the level rules, on the level they gave.",
                        List.copyOf(PlanRules.MODES)),
                new Part("What the report rules out beyond the level rules", "The conditions of the decisions that "
                        + "hold add to those of the level rules; an exercise is left out for any of them, and by any "
                        + "field exclusion that holds, in every part of the recommendation.", ruledOut()),
                new Part("A first plan that fits the person", "The plan follows the complete release protocol, "
                        + "gentler stretches first; the focus decision whose muscles hold the most likely muscle "
                        + "(after LM-MOST-COMMON-FIRST) adds its picks, and so does PF-FOCUS-OUTER-HIP when it holds "
                        + "(PRODUCT.md: \u201cTFL or outer hip\u201d); muscles further down the ranking set no focus "
                        + "of their own, so a first plan stays within the protocol's time and a guess at the muscle "
                        + "does not grow into a diagnosis. During a fresh strain only the catalog's isometric holds "
                        + "are left, each with its own hold dose.",
                        firstPlan()),
                new Part("Notes of the session plan", "The plan carries the note of every decision that holds, in "
                        + "this order.", List.copyOf(PlanRules.NOTES)),
                new Part("Extras for who the person is", "Extras add to the plan and follow the same exclusions and "
                        + "gentle mode. Exactly one shoe check holds for a runner.", extras()),
                new Part("Root-cause checklist", "The catalog's checklist in its order, most common cause first; a "
                        + "step is marked worth checking first when a decision pointing to it holds.", rootCause()),
                new Part("Likely muscles", "Muscles are ranked by their points, most first, ties as "
                        + "LM-MOST-COMMON-FIRST says; a muscle nothing points to is left out.", likelyMuscles()));
    }

    private static List<Decision<?>> ruledOut() {
        return together(PlanRules.CONDITIONS, PlanRules.FIELD_EXCLUSIONS);
    }

    private static List<Decision<?>> firstPlan() {
        return together(List.of(PlanRules.GENTLER_FIRST), PlanRules.FOCUS, List.of(PlanRules.HOLDS_ONLY));
    }

    /** The decisions of the lists, in their order. */
    @SafeVarargs
    private static List<Decision<?>> together(List<? extends Decision<?>>... lists) {
        List<Decision<?>> all = new ArrayList<>();
        for (List<? extends Decision<?>> list : lists) {
            all.addAll(list);
        }
        return List.copyOf(all);
    }

    private static List<Decision<?>> extras() {
        List<Decision<?>> extras = new ArrayList<>(List.of(ProfileRules.NO_EXTRAS_ON_HOLD, ProfileRules.RUNNER));
        extras.addAll(ProfileRules.SHOE_CHECKS);
        extras.addAll(List.of(ProfileRules.MOVEMENT_BREAKS, ProfileRules.CORE_AND_GLUTES));
        return List.copyOf(extras);
    }

    private static List<Decision<?>> rootCause() {
        List<Decision<?>> rootCause = new ArrayList<>(List.of(ProfileRules.RUNNER_STEPS_FOR_RUNNERS));
        rootCause.addAll(ProfileRules.STEP_POINTERS);
        return List.copyOf(rootCause);
    }

    private static List<Decision<?>> likelyMuscles() {
        return together(List.of(ProfileRules.REFERRED_PAIN), ProfileRules.MUSCLE_HINTS,
                List.of(ProfileRules.MOST_COMMON_FIRST));
    }

    public static Optional<Rule> byId(String id) {
        return RULES.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }

    /** The report's screening, or {@link Screening#NOT_ASKED} when its producer sent none. */
    static Screening screening(SymptomReport report) {
        return report.screening() == null ? Screening.NOT_ASKED : report.screening();
    }

    /**
     * The names of the screening answers a report lacks, in the order the rules list them, and the starting pain
     * when weeks of work are given without it.
     */
    public static List<String> notAsked(SymptomReport report) {
        List<String> missing = new ArrayList<>();
        for (Input answer : SCREENING_ANSWERS) {
            if (answer.reader().apply(report) == null) {
                missing.add(answer.name());
            }
        }
        if (report.weeksOfConsistentWork() != null && report.startingIntensity() == null) {
            missing.add(STARTING_INTENSITY.name());
        }
        return List.copyOf(missing);
    }

    private static Input screening(String name, String meaning, Function<Screening, Object> answer) {
        return new Input("screening." + name, meaning, r -> answer.apply(screening(r)));
    }

    private static boolean yes(Boolean answer) {
        return Boolean.TRUE.equals(answer);
    }

    private static boolean fragileBones(SymptomReport r) {
        return anyOf(orEmpty(screening(r).medicalHistory()), MedicalHistory.LONG_TERM_STEROIDS,
                MedicalHistory.OSTEOPOROSIS);
    }

    /** Pain fell by less than both the points and the percentage from the start, or rose. */
    static boolean notImproved(int starting, int now) {
        int fall = starting - now;
        return fall < IMPROVEMENT_POINTS && fall * 100 < IMPROVEMENT_PERCENT * starting;
    }

    private static <E> Set<E> orEmpty(Set<E> values) {
        return values == null ? Set.of() : values;
    }

    private static boolean noneAppliesTo(List<Rule> rules, SymptomReport report) {
        for (Rule rule : rules) {
            if (rule.appliesTo(report)) {
                return false;
            }
        }
        return true;
    }

    @SafeVarargs
    private static <E> boolean anyOf(Set<E> present, E... wanted) {
        for (E value : wanted) {
            if (present.contains(value)) {
                return true;
            }
        }
        return false;
    }
}
