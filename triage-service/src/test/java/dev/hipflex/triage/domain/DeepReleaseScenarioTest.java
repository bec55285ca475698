package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.CatalogFixture.catalog;
import static dev.hipflex.triage.domain.ReportBuilder.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.hipflex.triage.domain.Recommendation.Exclusion;
import dev.hipflex.triage.domain.SymptomReport.MedicalHistory;
import dev.hipflex.triage.domain.SymptomReport.Pregnancy;

/**
 * Held-out scenarios for the deep lacrosse-ball psoas release's leave-outs (DR-*): a person who asks for it and has one
 * reason against it does not get it, and is told why under that reason's own condition (the rule's id names the
 * case; the person sees the condition and its reason).
 */
class DeepReleaseScenarioTest {

    private static final String RELEASE = "lacrosse-ball-psoas-release";

    static Stream<Arguments> oneReasonAgainst() {
        return Stream.of(
                Arguments.of("DR-AGE", "age-50-or-over", (UnaryOperator<ReportBuilder>) b -> b.age(63)),
                Arguments.of("DR-AGE", "age-50-or-over", (UnaryOperator<ReportBuilder>) b -> b.age(null)),
                Arguments.of("DR-BLOOD-THINNERS", "blood-thinners",
                        (UnaryOperator<ReportBuilder>) b -> b.medicalHistory(MedicalHistory.BLOOD_THINNERS)),
                Arguments.of("DR-VASCULAR", "vascular-disease",
                        (UnaryOperator<ReportBuilder>) b -> b.medicalHistory(MedicalHistory.VASCULAR_DISEASE)),
                Arguments.of("DR-BOWEL", "inflammatory-bowel-disease",
                        (UnaryOperator<ReportBuilder>) b -> b.medicalHistory(MedicalHistory.INFLAMMATORY_BOWEL_DISEASE)),
                Arguments.of("DR-SURGERY", "recent-abdominal-or-pelvic-surgery",
                        (UnaryOperator<ReportBuilder>) b -> b.medicalHistory(
                                MedicalHistory.RECENT_ABDOMINAL_OR_PELVIC_SURGERY)),
                Arguments.of("DR-PREGNANCY", "pregnancy-or-possible-pregnancy",
                        (UnaryOperator<ReportBuilder>) b -> b.pregnancy(Pregnancy.POSSIBLY_PREGNANT, null)),
                Arguments.of("DR-PREGNANCY", "pregnancy-or-possible-pregnancy",
                        (UnaryOperator<ReportBuilder>) b -> b.pregnancy(Pregnancy.PREGNANT, 12)),
                Arguments.of("DR-HISTORY-NOT-ASKED", "medical-history-not-asked",
                        (UnaryOperator<ReportBuilder>) ReportBuilder::notScreened));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("oneReasonAgainst")
    void askedForButRuledOut(String rule, String condition, UnaryOperator<ReportBuilder> reason) {
        ReportBuilder asked = report().age(35).wantsDeepPsoasRelease(true);
        // Without the reason against it, the person who asks gets the release: the reason alone makes the difference.
        assertThat(Contents.prescribedExercises(TriageEngine.recommend(asked.build(), catalog()))).contains(RELEASE);

        Recommendation r = TriageEngine.recommend(reason.apply(report().age(35).wantsDeepPsoasRelease(true)).build(),
                catalog());

        assertThat(Contents.prescribedExercises(r)).doesNotContain(RELEASE);
        assertThat(r.excluded()).filteredOn(e -> e.exercise().equals(RELEASE)).extracting(Exclusion::condition)
                .contains(condition);
        assertThat(r.excluded()).filteredOn(e -> e.condition().equals(condition))
                .allSatisfy(e -> assertThat(e.reason()).isNotBlank());
    }
}
