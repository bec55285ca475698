package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.CatalogFixture.catalog;
import static dev.hipflex.triage.domain.ReportGenerator.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
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
import dev.hipflex.triage.domain.SymptomReport.History;
import dev.hipflex.triage.domain.SymptomReport.Onset;
import dev.hipflex.triage.domain.SymptomReport.PainLocation;
import dev.hipflex.triage.domain.SymptomReport.PainQuality;
import dev.hipflex.triage.domain.SymptomReport.Profile;
import dev.hipflex.triage.domain.SymptomReport.Sign;
import dev.hipflex.triage.domain.SymptomReport.WarningSign;

/**
 * Properties over 5,000 seeded random reports each. The oracles below are written from the product brief, apart
 * from the engine's predicates, so that a rule that drifts from its specification fails here.
 */
class TriageEnginePropertiesTest {

    /** A red flag as the brief states it: when it applies, how to force it into a report, and its minimum level. */
    private record RedFlag(String rule, Level level, Predicate<SymptomReport> applies,
            UnaryOperator<ReportBuilder> inject) {
    }

    private static final List<RedFlag> RED_FLAGS = List.of(
            new RedFlag("RF-NO-IMPROVEMENT", Level.SEE_PROFESSIONAL,
                    r -> r.weeksOfConsistentWork() != null && r.weeksOfConsistentWork() >= 4 && r.intensity() > 0,
                    b -> b.weeksOfWork(4).intensity(5)),
            new RedFlag("RF-NEURO", Level.SEE_PROFESSIONAL,
                    r -> hasAny(r.signs(), Sign.NUMBNESS, Sign.TINGLING, Sign.RADIATING_DOWN_THE_LEG),
                    b -> b.addSign(Sign.TINGLING)),
            new RedFlag("RF-GAIT", Level.SEE_PROFESSIONAL, r -> r.signs().contains(Sign.LIMPING),
                    b -> b.addSign(Sign.LIMPING)),
            new RedFlag("RF-MECHANICAL", Level.SEE_PROFESSIONAL, r -> r.signs().contains(Sign.CLICKING_CATCHING_LOCKING),
                    b -> b.addSign(Sign.CLICKING_CATCHING_LOCKING)),
            new RedFlag("RF-SUDDEN-ONSET", Level.SEE_PROFESSIONAL, r -> r.onset() == Onset.SUDDEN_DURING_EXERCISE,
                    b -> b.onset(Onset.SUDDEN_DURING_EXERCISE)),
            new RedFlag("RF-HIP-SURGERY", Level.SEE_PROFESSIONAL,
                    r -> r.history().contains(History.HIP_SURGERY_OR_STRUCTURAL_ISSUE),
                    b -> b.addHistory(History.HIP_SURGERY_OR_STRUCTURAL_ISSUE)),
            new RedFlag("GC-BONE-STRESS", Level.SEE_PROFESSIONAL,
                    r -> hasAny(r.warningSigns(), WarningSign.NIGHT_OR_REST_PAIN, WarningSign.PAIN_WHEN_HOPPING,
                            WarningSign.RECENT_BIG_JUMP_IN_RUNNING_LOAD),
                    b -> b.runner(true).addWarningSign(WarningSign.PAIN_WHEN_HOPPING)),
            new RedFlag("GC-NO-WEIGHT", Level.SEE_PROFESSIONAL, r -> r.signs().contains(Sign.CANNOT_BEAR_WEIGHT),
                    b -> b.addSign(Sign.CANNOT_BEAR_WEIGHT)),
            new RedFlag("GC-FEVER", Level.SEE_PROFESSIONAL, r -> r.warningSigns().contains(WarningSign.FEVER_OR_UNWELL),
                    b -> b.addWarningSign(WarningSign.FEVER_OR_UNWELL)),
            new RedFlag("GC-HOT-SWOLLEN-HIP", Level.SEE_PROFESSIONAL,
                    r -> r.warningSigns().contains(WarningSign.HOT_SWOLLEN_HIP),
                    b -> b.addWarningSign(WarningSign.HOT_SWOLLEN_HIP)),
            new RedFlag("GC-CANCER-OR-WEIGHT-LOSS", Level.SEE_PROFESSIONAL,
                    r -> hasAny(r.warningSigns(), WarningSign.UNEXPLAINED_WEIGHT_LOSS, WarningSign.PAST_CANCER),
                    b -> b.addWarningSign(WarningSign.PAST_CANCER)),
            new RedFlag("GC-FALL-OR-INJURY", Level.SEE_PROFESSIONAL,
                    r -> r.warningSigns().contains(WarningSign.RECENT_FALL_OR_INJURY),
                    b -> b.addWarningSign(WarningSign.RECENT_FALL_OR_INJURY)),
            new RedFlag("UC-FALL-NO-WEIGHT", Level.URGENT_CARE,
                    r -> r.warningSigns().contains(WarningSign.RECENT_FALL_OR_INJURY)
                            && r.signs().contains(Sign.CANNOT_BEAR_WEIGHT),
                    b -> b.addWarningSign(WarningSign.RECENT_FALL_OR_INJURY).addSign(Sign.CANNOT_BEAR_WEIGHT)),
            new RedFlag("UC-SEVERE-NO-WEIGHT", Level.URGENT_CARE,
                    r -> r.intensity() >= 8 && r.signs().contains(Sign.CANNOT_BEAR_WEIGHT),
                    b -> b.intensity(9).addSign(Sign.CANNOT_BEAR_WEIGHT)),
            new RedFlag("UC-INFECTION", Level.URGENT_CARE,
                    r -> r.warningSigns().containsAll(Set.of(WarningSign.FEVER_OR_UNWELL, WarningSign.HOT_SWOLLEN_HIP)),
                    b -> b.addWarningSign(WarningSign.FEVER_OR_UNWELL).addWarningSign(WarningSign.HOT_SWOLLEN_HIP)));

    private static Recommendation recommend(SymptomReport report) {
        return TriageEngine.recommend(report, catalog());
    }

    @SafeVarargs
    private static <E> boolean hasAny(Set<E> present, E... wanted) {
        return Stream.of(wanted).anyMatch(present::contains);
    }

    /** The pain counts as acute: sharp or burning, 7 or more, or sudden onset (brief, "Caution / gentle mode"). */
    private static boolean acute(SymptomReport r) {
        return hasAny(r.qualities(), PainQuality.SHARP, PainQuality.BURNING) || r.intensity() >= 7
                || r.onset() == Onset.SUDDEN_DURING_EXERCISE;
    }

    /** The catalog contraindication conditions a report brings, per the brief's mapping. */
    private static Set<String> conditions(SymptomReport r) {
        Set<String> conditions = new HashSet<>();
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
        return catalog().exercises().stream()
                .filter(e -> e.contraindications().stream().anyMatch(c -> conditions.contains(c.condition())))
                .map(Exercise::slug).collect(Collectors.toSet());
    }

    @Test
    @DisplayName("any red-flag input gives at least its level (SEE_PROFESSIONAL or URGENT_CARE) with that rule's reason")
    void redFlagsRaiseTheLevelWithAReason() {
        forAll(1_001L, (generated, random) -> {
            // Every report gets one red flag forced in; the ones the generator added by chance are checked too.
            RedFlag forced = RED_FLAGS.get(random.nextInt(RED_FLAGS.size()));
            SymptomReport report = forced.inject().apply(ReportBuilder.from(generated)).build();
            Recommendation r = recommend(report);
            assertThat(forced.applies().test(report)).as("injection of " + forced.rule()).isTrue();
            for (RedFlag flag : RED_FLAGS) {
                if (flag.applies().test(report)) {
                    assertThat(r.level()).as(flag.rule()).isGreaterThanOrEqualTo(flag.level());
                    assertThat(r.reasons()).as(flag.rule())
                            .anyMatch(reason -> reason.rule().equals(flag.rule()) && reason.level() == flag.level());
                }
            }
            assertThat(r.level()).isGreaterThanOrEqualTo(Level.SEE_PROFESSIONAL);
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
            boolean caution = acute(report) || hasAny(report.history(), History.PREGNANCY, History.ABDOMINAL_CONDITION);
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
            assertThat(r.excluded()).allSatisfy(e -> {
                assertThat(conditions).contains(e.condition());
                assertThat(e.reason()).isNotBlank();
            });
            assertThat(Contents.skipped(r)).filteredOn(s -> s.reason() == SkipReason.CONTRAINDICATED)
                    .allMatch(s -> contraindicated.contains(s.exercise()));
        });
    }

    @Test
    @DisplayName("the same report gives an equal recommendation: twice, on a copy with other set types, on a shuffled catalog")
    void deterministic() {
        forAll(1_004L, (report, random) -> {
            Recommendation first = recommend(report);
            assertThat(recommend(report)).isEqualTo(first);
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
            assertThat(r.excluded()).allMatch(e -> exercises.contains(e.exercise())
                    && contraindications.contains(e.condition()));
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

    @Test
    @DisplayName("the explanation names exactly the rules whose predicates are true, each with its inputs and values")
    void explanationMatchesTheRules() {
        forAll(1_006L, report -> {
            Recommendation r = recommend(report);
            List<String> firing = RuleSet.RULES.stream().filter(rule -> rule.appliesTo(report)).map(Rule::id).toList();
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
