package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.CatalogFixture.catalog;
import static dev.hipflex.triage.domain.ReportGenerator.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.hipflex.triage.domain.CatalogSnapshot.Exercise;
import dev.hipflex.triage.domain.Plan.Status;
import dev.hipflex.triage.domain.Recommendation.Item;
import dev.hipflex.triage.domain.Recommendation.SkipReason;
import dev.hipflex.triage.domain.SymptomReport.CaudaEquinaSign;
import dev.hipflex.triage.domain.SymptomReport.GroinLump;
import dev.hipflex.triage.domain.SymptomReport.History;
import dev.hipflex.triage.domain.SymptomReport.LumpSign;
import dev.hipflex.triage.domain.SymptomReport.MedicalHistory;
import dev.hipflex.triage.domain.SymptomReport.Onset;
import dev.hipflex.triage.domain.SymptomReport.PainIntoTesticle;
import dev.hipflex.triage.domain.SymptomReport.PainLocation;
import dev.hipflex.triage.domain.SymptomReport.PainQuality;
import dev.hipflex.triage.domain.SymptomReport.Pregnancy;
import dev.hipflex.triage.domain.SymptomReport.Profile;
import dev.hipflex.triage.domain.SymptomReport.Screening;
import dev.hipflex.triage.domain.SymptomReport.Sign;
import dev.hipflex.triage.domain.SymptomReport.WarningSign;

/**
 * Properties over 5,000 seeded random reports each. The oracles below are written from the product brief, apart
 * from the engine's predicates, so that a rule that drifts from its specification fails here.
 */
class TriageEnginePropertiesTest {

    /**
     * A red flag as the brief states it: when it applies, the ways to force it into a report (each variant the rule
     * names, one picked at random each time), its minimum level and how soon (PRODUCT.md part two, "Screening a
     * clinician would do", items 3 to 6; null urgency below a referral).
     */
    private record RedFlag(String rule, Level level, Urgency urgency, Predicate<SymptomReport> applies,
            List<Variant> variants) {

        Variant pick(Random random) {
            return variants.get(random.nextInt(variants.size()));
        }

        /** Forces one variant, picked at random, into the report. */
        SymptomReport inject(SymptomReport generated, Random random) {
            return pick(random).inject(generated, random);
        }
    }

    /** One way a rule's combination shows, with the ages it names drawn at random when it names a range. */
    private record Variant(String name, BiFunction<ReportBuilder, Random, ReportBuilder> forcing) {

        SymptomReport inject(SymptomReport generated, Random random) {
            return forcing.apply(ReportBuilder.from(generated), random).build();
        }
    }

    private static Variant v(String name, UnaryOperator<ReportBuilder> forcing) {
        return new Variant(name, (b, random) -> forcing.apply(b));
    }

    private static Variant aged(String name, BiFunction<ReportBuilder, Random, ReportBuilder> forcing) {
        return new Variant(name, forcing);
    }

    /** An age from {@code from} to {@code to}, both included. */
    private static int age(Random random, int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    private static final Set<PainLocation> CHILD_PAIN = Set.of(PainLocation.FRONT_OF_HIP, PainLocation.GROIN,
            PainLocation.OUTER_HIP, PainLocation.FRONT_OF_THIGH, PainLocation.KNEE);

    private static final List<RedFlag> RED_FLAGS = List.of(
            // ---- today ----
            today("UC-CAUDA-EQUINA", r -> !orEmpty(s(r).caudaEquinaSigns()).isEmpty(),
                    v("saddle numbness", b -> b.caudaEquinaSigns(CaudaEquinaSign.SADDLE_NUMBNESS)),
                    v("new bladder or bowel change", b -> b.caudaEquinaSigns(CaudaEquinaSign.NEW_BLADDER_OR_BOWEL_CHANGE)),
                    v("symptoms in both legs", b -> b.caudaEquinaSigns(CaudaEquinaSign.SYMPTOMS_IN_BOTH_LEGS))),
            today("UC-INFECTION", r -> r.warningSigns().contains(WarningSign.FEVER_OR_UNWELL)
                    && (r.warningSigns().contains(WarningSign.HOT_SWOLLEN_HIP)
                            || hasAny(r.signs(), Sign.LIMPING, Sign.CANNOT_BEAR_WEIGHT)),
                    v("fever with a limp", b -> b.addWarningSign(WarningSign.FEVER_OR_UNWELL).addSign(Sign.LIMPING)),
                    v("fever with no weight", b -> b.addWarningSign(WarningSign.FEVER_OR_UNWELL)
                            .addSign(Sign.CANNOT_BEAR_WEIGHT)),
                    v("fever with a hot swollen hip", b -> b.addWarningSign(WarningSign.FEVER_OR_UNWELL)
                            .addWarningSign(WarningSign.HOT_SWOLLEN_HIP))),
            today("UC-NO-WEIGHT", r -> r.signs().contains(Sign.CANNOT_BEAR_WEIGHT),
                    v("no weight", b -> b.addSign(Sign.CANNOT_BEAR_WEIGHT)),
                    v("no weight after a fall", b -> b.addSign(Sign.CANNOT_BEAR_WEIGHT).fallSinceThePainBegan(true))),
            today("UC-FALL", r -> (yes(s(r).fallSinceThePainBegan())
                    || r.warningSigns().contains(WarningSign.RECENT_FALL_OR_INJURY))
                    && (r.age() != null && r.age() >= 50 || hasAny(orEmpty(s(r).medicalHistory()),
                            MedicalHistory.LONG_TERM_STEROIDS, MedicalHistory.OSTEOPOROSIS)),
                    aged("fall since the pain began at 50 or over", (b, random) -> b.fallSinceThePainBegan(true)
                            .age(age(random, 50, 120))),
                    aged("recent fall or injury at 50 or over", (b, random) -> b
                            .addWarningSign(WarningSign.RECENT_FALL_OR_INJURY).age(age(random, 50, 120))),
                    aged("fall with long-term steroids at any age", (b, random) -> b.fallSinceThePainBegan(true)
                            .medicalHistory(MedicalHistory.LONG_TERM_STEROIDS).age(age(random, 0, 120))),
                    aged("fall with osteoporosis at any age", (b, random) -> b.fallSinceThePainBegan(true)
                            .medicalHistory(MedicalHistory.OSTEOPOROSIS).age(age(random, 0, 120))),
                    aged("recent injury with steroids under 50", (b, random) -> b
                            .addWarningSign(WarningSign.RECENT_FALL_OR_INJURY)
                            .medicalHistory(MedicalHistory.LONG_TERM_STEROIDS).age(age(random, 0, 49))),
                    aged("recent injury with osteoporosis under 50", (b, random) -> b
                            .addWarningSign(WarningSign.RECENT_FALL_OR_INJURY)
                            .medicalHistory(MedicalHistory.OSTEOPOROSIS).age(age(random, 0, 49)))),
            today("UC-CHILD", r -> r.age() != null && r.age() < 18 && (hasAny(r.signs(), Sign.LIMPING,
                    Sign.CANNOT_BEAR_WEIGHT) || r.warningSigns().contains(WarningSign.FEVER_OR_UNWELL)),
                    aged("child with a limp", (b, random) -> b.age(age(random, 0, 17)).addSign(Sign.LIMPING)),
                    aged("child with no weight", (b, random) -> b.age(age(random, 0, 17))
                            .addSign(Sign.CANNOT_BEAR_WEIGHT)),
                    aged("child with a fever", (b, random) -> b.age(age(random, 0, 17))
                            .addWarningSign(WarningSign.FEVER_OR_UNWELL))),
            today("UC-TESTICLE", r -> s(r).painIntoTesticle() == PainIntoTesticle.CAME_ON_SUDDENLY,
                    v("sudden pain into a testicle", b -> b.painIntoTesticle(PainIntoTesticle.CAME_ON_SUDDENLY))),
            today("UC-GROIN-LUMP", r -> lump(r) && (s(r).groinLump() == GroinLump.STAYS_OUT
                    && orEmpty(s(r).groinLumpSigns()).contains(LumpSign.PAINFUL)
                    || orEmpty(s(r).groinLumpSigns()).contains(LumpSign.WITH_VOMITING)),
                    v("painful lump that stays out", b -> b.groinLump(GroinLump.STAYS_OUT, LumpSign.PAINFUL)),
                    v("lump that stays out, with vomiting", b -> b.groinLump(GroinLump.STAYS_OUT,
                            LumpSign.WITH_VOMITING)),
                    v("lump that goes back in, with vomiting", b -> b.groinLump(GroinLump.GOES_BACK_IN,
                            LumpSign.WITH_VOMITING))),
            today("UC-PULSING-LUMP", r -> lump(r) && orEmpty(s(r).groinLumpSigns()).contains(LumpSign.PULSES),
                    v("pulsing lump that goes back in", b -> b.groinLump(GroinLump.GOES_BACK_IN, LumpSign.PULSES)),
                    v("pulsing lump that stays out", b -> b.groinLump(GroinLump.STAYS_OUT, LumpSign.PULSES))),
            today("UC-PSOAS-ABSCESS", r -> r.warningSigns().contains(WarningSign.FEVER_OR_UNWELL)
                    && yes(s(r).bellyPain()) && yes(s(r).painOnStraighteningTheHip()),
                    v("fever, belly pain and pain on straightening", b -> b.addWarningSign(WarningSign.FEVER_OR_UNWELL)
                            .bellyPain(true).painOnStraighteningTheHip(true))),
            // ---- within a week ----
            week("WK-CHILD", r -> r.age() != null && r.age() < 18 && hasAny(r.painLocations(),
                    CHILD_PAIN.toArray(PainLocation[]::new)),
                    CHILD_PAIN.stream().sorted().map(location -> aged("child with " + location.word() + " pain",
                            (b, random) -> b.age(age(random, 0, 17)).locations(location))).toArray(Variant[]::new)),
            week("WK-CANCER-WITH-CONSTANT-PAIN", r -> hasAny(r.warningSigns(), WarningSign.PAST_CANCER,
                    WarningSign.UNEXPLAINED_WEIGHT_LOSS) && constantOrNight(r),
                    v("past cancer, constant pain", b -> b.addWarningSign(WarningSign.PAST_CANCER)
                            .constantPainDayAndNight(true)),
                    v("weight loss, constant pain", b -> b.addWarningSign(WarningSign.UNEXPLAINED_WEIGHT_LOSS)
                            .constantPainDayAndNight(true)),
                    v("past cancer, an older producer's night-or-rest-pain", b -> b
                            .addWarningSign(WarningSign.PAST_CANCER).addWarningSign(WarningSign.NIGHT_OR_REST_PAIN))),
            week("GC-BONE-STRESS", r -> r.warningSigns().contains(WarningSign.PAIN_WHEN_HOPPING)
                    || constantOrNight(r) && (Boolean.TRUE.equals(r.profile().runner())
                            || r.warningSigns().contains(WarningSign.RECENT_BIG_JUMP_IN_RUNNING_LOAD)),
                    v("pain when hopping", b -> b.addWarningSign(WarningSign.PAIN_WHEN_HOPPING)),
                    v("runner with constant pain", b -> b.runner(true).constantPainDayAndNight(true)),
                    v("running load jump with constant pain", b -> b
                            .addWarningSign(WarningSign.RECENT_BIG_JUMP_IN_RUNNING_LOAD).constantPainDayAndNight(true)),
                    v("runner, an older producer's night-or-rest-pain", b -> b.runner(true)
                            .addWarningSign(WarningSign.NIGHT_OR_REST_PAIN))),
            week("WK-PREGNANCY", r -> (s(r).pregnancy() == Pregnancy.PREGNANT && s(r).pregnancyWeeks() != null
                    && s(r).pregnancyWeeks() >= 28 || yes(s(r).gaveBirthInLast3Months()))
                    && (r.painLocations().contains(PainLocation.GROIN) || r.signs().contains(Sign.LIMPING)),
                    aged("28 weeks or more, groin pain", (b, random) -> b.pregnancy(Pregnancy.PREGNANT,
                            age(random, 28, 42)).locations(PainLocation.GROIN)),
                    aged("28 weeks or more, a limp", (b, random) -> b.pregnancy(Pregnancy.PREGNANT,
                            age(random, 28, 42)).addSign(Sign.LIMPING)),
                    v("birth in the last 3 months, groin pain", b -> b.gaveBirthInLast3Months(true)
                            .locations(PainLocation.GROIN)),
                    v("birth in the last 3 months, a limp", b -> b.gaveBirthInLast3Months(true)
                            .addSign(Sign.LIMPING))),
            week("WK-STIFF-HIPS-AND-SHOULDERS", r -> r.age() != null && r.age() >= 50
                    && yes(s(r).achingHipsWithMorningStiffness()),
                    aged("50 or over, aching and stiff", (b, random) -> b.age(age(random, 50, 120))
                            .achingHipsWithMorningStiffness(true))),
            week("WK-TESTICLE", r -> s(r).painIntoTesticle() == PainIntoTesticle.CAME_ON_GRADUALLY,
                    v("gradual pain into a testicle", b -> b.painIntoTesticle(PainIntoTesticle.CAME_ON_GRADUALLY))),
            week("WK-GROIN-LUMP", r -> s(r).groinLump() == GroinLump.STAYS_OUT || s(r).groinLump() == GroinLump.GOES_BACK_IN
                    && orEmpty(s(r).groinLumpSigns()).contains(LumpSign.PAINFUL),
                    v("lump that stays out", b -> b.groinLump(GroinLump.STAYS_OUT)),
                    v("tender lump that goes back in", b -> b.groinLump(GroinLump.GOES_BACK_IN, LumpSign.PAINFUL))),
            week("GC-FALL-OR-INJURY", r -> r.warningSigns().contains(WarningSign.RECENT_FALL_OR_INJURY)
                    || yes(s(r).fallSinceThePainBegan()),
                    v("recent fall or injury", b -> b.addWarningSign(WarningSign.RECENT_FALL_OR_INJURY)),
                    v("fall since the pain began", b -> b.fallSinceThePainBegan(true))),
            week("GC-FEVER", r -> r.warningSigns().contains(WarningSign.FEVER_OR_UNWELL),
                    v("fever", b -> b.addWarningSign(WarningSign.FEVER_OR_UNWELL))),
            week("GC-HOT-SWOLLEN-HIP", r -> r.warningSigns().contains(WarningSign.HOT_SWOLLEN_HIP),
                    v("hot swollen hip", b -> b.addWarningSign(WarningSign.HOT_SWOLLEN_HIP))),
            // ---- routine ----
            routine("RF-NO-IMPROVEMENT", r -> r.weeksOfConsistentWork() != null && r.weeksOfConsistentWork() >= 4
                    && r.startingIntensity() != null && r.startingIntensity() - r.intensity() < 2
                    && (r.startingIntensity() - r.intensity()) < 0.3 * r.startingIntensity(),
                    b -> b.weeksOfWork(4).startingIntensity(5).intensity(5)),
            routine("RF-NEURO", r -> hasAny(r.signs(), Sign.NUMBNESS, Sign.TINGLING, Sign.RADIATING_DOWN_THE_LEG),
                    b -> b.addSign(Sign.TINGLING)),
            routine("RF-GAIT", r -> r.signs().contains(Sign.LIMPING), b -> b.addSign(Sign.LIMPING)),
            routine("RF-MECHANICAL", r -> r.signs().contains(Sign.CLICKING_CATCHING_LOCKING),
                    b -> b.addSign(Sign.CLICKING_CATCHING_LOCKING)),
            routine("RF-SUDDEN-ONSET", r -> r.onset() == Onset.SUDDEN_DURING_EXERCISE,
                    b -> b.onset(Onset.SUDDEN_DURING_EXERCISE)),
            routine("RF-HIP-SURGERY", r -> r.history().contains(History.HIP_SURGERY_OR_STRUCTURAL_ISSUE),
                    b -> b.addHistory(History.HIP_SURGERY_OR_STRUCTURAL_ISSUE)),
            routine("GC-CANCER-OR-WEIGHT-LOSS", r -> hasAny(r.warningSigns(), WarningSign.UNEXPLAINED_WEIGHT_LOSS,
                    WarningSign.PAST_CANCER), b -> b.addWarningSign(WarningSign.PAST_CANCER)),
            routine("GC-CONSTANT-PAIN", TriageEnginePropertiesTest::constantOrNight,
                    b -> b.constantPainDayAndNight(true)),
            routine("RT-GROIN-LUMP", r -> s(r).groinLump() == GroinLump.GOES_BACK_IN
                    && orEmpty(s(r).groinLumpSigns()).isEmpty(), b -> b.groinLump(GroinLump.GOES_BACK_IN)),
            routine("RT-BELLY-OR-URINARY", r -> yes(s(r).bellyPain()) || yes(s(r).urinarySymptoms()),
                    b -> b.urinarySymptoms(true)));

    private static RedFlag today(String rule, Predicate<SymptomReport> applies, Variant... variants) {
        return new RedFlag(rule, Level.URGENT_CARE, Urgency.TODAY, applies, List.of(variants));
    }

    private static RedFlag week(String rule, Predicate<SymptomReport> applies, Variant... variants) {
        return new RedFlag(rule, Level.SEE_PROFESSIONAL, Urgency.WITHIN_A_WEEK, applies, List.of(variants));
    }

    private static RedFlag routine(String rule, Predicate<SymptomReport> applies, UnaryOperator<ReportBuilder> inject) {
        return new RedFlag(rule, Level.SEE_PROFESSIONAL, Urgency.ROUTINE, applies, List.of(v(rule, inject)));
    }

    /** The screening answers, none when the producer sent none. */
    private static Screening s(SymptomReport r) {
        return r.screening() == null ? Screening.NOT_ASKED : r.screening();
    }

    private static boolean lump(SymptomReport r) {
        return s(r).groinLump() != null && s(r).groinLump() != GroinLump.NONE;
    }

    private static boolean constantOrNight(SymptomReport r) {
        return yes(s(r).constantPainDayAndNight()) || r.warningSigns().contains(WarningSign.NIGHT_OR_REST_PAIN);
    }

    private static boolean yes(Boolean answer) {
        return Boolean.TRUE.equals(answer);
    }

    private static <E> Set<E> orEmpty(Set<E> values) {
        return values == null ? Set.of() : values;
    }

    /** The deep release into the belly and the long holds lying on the back, as a reader of the fixture finds them. */
    private static final String DEEP_RELEASE = "lacrosse-ball-psoas-release";
    private static final Set<String> LONG_HOLDS_ON_THE_BACK = Set.of("supine-passive-hip-flexor-stretch",
            "double-lacrosse-ball-lumbar-release");

    /** The deep release may be prescribed: asked for, under 50, none of the reasons against it, not pregnant. */
    private static boolean deepReleaseAllowed(SymptomReport r) {
        Set<MedicalHistory> history = s(r).medicalHistory();
        return yes(r.profile().wantsDeepPsoasRelease()) && r.age() != null && r.age() < 50 && history != null
                && !hasAny(history, MedicalHistory.BLOOD_THINNERS, MedicalHistory.VASCULAR_DISEASE,
                        MedicalHistory.INFLAMMATORY_BOWEL_DISEASE, MedicalHistory.RECENT_ABDOMINAL_OR_PELVIC_SURGERY)
                && s(r).pregnancy() == Pregnancy.NOT_PREGNANT
                && !hasAny(r.history(), History.PREGNANCY, History.ABDOMINAL_CONDITION);
    }

    /** The deep release is unsafe for the person (whether or not they asked for it). */
    private static boolean deepReleaseUnsafe(SymptomReport r) {
        Set<MedicalHistory> history = s(r).medicalHistory();
        return r.age() == null || r.age() >= 50 || history == null
                || hasAny(history, MedicalHistory.BLOOD_THINNERS, MedicalHistory.VASCULAR_DISEASE,
                        MedicalHistory.INFLAMMATORY_BOWEL_DISEASE, MedicalHistory.RECENT_ABDOMINAL_OR_PELVIC_SURGERY)
                || s(r).pregnancy() != Pregnancy.NOT_PREGNANT;
    }

    private static boolean pregnantFrom20Weeks(SymptomReport r) {
        return s(r).pregnancy() == Pregnancy.PREGNANT && s(r).pregnancyWeeks() != null && s(r).pregnancyWeeks() >= 20;
    }

    private static Recommendation recommend(SymptomReport report) {
        return TriageEngine.recommend(report, catalog());
    }

    @SafeVarargs
    private static <E> boolean hasAny(Set<E> present, E... wanted) {
        return Stream.of(wanted).anyMatch(present::contains);
    }

    /**
     * The pain counts as acute: sharp or burning, 7 or more, sudden onset (brief, "Caution / gentle mode"), or an
     * episode that began less than 14 days ago (part two, "A plan that fits the person").
     */
    static boolean acute(SymptomReport r) {
        return hasAny(r.qualities(), PainQuality.SHARP, PainQuality.BURNING) || r.intensity() >= 7
                || r.onset() == Onset.SUDDEN_DURING_EXERCISE || r.daysSinceOnset() < 14;
    }

    /** Sudden pain during exercise at most 5 days ago: a likely strain, not stretched (part two). */
    static boolean freshStrain(SymptomReport r) {
        return r.onset() == Onset.SUDDEN_DURING_EXERCISE && r.daysSinceOnset() <= 5;
    }

    /** During a fresh strain, everything but strengthening the catalog doses as isometric holds is left out (part two). */
    static boolean notAHold(Exercise e) {
        return !"strengthen".equals(e.category()) || e.isometricHold() == null;
    }

    /**
     * The catalog contraindication conditions a report brings, per the brief's mapping.
     */
    private static Set<String> conditions(SymptomReport r) {
        Set<String> conditions = new HashSet<>();
        if (r.painLocations().contains(PainLocation.OUTER_HIP)) {
            conditions.add("outer-hip-pain");
        }
        if (r.history().contains(History.PREGNANCY)) {
            conditions.add("pregnancy");
        }
        if (r.history().contains(History.ABDOMINAL_CONDITION)) {
            conditions.add("abdominal-condition");
        }
        if (r.history().contains(History.HIP_SURGERY_OR_STRUCTURAL_ISSUE)) {
            conditions.add("hip-surgery-or-structural-issue");
        }
        if (r.painLocations().contains(PainLocation.KNEE)) {
            conditions.add("knee-pain");
        }
        if (r.painLocations().contains(PainLocation.LOW_BACK)) {
            conditions.add("low-back-pain");
        }
        if (acute(r)) {
            conditions.add("acute-pain");
        }
        return conditions;
    }

    private static Set<String> contraindicatedExercises(SymptomReport r) {
        Set<String> conditions = conditions(r);
        Set<String> excluded = catalog().exercises().stream()
                .filter(e -> e.contraindications().stream().anyMatch(c -> conditions.contains(c.condition()))
                        || freshStrain(r) && notAHold(e))
                .map(Exercise::slug).collect(Collectors.toCollection(HashSet::new));
        if (deepReleaseUnsafe(r)) {
            excluded.add(DEEP_RELEASE);
        }
        if (pregnantFrom20Weeks(r)) {
            excluded.addAll(LONG_HOLDS_ON_THE_BACK);
        }
        return excluded;
    }

    /** The conditions the rule set itself names for what it leaves out (beyond the catalog's contraindications). */
    private static final Set<String> RULE_SET_CONDITIONS = Set.of("age-50-or-over", "blood-thinners",
            "vascular-disease", "inflammatory-bowel-disease", "recent-abdominal-or-pelvic-surgery",
            "pregnancy-or-possible-pregnancy", "medical-history-not-asked", "pregnancy-from-20-weeks");

    @Test
    @DisplayName("any red-flag input gives at least its level (SEE_PROFESSIONAL or URGENT_CARE) with that rule's reason")
    void redFlagsRaiseTheLevelWithAReason() {
        forAll(1_001L, (generated, random) -> {
            // Every report gets one red flag forced in; the ones the generator added by chance are checked too.
            RedFlag forced = RED_FLAGS.get(random.nextInt(RED_FLAGS.size()));
            SymptomReport report = forced.inject(generated, random);
            Recommendation r = recommend(report);
            assertThat(forced.applies().test(report)).as("injection of " + forced.rule()).isTrue();
            for (RedFlag flag : RED_FLAGS) {
                if (flag.applies().test(report)) {
                    assertThat(r.level()).as(flag.rule()).isGreaterThanOrEqualTo(flag.level());
                    assertThat(r.reasons()).as(flag.rule())
                            .anyMatch(reason -> reason.rule().equals(flag.rule()) && reason.level() == flag.level());
                    assertThat(r.referral().urgency()).as(flag.rule()).isGreaterThanOrEqualTo(flag.urgency());
                }
            }
            assertThat(r.level()).isGreaterThanOrEqualTo(Level.SEE_PROFESSIONAL);
            assertThat(r.referral().whatToDo()).isNotBlank();
        });
    }

    @Test
    @DisplayName("every urgent combination of Screening item 3 gives URGENT_CARE, today, whatever else is reported; "
            + "every within-a-week one at least within a week; each variant of each rule is forced, and counted")
    void urgentCombinationsAreUrgentWhateverElse() {
        List<RedFlag> urgent = RED_FLAGS.stream().filter(flag -> flag.urgency() != Urgency.ROUTINE).toList();
        Map<String, Integer> exercised = new TreeMap<>();
        forAll(1_011L, (generated, random) -> {
            RedFlag forced = urgent.get(random.nextInt(urgent.size()));
            Variant variant = forced.pick(random);
            SymptomReport report = variant.inject(generated, random);
            String what = forced.rule() + ": " + variant.name();
            exercised.merge(what, 1, Integer::sum);
            Recommendation r = recommend(report);
            assertThat(forced.applies().test(report)).as(what).isTrue();
            assertThat(r.level()).as(what).isGreaterThanOrEqualTo(forced.level());
            assertThat(r.referral().urgency()).as(what).isGreaterThanOrEqualTo(forced.urgency());
            assertThat(r.reasons()).as(what).anyMatch(reason -> reason.rule().equals(forced.rule())
                    && reason.level() == forced.level());
            if (forced.urgency() == Urgency.TODAY) {
                assertThat(r.level()).as(what).isEqualTo(Level.URGENT_CARE);
                assertThat(r.plan().status()).as(what).isEqualTo(Status.SEEK_CARE_NOW);
            }
        });
        List<String> every = urgent.stream()
                .flatMap(flag -> flag.variants().stream().map(variant -> flag.rule() + ": " + variant.name())).toList();
        assertThat(every).doesNotHaveDuplicates();
        assertThat(exercised.keySet()).as("the variants forced").containsExactlyInAnyOrderElementsOf(every);
        assertThat(exercised).as("each variant forced often enough to count").allSatisfy((what, times) ->
                assertThat(times).as(what).isGreaterThanOrEqualTo(20));
        assertThat(urgent.stream().filter(flag -> flag.urgency() == Urgency.TODAY).mapToInt(f -> f.variants().size())
                .sum()).as("item 3's variants").isGreaterThanOrEqualTo(22);
    }

    @Test
    @DisplayName("how soon follows the level: today exactly for urgent care, within a week or routine for a referral, "
            + "none below")
    void urgencyFollowsTheLevel() {
        forAll(1_012L, report -> {
            Recommendation r = recommend(report);
            switch (r.level()) {
                case URGENT_CARE -> assertThat(r.referral().urgency()).isEqualTo(Urgency.TODAY);
                case SEE_PROFESSIONAL -> assertThat(r.referral().urgency()).isIn(Urgency.WITHIN_A_WEEK,
                        Urgency.ROUTINE);
                default -> assertThat(r.referral()).isNull();
            }
            boolean anyWeek = RED_FLAGS.stream().anyMatch(flag -> flag.urgency() == Urgency.WITHIN_A_WEEK
                    && flag.applies().test(report));
            if (r.level() == Level.SEE_PROFESSIONAL) {
                assertThat(r.referral().urgency() == Urgency.WITHIN_A_WEEK).isEqualTo(anyWeek);
            }
        });
    }

    @Test
    @DisplayName("the deep lacrosse-ball release is never prescribed unless asked for and allowed")
    void deepReleaseOnlyWhenAskedAndAllowed() {
        forAll(1_013L, (generated, random) -> {
            // Half the reports ask for it, so that the allowed case is common enough to be seen.
            SymptomReport report = random.nextBoolean() ? generated
                    : ReportBuilder.from(generated).wantsDeepPsoasRelease(true).build();
            Recommendation r = recommend(report);
            if (!deepReleaseAllowed(report)) {
                assertThat(Contents.prescribedExercises(r)).doesNotContain(DEEP_RELEASE);
            }
            if (pregnantFrom20Weeks(report)) {
                assertThat(Contents.prescribedExercises(r)).doesNotContainAnyElementsOf(LONG_HOLDS_ON_THE_BACK);
            }
        });
    }

    @Test
    @DisplayName("without any red-flag input the level stays below SEE_PROFESSIONAL, and acute pain gives at least caution")
    void noRedFlagNoReferral() {
        forAll(1_002L, report -> {
            Recommendation r = recommend(report);
            boolean anyFlag = RED_FLAGS.stream().anyMatch(flag -> flag.applies().test(report));
            if (!anyFlag) {
                assertThat(r.level()).isLessThan(Level.SEE_PROFESSIONAL);
            }
            boolean caution = acute(report) || hasAny(report.history(), History.PREGNANCY, History.ABDOMINAL_CONDITION)
                    || report.warningSigns().contains(WarningSign.RECENT_BIG_JUMP_IN_RUNNING_LOAD);
            if (caution) {
                assertThat(r.level()).isGreaterThanOrEqualTo(Level.SELF_CARE_WITH_CAUTION);
            }
            if (!anyFlag && !caution) {
                assertThat(r.level()).isEqualTo(Level.SELF_CARE);
            }
        });
    }

    @Test
    @DisplayName("no exercise contraindicated by the report is prescribed anywhere; every one is listed as excluded")
    void contraindicatedExercisesNeverPrescribed() {
        forAll(1_003L, report -> {
            Recommendation r = recommend(report);
            Set<String> contraindicated = contraindicatedExercises(report);
            assertThat(Contents.prescribedExercises(r)).filteredOn(contraindicated::contains).isEmpty();
            assertThat(r.excluded().stream().map(Recommendation.Exclusion::exercise).collect(Collectors.toSet()))
                    .isEqualTo(contraindicated);
            Set<String> conditions = conditions(report);
            if (freshStrain(report)) {
                conditions.add("fresh-strain");
            }
            assertThat(r.excluded()).allSatisfy(e -> {
                assertThat(e.condition()).isIn(Stream.concat(conditions.stream(), RULE_SET_CONDITIONS.stream())
                        .toList());
                assertThat(e.reason()).isNotBlank();
            });
            assertThat(Contents.skipped(r)).filteredOn(s -> s.reason() == SkipReason.CONTRAINDICATED)
                    .allMatch(s -> contraindicated.contains(s.exercise()));
        });
    }

    @Test
    @DisplayName("the same report gives an equal recommendation: twice, on a copy with other set types, on a shuffled"
            + " catalog, and from one catalog index shared by every report")
    void deterministic() {
        // One index for the whole run, as the service keeps one per snapshot: what one report makes of it never
        // reaches the next.
        CatalogIndex shared = CatalogIndex.of(catalog());
        forAll(1_004L, (report, random) -> {
            Recommendation first = recommend(report);
            assertThat(recommend(report)).isEqualTo(first);
            assertThat(TriageEngine.recommend(report, shared)).isEqualTo(first);
            assertThat(recommend(copyWithOtherSets(report))).isEqualTo(first);
            // The catalog's lists in another order must not change the answer: the engine sorts what it picks from.
            assertThat(TriageEngine.recommend(report, shuffled(catalog(), random))).isEqualTo(first);
        });
    }

    @Test
    @DisplayName("every slug in a recommendation exists in the catalog")
    void slugsExistInCatalog() {
        CatalogSnapshot c = catalog();
        Set<String> exercises = c.exercises().stream().map(Exercise::slug).collect(Collectors.toSet());
        Set<String> muscles = c.muscles().stream().map(CatalogSnapshot.Muscle::slug).collect(Collectors.toSet());
        Set<String> redFlags = c.redFlags().stream().map(CatalogSnapshot.RedFlag::slug).collect(Collectors.toSet());
        Set<String> conditions = c.redFlags().stream().flatMap(f -> f.possibleConditions().stream())
                .map(CatalogSnapshot.Condition::slug).collect(Collectors.toSet());
        Set<String> steps = c.rootCauseChecklist().steps().stream().map(CatalogSnapshot.ChecklistStep::slug)
                .collect(Collectors.toSet());
        Set<String> contraindications = c.exercises().stream().flatMap(e -> e.contraindications().stream())
                .map(CatalogSnapshot.Contraindication::condition).collect(Collectors.toSet());
        Set<String> sources = CatalogFixture.SOURCES;
        forAll(1_005L, report -> {
            Recommendation r = recommend(report);
            assertThat(r.likelyMuscles()).allMatch(m -> muscles.contains(m.muscle()));
            assertThat(Contents.prescribedExercises(r)).allMatch(exercises::contains);
            assertThat(Contents.skipped(r)).allMatch(s -> exercises.contains(s.exercise())
                    && (s.replacedBy() == null || exercises.contains(s.replacedBy())));
            // fresh-strain rules exercises out by their catalog fields (PS-FRESH-STRAIN), not by a catalog condition.
            assertThat(r.excluded()).allMatch(e -> exercises.contains(e.exercise())
                    && (contraindications.contains(e.condition()) || RULE_SET_CONDITIONS.contains(e.condition())
                            || e.condition().equals("fresh-strain")));
            assertThat(r.reasons()).allSatisfy(reason -> {
                assertThat(reason.redFlag() == null || redFlags.contains(reason.redFlag())).isTrue();
                assertThat(conditions).containsAll(reason.possibleConditions());
                assertThat(sources).contains(reason.source());
            });
            assertThat(r.rootCauseChecks()).allMatch(check -> steps.contains(check.step()));
            assertThat(sources).containsAll(r.explanation().sources());
            assertThat(r.plan().notes()).allMatch(n -> sources.contains(n.source()));
            assertProtocolPhases(c, r.plan().protocol(), r.plan().phases());
            if (r.extras().runner() != null) {
                List<Plan.Phase> phases = new ArrayList<>(r.extras().runner().warmUpStages());
                phases.add(r.extras().runner().postRunStretch());
                assertProtocolPhases(c, r.extras().runner().warmUp(), phases);
            }
            if (r.extras().movementBreaks() != null) {
                assertProtocolPhases(c, r.extras().movementBreaks().protocol(), r.extras().movementBreaks().phases());
            }
        });
    }

    /** A recommendation without any exercise: urgent care, or a referral that holds the exercises. */
    private static boolean held(Recommendation r) {
        return r.plan().status() == Status.SEEK_CARE_NOW || r.plan().status() == Status.ON_HOLD_UNTIL_SEEN;
    }

    /**
     * The rule's effect is all about the plan: below a referral, and it raises the level only to caution or changes
     * the exercises (which are left out, gentle, without running or on hold). Read from the effect's fields, apart from
     * the engine's own test of it.
     */
    private static boolean planOnly(Rule rule) {
        Rule.Effect e = rule.effect();
        boolean changesExercises = !e.contraindications().isEmpty() || e.gentleMode() || e.noRunning()
                || e.holdExercises();
        return e.minimumLevel().compareTo(Level.SEE_PROFESSIONAL) < 0 && e.redFlag() == null
                && (e.minimumLevel() == Level.SELF_CARE_WITH_CAUTION || changesExercises);
    }

    @Test
    @DisplayName("a held recommendation (urgent care, or exercises on hold) explains only what decided it: no rule "
            + "with a plan-only effect among its reasons or in its explanation, every other fired rule in both")
    void heldRecommendationsExplainOnlyWhatDecidedThem() {
        int[] heldWithPlanRules = new int[1];
        forAll(1_014L, (generated, random) -> {
            // Half the reports get acute pain, knee pain and a running-load jump: plan-only rules that often fire.
            SymptomReport report = random.nextBoolean() ? generated : ReportBuilder.from(generated)
                    .qualities(PainQuality.SHARP).locations(PainLocation.KNEE, PainLocation.LOW_BACK)
                    .addWarningSign(WarningSign.RECENT_BIG_JUMP_IN_RUNNING_LOAD).build();
            Recommendation r = recommend(report);
            if (!held(r)) {
                return;
            }
            List<Rule> firing = RuleSet.RULES.stream().filter(rule -> rule.appliesTo(report)).toList();
            if (firing.stream().anyMatch(TriageEnginePropertiesTest::planOnly)) {
                heldWithPlanRules[0]++;
            }
            List<String> listed = firing.stream().filter(rule -> !planOnly(rule)).map(Rule::id).toList();
            assertThat(Contents.ruleIdsExplained(r)).containsExactlyElementsOf(listed);
            assertThat(Contents.ruleIdsInReasons(r)).containsExactlyInAnyOrderElementsOf(listed);
            assertThat(r.explanation().rules()).noneMatch(fired -> planOnly(RuleSet.byId(fired.rule()).orElseThrow()));
            assertThat(r.reasons()).isNotEmpty();
        });
        // The property must have met held recommendations that had plan-only rules to leave out.
        assertThat(heldWithPlanRules[0]).isGreaterThan(500);
    }

    @Test
    @DisplayName("urgent care with acute pain does not say the plan uses gentle exercises (CA-ACUTE), and still names "
            + "what decided it")
    void urgentCareWithAcutePainSaysNothingOfAPlan() {
        Recommendation r = recommend(ReportBuilder.report().qualities(PainQuality.SHARP).intensity(8)
                .locations(PainLocation.KNEE).signs(Sign.CANNOT_BEAR_WEIGHT).build());
        assertThat(r.level()).isEqualTo(Level.URGENT_CARE);
        assertThat(Contents.ruleIdsExplained(r)).containsExactly("UC-NO-WEIGHT");
        assertThat(Contents.ruleIdsInReasons(r)).containsExactly("UC-NO-WEIGHT");
        assertThat(r.reasons()).noneMatch(reason -> reason.text().contains("gentle exercises"));
    }

    @Test
    @DisplayName("the explanation names exactly the rules whose predicates are true, each with its inputs and values; "
            + "held recommendations leave out the rules that only shape the plan")
    void explanationMatchesTheRules() {
        forAll(1_006L, report -> {
            Recommendation r = recommend(report);
            List<String> firing = RuleSet.RULES.stream().filter(rule -> rule.appliesTo(report))
                    .filter(rule -> !held(r) || !planOnly(rule)).map(Rule::id).toList();
            assertThat(Contents.ruleIdsExplained(r)).containsExactlyElementsOf(firing);
            assertThat(Contents.ruleIdsInReasons(r)).containsExactlyInAnyOrderElementsOf(firing);
            for (Explanation.FiredRule fired : r.explanation().rules()) {
                Rule rule = RuleSet.byId(fired.rule()).orElseThrow();
                assertThat(rule.appliesTo(report)).isTrue();
                assertThat(fired.source()).isEqualTo(rule.source());
                assertThat(fired.inputs()).extracting(Recommendation.Evidence::input)
                        .containsExactlyElementsOf(rule.inputs().stream().map(Rule.Input::name).toList());
            }
            assertThat(r.explanation().sources()).isSortedAccordingTo(String::compareTo).doesNotHaveDuplicates();
            assertThat(r.reasons()).isNotEmpty();
            assertThat(r.reasons().get(0).level()).isEqualTo(r.level());
        });
    }

    @Test
    @DisplayName("gentle-mode plans and extras contain only acute-safe exercises; acute pain always means gentle mode")
    void gentleModeIsAcuteSafe() {
        Set<String> acuteSafe = catalog().exercises().stream().filter(e -> Boolean.TRUE.equals(e.acuteSafe()))
                .map(Exercise::slug).collect(Collectors.toSet());
        forAll(1_007L, report -> {
            Recommendation r = recommend(report);
            if (acute(report) || r.level().isAtLeast(Level.SEE_PROFESSIONAL)) {
                assertThat(r.plan().gentle()).isTrue();
            }
            if (r.plan().gentle()) {
                assertThat(Contents.prescribedExercises(r)).allMatch(acuteSafe::contains);
            }
            assertThat(Contents.planItems(r)).filteredOn(i -> i.exercise() != null).allMatch(Item::bothSides);
        });
    }

    @Test
    @DisplayName("urgent-care and on-hold plans contain no exercises and no extras")
    void urgentCareHasNoExercises() {
        forAll(1_008L, report -> {
            Recommendation r = recommend(report);
            if (r.level() == Level.URGENT_CARE) {
                assertThat(r.plan().status()).isEqualTo(Status.SEEK_CARE_NOW);
            }
            if (r.plan().status() == Status.SEEK_CARE_NOW || r.plan().status() == Status.ON_HOLD_UNTIL_SEEN) {
                assertThat(r.plan().phases()).isEmpty();
                assertThat(Contents.prescribedExercises(r)).isEmpty();
                assertThat(r.extras()).isEqualTo(ProfileExtras.NONE);
            }
            if (r.plan().noRunningUntilSeen()) {
                assertThat(r.extras().runner()).isNull();
            }
        });
    }

    private static void assertProtocolPhases(CatalogSnapshot c, String protocol, List<Plan.Phase> phases) {
        Set<String> slugs = c.protocol(protocol).orElseThrow().phases().stream().map(CatalogSnapshot.Phase::slug)
                .collect(Collectors.toSet());
        assertThat(phases).allMatch(p -> slugs.contains(p.phase()));
    }

    /** The same report, with sets of other types and orders. */
    private static SymptomReport copyWithOtherSets(SymptomReport r) {
        Profile p = r.profile();
        return new SymptomReport(r.reportId(), r.userId(), r.reportedAt(), r.timeZone(), reversed(r.painLocations()),
                r.side(), reversed(r.qualities()), r.intensity(), r.onset(), r.daysSinceOnset(),
                reversed(r.aggravatingActivities()), reversed(r.signs()), reversed(r.history()),
                reversed(r.warningSigns()), new Profile(p.runner(), p.deskWorker(), p.hoursSittingPerDay(),
                        p.runningShoeAgeMonths(), p.wearsRaisedHeels(), p.wantsDeepPsoasRelease()),
                r.weeksOfConsistentWork(), r.age(), r.startingIntensity(), withOtherSets(r.screening()));
    }

    private static SymptomReport.Screening withOtherSets(SymptomReport.Screening s) {
        return s == null ? null : new SymptomReport.Screening(reversed(s.caudaEquinaSigns()), s.groinLump(),
                reversed(s.groinLumpSigns()), s.painIntoTesticle(), s.bellyPain(), s.painOnStraighteningTheHip(),
                s.urinarySymptoms(), reversed(s.medicalHistory()), s.pregnancy(), s.pregnancyWeeks(),
                s.gaveBirthInLast3Months(), s.painOnlyWhenLyingOnIt(), s.constantPainDayAndNight(),
                s.fallSinceThePainBegan(), s.achingHipsWithMorningStiffness());
    }

    private static <E> Set<E> reversed(Set<E> set) {
        if (set == null) {
            return null;
        }
        List<E> values = new ArrayList<>(set);
        Collections.reverse(values);
        return new LinkedHashSet<>(values);
    }

    /** The same catalog with its top-level lists in another order. */
    private static CatalogSnapshot shuffled(CatalogSnapshot c, Random random) {
        return new CatalogSnapshot(c.version(), shuffle(c.exercises(), random), shuffle(c.protocols(), random),
                shuffle(c.redFlags(), random), c.rootCauseChecklist(), shuffle(c.muscles(), random));
    }

    private static <T> List<T> shuffle(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }
}
