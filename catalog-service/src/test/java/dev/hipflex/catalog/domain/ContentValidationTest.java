package dev.hipflex.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hipflex.catalog.domain.Content.Exercise;
import dev.hipflex.catalog.domain.Vocabularies.ContraindicationCondition;
import dev.hipflex.catalog.domain.Vocabularies.ExerciseCategory;
import dev.hipflex.catalog.domain.Vocabularies.ProtocolKind;
import dev.hipflex.catalog.service.ContentBundleReader;

/**
 * Validates the content bundle at build time, without starting the service: a file that does not
 * parse, a missing field, an unknown word or a slug that does not resolve fails the build.
 */
class ContentValidationTest {

    static CatalogContent content;

    @BeforeAll
    static void read() {
        content = ContentBundleReader.read();
    }

    @Test
    void theBundleIsValid() {
        assertThat(ContentValidator.validate(content)).isEmpty();
    }

    @Test
    void theInventoryIsComplete() {
        assertThat(content.muscles()).extracting(Content.Muscle::slug)
                .containsExactlyInAnyOrder("psoas-major", "iliacus", "rectus-femoris", "tensor-fasciae-latae", "sartorius");
        Map<ExerciseCategory, Long> byCategory = content.exercises().stream()
                .collect(Collectors.groupingBy(Exercise::category, Collectors.counting()));
        assertThat(byCategory).containsExactlyInAnyOrderEntriesOf(Map.of(
                ExerciseCategory.RELEASE, 4L, ExerciseCategory.STRETCH, 6L,
                ExerciseCategory.STRENGTHEN, 7L, ExerciseCategory.MOBILITY, 3L));
        assertThat(content.protocols()).extracting(Content.Protocol::kind)
                .containsExactlyInAnyOrder(ProtocolKind.SESSION, ProtocolKind.MOVEMENT_BREAKS, ProtocolKind.WARM_UP);
        assertThat(content.recoveryTimeline().stages()).hasSize(4);
        assertThat(content.commonMistakes()).hasSize(6);
        assertThat(content.redFlags()).hasSize(6).allSatisfy(f -> assertThat(f.possibleConditions()).isNotEmpty());
        assertThat(content.conditions()).extracting(Content.Condition::slug).containsExactlyInAnyOrder(
                "labral-tear", "femoroacetabular-impingement", "iliopsoas-bursitis", "nerve-entrapment");
        assertThat(content.rootCauseChecklist().steps()).extracting(Content.RootCauseStep::slug).containsExactly(
                "running-shoes", "exercise-form", "posterior-chain-work", "sleeping-posture", "everyday-shoes",
                "walking-duck-footed", "pillow-height", "socks");
        assertThat(content.guidance()).extracting(Content.Guidance::topic)
                .contains(Vocabularies.GuidanceTopic.values());
        assertThat(content.references()).hasSizeGreaterThanOrEqualTo(10)
                .anySatisfy(r -> assertThat(r.doi()).isEqualTo("10.1519/jsc.0000000000002586"));
        assertThat(content.causes()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(content.symptoms()).extracting(Content.Symptom::type).contains(Vocabularies.SymptomType.values());
    }

    @Test
    void theReleaseProtocolHasThreeTimedPhasesAndASchedule() {
        Content.Protocol protocol = content.protocols().stream()
                .filter(p -> p.slug().equals("complete-release-protocol")).findFirst().orElseThrow();
        assertThat(protocol.phases()).extracting(Content.ProtocolPhase::slug, Content.ProtocolPhase::minutes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("release", 8),
                        org.assertj.core.groups.Tuple.tuple("stretch", 5),
                        org.assertj.core.groups.Tuple.tuple("strengthen", 10));
        assertThat(protocol.schedule().dailyForWeeks()).isEqualTo(2);
        assertThat(protocol.schedule().thenSessionsPerWeek()).isEqualTo(new Content.Range(3, 4));
        assertThat(protocol.schedule().totalWeeks()).isEqualTo(12);
    }

    @Test
    void thePsoasBallReleaseIsRuledOutInPregnancyAndAbdominalConditions() {
        Exercise release = content.exercise("lacrosse-ball-psoas-release").orElseThrow();
        assertThat(release.contraindications()).extracting(Content.Contraindication::condition)
                .contains(ContraindicationCondition.PREGNANCY, ContraindicationCondition.ABDOMINAL_CONDITION);
        Exercise couch = content.exercise("couch-stretch").orElseThrow();
        assertThat(couch.acuteSafe()).isFalse();
        assertThat(couch.contraindications()).extracting(Content.Contraindication::condition)
                .contains(ContraindicationCondition.ACUTE_PAIN);
        assertThat(content.exercise("supine-passive-hip-flexor-stretch").orElseThrow().acuteSafe()).isTrue();
    }

    @Test
    void everyItemNamesAnArticleItCameFrom() {
        List<String> seeds = content.sources().stream().map(Content.Source::slug).toList();
        for (CatalogContent.Entry entry : content.entries()) {
            if (entry.value() instanceof Content.Item item) {
                assertThat(item.sources()).as(entry.kind() + "/" + entry.slug()).isNotEmpty().isSubsetOf(seeds);
            }
        }
    }

    @Test
    void theValidatorCatchesSlugsThatDoNotResolve() {
        Exercise couch = content.exercise("couch-stretch").orElseThrow();
        Exercise broken = new Exercise(couch.slug(), couch.title(), couch.category(), couch.summary(),
                List.of("psoas-minor"), couch.supportingMuscles(), couch.equipment(), couch.startingPosition(), couch.steps(),
                couch.dose(),
                couch.cautions(), couch.contraindications(), couch.commonMistakes(), List.of("no-such-exercise"),
                couch.regressions(), couch.acuteSafe(), couch.whyItWorks(), List.of("a-blog"), couch.generalGuidance(), couch.doseSteps(),
                couch.isometricHold());
        List<ContentViolation> violations = ContentValidator.validate(content.with(ContentKind.EXERCISE, broken.slug(), broken));
        Map<String, ContentViolation> byField = violations.stream()
                .collect(Collectors.toMap(ContentViolation::field, Function.identity()));
        assertThat(byField).containsKeys("targetMuscles[0]", "progressions[0]", "sources[0]");
        assertThat(violations).allSatisfy(v -> assertThat(v.item()).isEqualTo("exercises/couch-stretch"));
    }

    @Test
    void theGluteBridgeProgressesToTheSingleLegBridgeAndTheHipThrust() {
        assertThat(content.exercise("glute-bridge-hold").orElseThrow().progressions())
                .containsExactly("single-leg-glute-bridge", "hip-thrust");
        for (String slug : List.of("single-leg-glute-bridge", "hip-thrust")) {
            Exercise e = content.exercise(slug).orElseThrow();
            assertThat(e.category()).as(slug).isEqualTo(ExerciseCategory.STRENGTHEN);
            assertThat(e.dose().sets()).as(slug).isNotNull();
            assertThat(e.dose().reps()).as(slug).isNotNull();
            assertThat(e.steps()).as(slug).hasSizeGreaterThanOrEqualTo(4);
            assertThat(e.cautions()).as(slug).isNotEmpty();
            assertThat(e.sources()).as(slug).contains("release-tight-hips-guide", ContentValidator.GENERAL_GUIDANCE);
            assertThat(e.regressions()).as(slug).contains("glute-bridge-hold");
        }
    }

    @Test
    void claimsNoArticleMakesAreMarkedAsGeneralGuidance() {
        Map<String, List<String>> byMuscle = content.muscles().stream()
                .collect(Collectors.toMap(Content.Muscle::slug, m -> m.generalGuidance() == null ? List.of() : m.generalGuidance()));
        assertThat(byMuscle.get("psoas-major")).isEmpty();
        for (String muscle : List.of("iliacus", "rectus-femoris", "tensor-fasciae-latae", "sartorius")) {
            assertThat(byMuscle.get(muscle)).as(muscle).contains("origin", "insertion");
        }
        assertThat(byMuscle.get("iliacus")).contains("painReferral");
        for (Exercise e : content.exercises()) {
            List<String> marked = e.generalGuidance() == null ? List.of() : e.generalGuidance();
            for (Content.Contraindication ci : e.contraindications()) {
                if (ci.condition() == ContraindicationCondition.KNEE_PAIN
                        || ci.condition() == ContraindicationCondition.HIP_SURGERY_OR_STRUCTURAL_ISSUE) {
                    assertThat(marked).as(e.slug()).contains("contraindications." + ci.condition().slug());
                }
            }
            if (e.category() == ExerciseCategory.MOBILITY) {
                assertThat(marked).as(e.slug()).contains("steps");
            }
        }
    }

    @Test
    void theValidatorCatchesGeneralGuidanceThatNamesNoFieldOrLacksItsSource() {
        Exercise shinBoxes = content.exercise("shin-boxes").orElseThrow();
        Exercise broken = new Exercise(shinBoxes.slug(), shinBoxes.title(), shinBoxes.category(), shinBoxes.summary(),
                shinBoxes.targetMuscles(), shinBoxes.supportingMuscles(), shinBoxes.equipment(), shinBoxes.startingPosition(),
                shinBoxes.steps(),
                shinBoxes.dose(), shinBoxes.cautions(), shinBoxes.contraindications(), shinBoxes.commonMistakes(),
                shinBoxes.progressions(), shinBoxes.regressions(), shinBoxes.acuteSafe(), shinBoxes.whyItWorks(),
                List.of("runners-hip-mobility"), List.of("steps", "stepz", "contraindications.pregnancy", "sources"),
                shinBoxes.doseSteps(), shinBoxes.isometricHold());
        Map<String, ContentViolation> byField = ContentValidator.validate(content.with(ContentKind.EXERCISE, broken.slug(), broken))
                .stream().collect(Collectors.toMap(ContentViolation::field, Function.identity()));
        assertThat(byField).containsOnlyKeys("sources", "generalGuidance[1]", "generalGuidance[2]", "generalGuidance[3]");

        Content.Muscle iliacus = content.muscles().stream().filter(m -> m.slug().equals("iliacus")).findFirst().orElseThrow();
        Content.Muscle unsaid = new Content.Muscle(iliacus.slug(), iliacus.title(), iliacus.summary(), iliacus.origin(),
                iliacus.insertion(), iliacus.actions(), iliacus.painReferral(), iliacus.sources(), List.of());
        assertThat(ContentValidator.validate(content.with(ContentKind.MUSCLE, unsaid.slug(), unsaid)))
                .extracting(ContentViolation::field).containsExactly("generalGuidance");
    }

    @Test
    void aPhaseMustLeaveRoomForItsItems() {
        Content.Protocol protocol = content.protocols().stream()
                .filter(p -> p.slug().equals("complete-release-protocol")).findFirst().orElseThrow();
        Content.ProtocolPhase release = protocol.phases().get(0);
        Content.ProtocolPhase asTheArticleHeadsIt = new Content.ProtocolPhase(release.order(), release.slug(),
                release.title(), release.category(), 5, release.summary(), release.items());
        List<Content.ProtocolPhase> phases = new java.util.ArrayList<>(protocol.phases());
        phases.set(0, asTheArticleHeadsIt);
        Content.Protocol fiveMinutes = new Content.Protocol(protocol.slug(), protocol.title(), protocol.kind(),
                protocol.summary(), protocol.totalMinutes(), protocol.schedule(), phases, protocol.notes(), protocol.sources());
        assertThat(ContentValidator.validate(content.with(ContentKind.PROTOCOL, protocol.slug(), fiveMinutes)))
                .singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("phases[0].minutes");
                    assertThat(v.message()).contains("360 seconds");
                });
    }

    @Test
    void theChainsAPlanStepsAlongAreLinked_productPartTwo() {
        assertThat(content.exercise("couch-stretch").orElseThrow().regressions())
                .startsWith("half-kneeling-hip-flexor-stretch");
        assertThat(content.exercise("half-kneeling-hip-flexor-stretch").orElseThrow().regressions())
                .startsWith("supine-passive-hip-flexor-stretch");
        assertThat(content.exercise("glute-bridge-hold").orElseThrow().progressions()).isNotEmpty();
        assertThat(content.exercise("couch-stretch").orElseThrow().doseSteps())
                .singleElement().satisfies(s -> {
                    assertThat(s.variable()).isEqualTo("holdSeconds");
                    assertThat(s.step()).isEqualTo(15);
                    assertThat(s.sources()).contains("general-clinical-guidance");
                });
    }

    @Test
    void theArticlesAdditionsAreInTheCatalog() {
        assertThat(content.causes()).extracting(Content.Cause::slug).contains("walking-duck-footed");
        assertThat(content.guidance()).extracting(Content.Guidance::slug).contains("mobilise-around-the-pain");
        assertThat(content.exercise("lacrosse-ball-psoas-release").orElseThrow().sources()).contains("runners-hip-mobility");
        assertThat(content.exercise("couch-stretch").orElseThrow().cautions())
                .anySatisfy(c -> assertThat(c).contains("most people"));
    }

    @Test
    void doseStepsThatDoNotFitTheDoseAreNamed() {
        Exercise couch = content.exercise("couch-stretch").orElseThrow();
        List<Content.DoseStep> bad = List.of(
                new Content.DoseStep("holdSeconds", new Content.Range(70, 90), 15, List.of("release-tight-hips-guide")),
                new Content.DoseStep("reps", new Content.Range(5, 10), 2, List.of("release-tight-hips-guide")),
                new Content.DoseStep("speed", new Content.Range(5, 4), 0, List.of()),
                new Content.DoseStep("holdSeconds", new Content.Range(30, 90), 61, List.of("a-blog")));
        Exercise broken = new Exercise(couch.slug(), couch.title(), couch.category(), couch.summary(),
                couch.targetMuscles(), couch.supportingMuscles(), couch.equipment(), couch.startingPosition(),
                couch.steps(), couch.dose(), couch.cautions(), couch.contraindications(), couch.commonMistakes(),
                couch.progressions(), couch.regressions(), couch.acuteSafe(), couch.whyItWorks(), couch.sources(),
                couch.generalGuidance(), bad, couch.isometricHold());
        List<ContentViolation> violations = ContentValidator.validate(content.with(ContentKind.EXERCISE, broken.slug(), broken));
        assertThat(violations).extracting(ContentViolation::field).containsExactlyInAnyOrder(
                "doseSteps[0].range", // the dose starts at 60 s, below the range
                "doseSteps[1].variable", // the couch stretch has no reps
                "doseSteps[2].variable", "doseSteps[2].range", "doseSteps[2].step", "doseSteps[2].sources",
                "doseSteps[3].variable", // holdSeconds again
                "doseSteps[3].step", "doseSteps[3].sources[0]");
    }

    @Test
    void everyExerciseSaysWhereItStartsAndIsometricHoldsAreStrengtheningWithSources() {
        assertThat(content.exercises()).allSatisfy(e -> assertThat(e.startingPosition()).as(e.slug()).isNotNull());
        assertThat(content.exercise("supine-passive-hip-flexor-stretch").orElseThrow().startingPosition())
                .isEqualTo(Vocabularies.StartingPosition.LYING_ON_BACK);
        assertThat(content.exercises()).filteredOn(e -> e.isometricHold() != null).isNotEmpty()
                .allSatisfy(e -> {
                    assertThat(e.category()).isEqualTo(Vocabularies.ExerciseCategory.STRENGTHEN);
                    assertThat(e.isometricHold().sources()).contains("general-clinical-guidance");
                });

        Exercise couch = content.exercise("couch-stretch").orElseThrow();
        Content.IsometricHold bad = new Content.IsometricHold(new Content.Range(0, 200), null, null, null,
                List.of("a-blog"));
        Exercise broken = new Exercise(couch.slug(), couch.title(), couch.category(), couch.summary(),
                couch.targetMuscles(), couch.supportingMuscles(), couch.equipment(), null, couch.steps(), couch.dose(),
                couch.cautions(), couch.contraindications(), couch.commonMistakes(), couch.progressions(),
                couch.regressions(), couch.acuteSafe(), couch.whyItWorks(), couch.sources(), couch.generalGuidance(),
                couch.doseSteps(), bad);
        List<ContentViolation> violations = ContentValidator.validate(content.with(ContentKind.EXERCISE, broken.slug(), broken));
        assertThat(violations).extracting(ContentViolation::field).containsExactlyInAnyOrder("startingPosition",
                "isometricHold", // a stretch is not held isometrically
                "isometricHold.holdSeconds", "isometricHold.reps", "isometricHold.perSide",
                "isometricHold.sources[0]");
    }

    @Test
    void removingAnExerciseThatOthersNameIsCaught() {
        List<ContentViolation> violations = ContentValidator.validate(content.without(ContentKind.EXERCISE, "supine-passive-hip-flexor-stretch"));
        assertThat(violations).isNotEmpty()
                .anySatisfy(v -> assertThat(v.message()).contains("supine-passive-hip-flexor-stretch"));
    }

    @Test
    void theSymptomCheckAsksEachFieldOnceWithItsQuestion() {
        Content.SymptomCheck check = content.symptomCheck();
        List<String> asked = check.steps().stream().flatMap(s -> s.fields().stream()).toList();
        assertThat(asked).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(check.questions().stream().map(Content.CheckQuestion::field).toList())
                .contains("painLocations", "warningSigns", "age", "screening.groinLump", "profile.runner", "startingIntensity");
        assertThat(check.questions()).filteredOn(q -> q.field().equals("painLocations")).singleElement()
                .satisfies(q -> assertThat(q.answers()).containsEntry("front-of-hip", "Front of the hip"));
    }

    @Test
    void theSymptomCheckAsksNightPainAsTwoQuestionsNotTheOldWarningSign() {
        Content.SymptomCheck check = content.symptomCheck();
        Map<String, Content.CheckQuestion> byField = check.questions().stream()
                .collect(Collectors.toMap(Content.CheckQuestion::field, Function.identity()));
        // "Night or rest pain" cannot tell lying on the sore side (common) from constant pain (a flag): triage
        // refuses the word in a new report, so the check must not ask it.
        assertThat(byField.get("warningSigns").answers()).doesNotContainKey("night-or-rest-pain")
                .containsKey("pain-when-hopping");
        assertThat(byField.get("screening.painOnlyWhenLyingOnIt").question()).contains("only when you lie on that side");
        assertThat(byField.get("screening.constantPainDayAndNight").question()).contains("day and night");
        assertThat(check.questions()).noneSatisfy(q -> assertThat(q.question().toLowerCase(java.util.Locale.ROOT))
                .contains("at night or when you rest"));
    }

    @Test
    void aSymptomCheckFieldWithoutAQuestionOrAskedTwiceIsCaught() {
        Content.SymptomCheck check = content.symptomCheck();
        List<Content.CheckStep> steps = new java.util.ArrayList<>(check.steps());
        Content.CheckStep first = steps.get(0);
        // The first step asks the second step's first field again, and a field no question words.
        String twice = steps.get(1).fields().get(0);
        steps.set(0, new Content.CheckStep(1, first.slug(), first.title(),
                List.of(first.fields().get(0), twice, "profile.favouriteColour")));
        List<Content.CheckQuestion> questions = check.questions().stream()
                .map(q -> q.field().equals("side") ? new Content.CheckQuestion("side", " ", q.label(), Map.of("Left", "Left")) : q)
                .toList();
        CatalogContent changed = content.with(ContentKind.SYMPTOM_CHECK, "symptom-check",
                new Content.SymptomCheck(check.title(), check.sources(), steps, questions));
        assertThat(ContentValidator.validate(changed)).extracting(ContentViolation::item, ContentViolation::field)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("symptom-check", "steps[1].fields"),
                        org.assertj.core.groups.Tuple.tuple("symptom-check", "questions"),
                        // "side" is no longer asked by any step, its question is blank and its word is not kebab-case.
                        org.assertj.core.groups.Tuple.tuple("symptom-check", "questions[1].field"),
                        org.assertj.core.groups.Tuple.tuple("symptom-check", "questions[1].question"),
                        org.assertj.core.groups.Tuple.tuple("symptom-check", "questions[1].answers.Left"));
    }
}
