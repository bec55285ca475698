package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.Level.SEE_PROFESSIONAL;
import static dev.hipflex.triage.domain.Level.SELF_CARE;
import static dev.hipflex.triage.domain.Level.SELF_CARE_WITH_CAUTION;
import static dev.hipflex.triage.domain.Level.URGENT_CARE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import dev.hipflex.triage.domain.Rule.Effect;
import dev.hipflex.triage.domain.Rule.Input;
import dev.hipflex.triage.domain.SymptomReport.Activity;
import dev.hipflex.triage.domain.SymptomReport.History;
import dev.hipflex.triage.domain.SymptomReport.Onset;
import dev.hipflex.triage.domain.SymptomReport.PainLocation;
import dev.hipflex.triage.domain.SymptomReport.PainQuality;
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
 * {@code UC} urgent care, {@code CA} caution (gentle or adapted self-care), {@code CI} contraindications only,
 * {@code SC} the self-care baseline.
 */
public final class RuleSet {

    /**
     * Bump on any change of a rule or decision (their own versions too, see rule-fingerprints.txt in the tests);
     * every recommendation records the version it was computed with.
     */
    public static final String VERSION = "2026.12.2";

    static final String RELEASE_GUIDE = "release-tight-hips-guide";
    static final String RUNNERS_CHRONIC_PAIN = "runners-chronic-hip-flexor-pain";
    static final String ROOT_CAUSE_METHOD = "mfactor-root-cause";
    static final String CLINICAL_GUIDANCE = "general-clinical-guidance";

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
    /** Intensity (0 to 10) that counts as severe. */
    public static final int SEVERE_INTENSITY = 8;

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
    public static final Input WARNING_SIGNS = new Input("warningSigns", "general warning signs: night or rest pain, "
            + "pain when hopping, a recent big jump in running load, a recent fall or injury, fever or feeling unwell, "
            + "a hot swollen hip, unexplained weight loss, a past cancer", SymptomReport::warningSigns);
    public static final Input WEEKS_OF_WORK = new Input("weeksOfConsistentWork",
            "weeks of consistent work on the protocol so far, if given", SymptomReport::weeksOfConsistentWork);

    // ---- Red flags from seed 003 "When to Seek Professional Help" ----

    public static final Rule RF_NO_IMPROVEMENT = new Rule("RF-NO-IMPROVEMENT", "1",
            "Pain still present after at least " + WEEKS_WITHOUT_IMPROVEMENT + " weeks of consistent protocol work.",
            RELEASE_GUIDE,
            List.of(WEEKS_OF_WORK, INTENSITY),
            r -> r.weeksOfConsistentWork() != null && r.weeksOfConsistentWork() >= WEEKS_WITHOUT_IMPROVEMENT
                    && r.intensity() >= 1,
            Effect.atLeast(SEE_PROFESSIONAL, "You have worked on your hips consistently for four weeks or more and "
                    + "still have pain. That is the point to get a professional opinion; you can keep the gentle "
                    + "exercises going meanwhile.").withRedFlag("no-improvement-after-4-6-weeks"));

    public static final Rule RF_NEURO = new Rule("RF-NEURO", "1",
            "Numbness, tingling or pain radiating down the leg.", RELEASE_GUIDE, List.of(SIGNS),
            r -> anyOf(r.signs(), Sign.NUMBNESS, Sign.TINGLING, Sign.RADIATING_DOWN_THE_LEG),
            // The catalog's advice for this flag is to stop self-treatment, so no exercises until seen.
            Effect.atLeast(SEE_PROFESSIONAL, "Numbness, tingling or pain running down your leg suggest a nerve "
                    + "may be involved. Pause the exercises and have a professional check it.")
                    .withRedFlag("numbness-tingling-or-radiating-pain").holdingExercises());

    public static final Rule RF_GAIT = new Rule("RF-GAIT", "1",
            "Pain that changes how the person walks (limping).", RELEASE_GUIDE, List.of(SIGNS),
            r -> anyOf(r.signs(), Sign.LIMPING),
            // The catalog's advice: see a professional before you keep going with the exercises.
            Effect.atLeast(SEE_PROFESSIONAL, "Pain that makes you limp is more than everyday tightness. Have it "
                    + "checked before you carry on with the exercises.")
                    .withRedFlag("pain-changes-how-you-walk").holdingExercises());

    public static final Rule RF_MECHANICAL = new Rule("RF-MECHANICAL", "1",
            "Clicking, catching or locking in the hip joint.", RELEASE_GUIDE, List.of(SIGNS),
            r -> anyOf(r.signs(), Sign.CLICKING_CATCHING_LOCKING),
            Effect.atLeast(SEE_PROFESSIONAL, "A hip that clicks, catches or locks may have a problem inside the "
                    + "joint. Have it looked at, and avoid the movements that make it catch.")
                    .withRedFlag("clicking-catching-or-locking"));

    public static final Rule RF_SUDDEN_ONSET = new Rule("RF-SUDDEN-ONSET", "1",
            "Pain that came on suddenly during exercise (possible strain or labral tear).", RELEASE_GUIDE,
            List.of(ONSET),
            r -> r.onset() == Onset.SUDDEN_DURING_EXERCISE,
            // The catalog's advice: stop the activity that caused it until you know what was injured.
            Effect.atLeast(SEE_PROFESSIONAL, "Pain that started suddenly during exercise may be a strained muscle "
                    + "or a labral tear. Stop the activity that caused it and get it assessed before you train "
                    + "again.").withRedFlag("sudden-pain-during-exercise").withNoRunning());

    public static final Rule RF_HIP_SURGERY = new Rule("RF-HIP-SURGERY", "1",
            "Past hip surgery or a known structural hip problem.", RELEASE_GUIDE, List.of(HISTORY),
            r -> anyOf(r.history(), History.HIP_SURGERY_OR_STRUCTURAL_ISSUE),
            // The catalog's advice: check with a professional before you start.
            Effect.atLeast(SEE_PROFESSIONAL, "After hip surgery or with a structural hip problem, general exercises "
                    + "may not suit your hip. Check with a professional before you start.")
                    .withRedFlag("hip-surgery-or-structural-problem").excluding("hip-surgery-or-structural-issue")
                    .holdingExercises());

    // ---- General clinical red flags for hip and groin pain (beyond the articles) ----

    public static final Rule GC_BONE_STRESS = new Rule("GC-BONE-STRESS", "1",
            "Night or rest pain, pain when hopping, or a recent big jump in running load: possible femoral neck "
                    + "stress fracture, which can feel like a tight hip flexor. A reported jump in running load counts "
                    + "even without the runner profile flag.", CLINICAL_GUIDANCE, List.of(WARNING_SIGNS),
            r -> anyOf(r.warningSigns(), WarningSign.NIGHT_OR_REST_PAIN, WarningSign.PAIN_WHEN_HOPPING,
                    WarningSign.RECENT_BIG_JUMP_IN_RUNNING_LOAD),
            Effect.atLeast(SEE_PROFESSIONAL, "Pain at night or at rest, pain when you hop on the leg, or a recent "
                    + "big jump in running can mean a stress fracture at the top of the thigh bone, which can feel "
                    + "just like a tight hip flexor. No running and no exercises until a professional has seen you.")
                    .withNoRunning().holdingExercises());

    public static final Rule UC_FALL_NO_WEIGHT = new Rule("UC-FALL-NO-WEIGHT", "1",
            "A recent fall or injury and the leg cannot bear weight: possible fracture.", CLINICAL_GUIDANCE,
            List.of(WARNING_SIGNS, SIGNS),
            r -> anyOf(r.warningSigns(), WarningSign.RECENT_FALL_OR_INJURY) && anyOf(r.signs(), Sign.CANNOT_BEAR_WEIGHT),
            Effect.atLeast(URGENT_CARE, "You cannot put weight on the leg after a fall or injury. Get urgent care now, "
                    + "for example an emergency department or urgent care centre."));

    /**
     * Not a combination the brief names, but the brief lists a recent fall or injury among the general warning signs,
     * and every other one of them sends to a professional: a fracture or a tear can still let you walk.
     */
    public static final Rule GC_FALL_OR_INJURY = new Rule("GC-FALL-OR-INJURY", "1",
            "A recent fall or injury with hip pain, even while the leg still takes weight: possible fracture or tear, "
                    + "which stretching and strengthening could make worse.", CLINICAL_GUIDANCE, List.of(WARNING_SIGNS),
            r -> anyOf(r.warningSigns(), WarningSign.RECENT_FALL_OR_INJURY),
            Effect.atLeast(SEE_PROFESSIONAL, "Your hip has hurt since a recent fall or injury. Have a professional "
                    + "check it before you exercise or run on it: a fracture or a tear can still let you walk.")
                    .withNoRunning().holdingExercises());

    public static final Rule UC_SEVERE_NO_WEIGHT = new Rule("UC-SEVERE-NO-WEIGHT", "1",
            "Severe pain (" + SEVERE_INTENSITY + " or more of 10) and the leg cannot bear weight.", CLINICAL_GUIDANCE,
            List.of(INTENSITY, SIGNS),
            r -> r.intensity() >= SEVERE_INTENSITY && anyOf(r.signs(), Sign.CANNOT_BEAR_WEIGHT),
            Effect.atLeast(URGENT_CARE, "Severe pain with a leg that will not take your weight needs to be seen "
                    + "today. Get urgent care now."));

    public static final Rule GC_NO_WEIGHT = new Rule("GC-NO-WEIGHT", "1",
            "The leg cannot bear weight.", CLINICAL_GUIDANCE, List.of(SIGNS),
            r -> anyOf(r.signs(), Sign.CANNOT_BEAR_WEIGHT),
            Effect.atLeast(SEE_PROFESSIONAL, "A leg that cannot take your weight needs a professional assessment "
                    + "before any exercise or running.").withNoRunning().holdingExercises());

    public static final Rule UC_INFECTION = new Rule("UC-INFECTION", "1",
            "Fever or feeling unwell with a hot, swollen hip: possible joint infection.", CLINICAL_GUIDANCE,
            List.of(WARNING_SIGNS),
            r -> anyOf(r.warningSigns(), WarningSign.FEVER_OR_UNWELL)
                    && anyOf(r.warningSigns(), WarningSign.HOT_SWOLLEN_HIP),
            Effect.atLeast(URGENT_CARE, "A hot, swollen hip while you have a fever or feel unwell can be a joint "
                    + "infection. Get urgent care now."));

    public static final Rule GC_FEVER = new Rule("GC-FEVER", "1",
            "Fever or feeling unwell together with hip pain.", CLINICAL_GUIDANCE, List.of(WARNING_SIGNS),
            r -> anyOf(r.warningSigns(), WarningSign.FEVER_OR_UNWELL),
            Effect.atLeast(SEE_PROFESSIONAL, "Hip pain while you have a fever or feel unwell should be checked by a "
                    + "doctor. Rest rather than exercise until then.").holdingExercises());

    /** Not in the brief's list: a hot, swollen hip without fever still needs a doctor (inflammation, gout, infection). */
    public static final Rule GC_HOT_SWOLLEN_HIP = new Rule("GC-HOT-SWOLLEN-HIP", "1",
            "A hot, swollen hip, even without fever.", CLINICAL_GUIDANCE, List.of(WARNING_SIGNS),
            r -> anyOf(r.warningSigns(), WarningSign.HOT_SWOLLEN_HIP),
            Effect.atLeast(SEE_PROFESSIONAL, "A hot, swollen hip points to inflammation in or around the joint, "
                    + "which tight muscles do not cause. Have a doctor check it and rest it until then.")
                    .holdingExercises());

    public static final Rule GC_CANCER_OR_WEIGHT_LOSS = new Rule("GC-CANCER-OR-WEIGHT-LOSS", "1",
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

    public static final Rule CA_PREGNANCY = new Rule("CA-PREGNANCY", "1",
            "Pregnancy: no deep abdominal pressure (lacrosse-ball psoas release).", RELEASE_GUIDE, List.of(HISTORY),
            r -> anyOf(r.history(), History.PREGNANCY),
            Effect.atLeast(SELF_CARE_WITH_CAUTION, "During pregnancy, exercises that press deep into your belly are "
                    + "left out of your plan.").excluding("pregnancy"));

    public static final Rule CA_ABDOMINAL = new Rule("CA-ABDOMINAL", "1",
            "An abdominal condition: no deep abdominal pressure (lacrosse-ball psoas release).", RELEASE_GUIDE,
            List.of(HISTORY),
            r -> anyOf(r.history(), History.ABDOMINAL_CONDITION),
            Effect.atLeast(SELF_CARE_WITH_CAUTION, "Because of your abdominal condition, exercises that press deep "
                    + "into your belly are left out of your plan.").excluding("abdominal-condition"));

    // ---- Contraindications only ----

    public static final Rule CI_KNEE = new Rule("CI-KNEE", "1",
            "Knee pain: leave out exercises that load a deeply bent knee.", CLINICAL_GUIDANCE, List.of(PAIN_LOCATIONS),
            r -> anyOf(r.painLocations(), PainLocation.KNEE),
            Effect.atLeast(SELF_CARE, "Because your knee hurts, exercises that put weight on a deeply bent knee are "
                    + "left out.").excluding("knee-pain"));

    public static final Rule CI_LOW_BACK = new Rule("CI-LOW-BACK", "1",
            "Low back pain: leave out exercises the catalog marks unsuitable for it.", CLINICAL_GUIDANCE,
            List.of(PAIN_LOCATIONS),
            r -> anyOf(r.painLocations(), PainLocation.LOW_BACK),
            Effect.atLeast(SELF_CARE, "Because your low back hurts, exercises that could strain it are left out.")
                    .excluding("low-back-pain"));

    /** Every rule except the baseline, in the order reasons are listed within a level. */
    private static final List<Rule> SPECIFIC = List.of(
            UC_FALL_NO_WEIGHT, UC_SEVERE_NO_WEIGHT, UC_INFECTION,
            RF_NO_IMPROVEMENT, RF_NEURO, RF_GAIT, RF_MECHANICAL, RF_SUDDEN_ONSET, RF_HIP_SURGERY,
            GC_BONE_STRESS, GC_FALL_OR_INJURY, GC_NO_WEIGHT, GC_FEVER, GC_HOT_SWOLLEN_HIP, GC_CANCER_OR_WEIGHT_LOSS,
            CA_ACUTE, CA_PREGNANCY, CA_ABDOMINAL,
            CI_KNEE, CI_LOW_BACK);

    private static final List<Rule> LEVEL_RAISING = SPECIFIC.stream()
            .filter(rule -> rule.effect().minimumLevel() != SELF_CARE).toList();

    // ---- Baseline ----

    /** Fires exactly when no other rule raises the level, so that SELF_CARE also comes with a reason. */
    public static final Rule SC_NO_RED_FLAGS = new Rule("SC-NO-RED-FLAGS", "2",
            "No red flag and no reason for caution: self-care with the complete release protocol.", RELEASE_GUIDE,
            LEVEL_RAISING.stream().flatMap(rule -> rule.inputs().stream()).distinct().toList(),
            r -> noneAppliesTo(LEVEL_RAISING, r),
            Effect.atLeast(SELF_CARE, "Nothing in your report needs a professional right now. Most hip flexor pain "
                    + "gets better with regular release, stretching and strengthening, so start the complete "
                    + "release protocol."));

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
                        + "hold of all of them add up. Each fired rule gives the person its reason, most severe first.",
                        RULES.stream().<Decision<?>>map(Rule::asDecision).toList()),
                new Part("While waiting to be seen", "Applied after the level rules, on the level they gave.",
                        List.copyOf(PlanRules.MODES)),
                new Part("What the report rules out beyond the level rules", "The conditions of the decisions that "
                        + "hold add to those of the level rules; an exercise is left out for any of them, and by any "
                        + "field exclusion that holds, in every part of the recommendation.", ruledOut()),
                new Part("A first plan that fits the person", "The plan follows the complete release protocol, "
                        + "gentler stretches first; the focus decision whose muscles hold the most likely muscle "
                        + "(after LM-MOST-COMMON-FIRST) adds its picks; during a fresh strain only holds are left.",
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
