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
                ExerciseCategory.STRENGTHEN, 5L, ExerciseCategory.MOBILITY, 3L));
        assertThat(content.protocols()).extracting(Content.Protocol::kind)
                .containsExactlyInAnyOrder(ProtocolKind.SESSION, ProtocolKind.MOVEMENT_BREAKS, ProtocolKind.WARM_UP);
        assertThat(content.recoveryTimeline().stages()).hasSize(4);
        assertThat(content.commonMistakes()).hasSize(6);
        assertThat(content.redFlags()).hasSize(6).allSatisfy(f -> assertThat(f.possibleConditions()).isNotEmpty());
        assertThat(content.conditions()).extracting(Content.Condition::slug).containsExactlyInAnyOrder(
                "labral-tear", "femoroacetabular-impingement", "iliopsoas-bursitis", "nerve-entrapment");
        assertThat(content.rootCauseChecklist().steps()).extracting(Content.RootCauseStep::slug).containsExactly(
                "running-shoes", "exercise-form", "posterior-chain-work", "sleeping-posture", "everyday-shoes",
                "pillow-height", "socks");
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
                .containsExactly(org.assertj.core.groups.Tuple.tuple("release", 5),
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
                List.of("psoas-minor"), couch.supportingMuscles(), couch.equipment(), couch.steps(), couch.dose(),
                couch.cautions(), couch.contraindications(), couch.commonMistakes(), List.of("no-such-exercise"),
                couch.regressions(), couch.acuteSafe(), couch.whyItWorks(), List.of("a-blog"), couch.doseSteps());
        List<ContentViolation> violations = ContentValidator.validate(content.with(ContentKind.EXERCISE, broken.slug(), broken));
        Map<String, ContentViolation> byField = violations.stream()
                .collect(Collectors.toMap(ContentViolation::field, Function.identity()));
        assertThat(byField).containsKeys("targetMuscles[0]", "progressions[0]", "sources[0]");
        assertThat(violations).allSatisfy(v -> assertThat(v.item()).isEqualTo("exercises/couch-stretch"));
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
    void doseStepsThatDoNotFitTheDoseAreNamed() {
        Exercise couch = content.exercise("couch-stretch").orElseThrow();
        List<Content.DoseStep> bad = List.of(
                new Content.DoseStep("holdSeconds", new Content.Range(70, 90), 15, List.of("release-tight-hips-guide")),
                new Content.DoseStep("reps", new Content.Range(5, 10), 2, List.of("release-tight-hips-guide")),
                new Content.DoseStep("speed", new Content.Range(5, 4), 0, List.of()),
                new Content.DoseStep("holdSeconds", new Content.Range(30, 90), 61, List.of("a-blog")));
        Exercise broken = new Exercise(couch.slug(), couch.title(), couch.category(), couch.summary(),
                couch.targetMuscles(), couch.supportingMuscles(), couch.equipment(), couch.steps(), couch.dose(),
                couch.cautions(), couch.contraindications(), couch.commonMistakes(), couch.progressions(),
                couch.regressions(), couch.acuteSafe(), couch.whyItWorks(), couch.sources(), bad);
        List<ContentViolation> violations = ContentValidator.validate(content.with(ContentKind.EXERCISE, broken.slug(), broken));
        assertThat(violations).extracting(ContentViolation::field).containsExactlyInAnyOrder(
                "doseSteps[0].range", // the dose starts at 60 s, below the range
                "doseSteps[1].variable", // the couch stretch has no reps
                "doseSteps[2].variable", "doseSteps[2].range", "doseSteps[2].step", "doseSteps[2].sources",
                "doseSteps[3].variable", // holdSeconds again
                "doseSteps[3].step", "doseSteps[3].sources[0]");
    }

    @Test
    void removingAnExerciseThatOthersNameIsCaught() {
        List<ContentViolation> violations = ContentValidator.validate(content.without(ContentKind.EXERCISE, "supine-passive-hip-flexor-stretch"));
        assertThat(violations).isNotEmpty()
                .anySatisfy(v -> assertThat(v.message()).contains("supine-passive-hip-flexor-stretch"));
    }
}
