package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.CatalogFixture.catalog;
import static dev.hipflex.triage.domain.ReportBuilder.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.hipflex.triage.domain.Recommendation.Exclusion;
import dev.hipflex.triage.domain.SymptomReport.Activity;
import dev.hipflex.triage.domain.SymptomReport.PainLocation;
import dev.hipflex.triage.domain.SymptomReport.PainQuality;

/**
 * Held-out scenarios, one or more per rule that the other scenario classes name only in passing: the likely-muscle
 * hints (LM-*), the outer-hip leave-out, the psoas focus and the referral urgencies (UR-*). Each asserts what the
 * person is shown: the muscle with the answers that point to it, the exercise left out with its condition, the
 * referral's words. ("Why this?" lists the rules that set the level; these rules show in what they change.)
 */
class RuleScenarioTest {

    private static Recommendation recommend(ReportBuilder report) {
        return TriageEngine.recommend(report.build(), catalog());
    }

    @Test
    @DisplayName("LM-SNAPPING-TFL: a snapping pain points to the TFL, and says so; without the snapping the hint is not there")
    void snappingPointsToTheTfl() {
        Recommendation snapping = recommend(report().qualities(PainQuality.SNAPPING));
        assertThat(pointers(snapping, "tensor-fasciae-latae")).contains("qualities");
        assertThat(pointers(recommend(report().qualities(PainQuality.DULL_ACHE)), "tensor-fasciae-latae"))
                .doesNotContain("qualities");
    }

    @Test
    @DisplayName("LM-ILIOPSOAS-LOAD: pain worse on sitting or stairs points to the psoas major and the iliacus")
    void loadingTheIliopsoas() {
        Recommendation r = recommend(report().locations(PainLocation.FRONT_OF_HIP).activities(Activity.STAIRS));
        assertThat(pointers(r, "psoas-major")).contains("aggravatingActivities");
        assertThat(pointers(r, "iliacus")).contains("aggravatingActivities");
        assertThat(pointers(recommend(report().locations(PainLocation.FRONT_OF_HIP).activities(Activity.RUNNING)),
                "psoas-major")).doesNotContain("aggravatingActivities");
    }

    @Test
    @DisplayName("LM-REFERRED-PAIN: where it hurts is read against each muscle's referral areas in the catalog")
    void referredPain() {
        Recommendation r = recommend(report().locations(PainLocation.FRONT_OF_THIGH).activities());
        assertThat(r.likelyMuscles()).isNotEmpty();
        assertThat(r.likelyMuscles().get(0).pointedBy()).anySatisfy(e -> assertThat(e.value()).contains("front-of-thigh"));
    }

    @Test
    @DisplayName("PF-FOCUS-ILIOPSOAS: a desk worker's front-of-hip ache gets gentle stretches that target the psoas or iliacus")
    void psoasFocus() {
        Recommendation r = recommend(report().locations(PainLocation.FRONT_OF_HIP).activities(Activity.SITTING));
        assertThat(r.likelyMuscles().get(0).muscle()).isIn("psoas-major", "iliacus");
        assertThat(Contents.planExercises(r)).anySatisfy(slug -> assertThat(catalog().exercise(slug).orElseThrow()
                .targetMuscles()).containsAnyOf("psoas-major", "iliacus"));
    }

    @Test
    @DisplayName("PS-OUTER-HIP-NO-CROSSING: outer-hip pain leaves out what the catalog marks for it, and only then")
    void outerHipNoCrossing() {
        Recommendation r = recommend(report().locations(PainLocation.OUTER_HIP));
        assertThat(r.excluded()).extracting(Exclusion::condition).contains("outer-hip-pain");
        Recommendation front = recommend(report().locations(PainLocation.FRONT_OF_HIP));
        assertThat(front.excluded()).extracting(Exclusion::condition).doesNotContain("outer-hip-pain");
    }

    @Test
    @DisplayName("UR-*: over generated reports, every referral says how soon in words that match its urgency, and each "
            + "of the three urgencies occurs")
    void everyReferralSaysHowSoon() {
        Map<Urgency, Integer> seen = new EnumMap<>(Urgency.class);
        Map<Urgency, String> opening = Map.of(Urgency.TODAY, "Today:", Urgency.WITHIN_A_WEEK, "Within a week:",
                Urgency.ROUTINE, "Routine:");
        ReportGenerator.forAll(17L, report -> {
            Recommendation r = TriageEngine.recommend(report, catalog());
            if (r.referral() == null) {
                assertThat(r.level()).isIn(Level.SELF_CARE, Level.SELF_CARE_WITH_CAUTION);
                return;
            }
            seen.merge(r.referral().urgency(), 1, Integer::sum);
            assertThat(r.referral().whatToDo()).startsWith(opening.get(r.referral().urgency()));
            assertThat(r.referral().source()).isNotBlank();
        });
        assertThat(seen.keySet()).containsExactlyInAnyOrder(Urgency.values());
    }

    /** The report inputs that point to {@code muscle} among the likely muscles; empty when it is not among them. */
    private static List<String> pointers(Recommendation r, String muscle) {
        return r.likelyMuscles().stream().filter(m -> m.muscle().equals(muscle))
                .flatMap(m -> m.pointedBy().stream().map(Recommendation.Evidence::input)).toList();
    }
}
