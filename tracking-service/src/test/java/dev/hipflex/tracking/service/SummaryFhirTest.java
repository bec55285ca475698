package dev.hipflex.tracking.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import dev.hipflex.tracking.domain.Summary;
import dev.hipflex.tracking.domain.SummaryHistories;

/**
 * The summary's FHIR R4 Bundle, built from many generated histories, checked against the R4 specification: HAPI's
 * validator against the official R4 schema, and the R4 invariants of every resource and element (FhirInvariants).
 */
class SummaryFhirTest {

    static final int HISTORIES = 200;
    static final int INVARIANT_HISTORIES = 60;

    private final SummaryFhir fhir = new SummaryFhir();

    @Test
    void bundlesOfGeneratedHistoriesAreValidR4() {
        FhirValidator validator = fhir.context().newValidator();
        validator.setValidateAgainstStandardSchema(true);
        validator.setValidateAgainstStandardSchematron(false);
        for (long seed = 1; seed <= HISTORIES; seed++) {
            Summary summary = SummaryHistories.generate(seed);
            String json = fhir.json(summary);
            // The JSON as sent, read back: what a clinic's system would receive.
            Bundle bundle = fhir.context().newJsonParser().parseResource(Bundle.class, json);
            List<SingleValidationMessage> errors = validator.validateWithResult(bundle).getMessages().stream()
                    .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()).toList();
            assertThat(errors).as("seed %d: %s", seed, json).isEmpty();
        }
    }

    @Test
    void bundlesOfGeneratedHistoriesKeepTheR4Invariants() {
        FhirInvariants invariants = new FhirInvariants(fhir.context());
        for (long seed = 1; seed <= INVARIANT_HISTORIES; seed++) {
            FhirInvariants.Result result = invariants.check(fhir.build(SummaryHistories.generate(seed)));
            assertThat(result.errors()).as("seed %d", seed).isEmpty();
            assertThat(result.evaluated()).as("seed %d", seed).isPositive();
        }
    }

    @Test
    void theInvariantsFindTwoEntriesUnderOneFullUrlAndAValueBesideItsAbsenceReason() {
        FhirInvariants invariants = new FhirInvariants(fhir.context());
        Bundle bundle = fhir.build(SummaryHistories.example());
        assertThat(invariants.check(bundle).errors()).isEmpty();
        Observation both = new Observation();
        both.setStatus(Observation.ObservationStatus.FINAL);
        both.getCode().setText("pain");
        both.setValue(new org.hl7.fhir.r4.model.IntegerType(3));
        both.getDataAbsentReason().setText("asked, not answered");
        bundle.addEntry().setFullUrl(bundle.getEntryFirstRep().getFullUrl()).setResource(both);
        assertThat(invariants.check(bundle).errors()).anyMatch(e -> e.contains("bdl-7")).anyMatch(e -> e.contains("obs-6"));
    }

    @Test
    void theValidatorFindsAnObservationWithoutItsRequiredStatus() {
        FhirValidator validator = fhir.context().newValidator();
        validator.setValidateAgainstStandardSchema(true);
        validator.setValidateAgainstStandardSchematron(false);
        Bundle bundle = fhir.build(SummaryHistories.generate(7));
        Observation broken = new Observation();
        broken.getCode().setText("no status");
        bundle.addEntry().setFullUrl("urn:uuid:00000000-0000-0000-0000-000000000001").setResource(broken);
        assertThat(validator.validateWithResult(bundle).getMessages())
                .anySatisfy(m -> assertThat(m.getSeverity()).isEqualTo(ResultSeverityEnum.ERROR));
    }

    @Test
    void theBundleHoldsTheSummaryAndNothingAboutThePersonButTheirPseudonymousId() {
        for (long seed = 1; seed <= HISTORIES; seed++) {
            Summary summary = SummaryHistories.generate(seed);
            Bundle bundle = fhir.build(summary);
            List<Patient> patients = of(bundle, Patient.class);
            assertThat(patients).hasSize(1);
            Patient patient = patients.get(0);
            assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo(summary.person());
            assertThat(patient.getName()).isEmpty();
            assertThat(patient.getTelecom()).isEmpty();
            assertThat(patient.getAddress()).isEmpty();
            assertThat(patient.hasBirthDate() || patient.hasGender()).isFalse();

            List<Observation> pain = of(bundle, Observation.class).stream()
                    .filter(o -> o.getCode().getCodingFirstRep().getCode().equals(SummaryFhir.PAIN_CODE)).toList();
            assertThat(pain).as("seed %d", seed).hasSize(summary.pain().size());
            pain.forEach(o -> assertThat(o.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org"));

            List<CarePlan> plans = of(bundle, CarePlan.class);
            assertThat(plans).hasSize(summary.plan() == null ? 0 : 1);
            plans.forEach(plan -> plan.getActivity().forEach(activity -> assertThat(activity.getDetail().getCode()
                    .getCodingFirstRep().getCode()).isEqualTo(SummaryFhir.EXERCISE_THERAPY)));
            if (summary.plan() != null && summary.recommendation() != null
                    && !summary.recommendation().exercises().isEmpty()) {
                assertThat(plans.get(0).getActivity()).hasSize(summary.recommendation().exercises().size());
            }
            assertThat(of(bundle, Flag.class)).hasSize(summary.recommendation() == null ? 0
                    : summary.recommendation().redFlags().size());
            List<Observation> experiments = of(bundle, Observation.class).stream()
                    .filter(o -> o.getCode().getCodingFirstRep().getSystem().equals(SummaryFhir.EXPERIMENT)).toList();
            assertThat(experiments).as("seed %d", seed).hasSize(summary.experiments().size());
            for (int i = 0; i < experiments.size(); i++) {
                assertThat(experiments.get(i).getValueCodeableConcept().getCodingFirstRep().getCode())
                        .isEqualTo(summary.experiments().get(i).outcome());
            }
            List<QuestionnaireResponse> psfs = of(bundle, QuestionnaireResponse.class);
            assertThat(psfs).as("seed %d", seed).hasSize(summary.function().size());
            assertThat(of(bundle, Questionnaire.class)).hasSize(summary.function().isEmpty() ? 0 : 1);
            for (int i = 0; i < psfs.size(); i++) {
                Summary.FunctionAssessment assessment = summary.function().get(i);
                QuestionnaireResponse response = psfs.get(i);
                assertThat(response.getQuestionnaire()).isEqualTo(SummaryFhir.PSFS + "|" + SummaryFhir.PSFS_VERSION);
                assertThat(response.getItem()).hasSize(assessment.assessment().ratings().size() + 2);
                assertThat(response.getItemFirstRep().getAnswerFirstRep().getValueIntegerType().getValue())
                        .isEqualTo(assessment.week());
            }
            long adherence = of(bundle, Observation.class).size() - pain.size() - experiments.size();
            assertThat(adherence).isEqualTo(summary.adherence() == null ? 0 : 3 + summary.adherence().weeks().size());
        }
    }

    @Test
    void thePsfsIsAQuestionnaireResponseToTheQuestionnaireTheBundleCarries() {
        Bundle bundle = fhir.build(SummaryHistories.example());
        Questionnaire questionnaire = of(bundle, Questionnaire.class).get(0);
        assertThat(questionnaire.getUrl() + "|" + questionnaire.getVersion())
                .isEqualTo(SummaryFhir.PSFS + "|" + SummaryFhir.PSFS_VERSION);
        List<QuestionnaireResponse> psfs = of(bundle, QuestionnaireResponse.class);
        assertThat(psfs).hasSize(2);
        QuestionnaireResponse week4 = psfs.get(1);
        assertThat(week4.getAuthoredElement().getValueAsString()).isEqualTo("2026-11-09");
        assertThat(week4.getItem()).extracting(QuestionnaireResponse.QuestionnaireResponseItemComponent::getLinkId)
                .containsExactly("plan-week", "activity", "activity", "activity", "mean");
        QuestionnaireResponse.QuestionnaireResponseItemComponent chair = week4.getItem().get(1);
        assertThat(chair.getItem().get(0).getAnswerFirstRep().getValueStringType().getValue())
                .isEqualTo("Getting up from a chair");
        assertThat(chair.getItem().get(1).getAnswerFirstRep().getValueIntegerType().getValue()).isEqualTo(6);
        assertThat(week4.getItem().get(4).getAnswerFirstRep().getValueDecimalType().getValueAsString()).isEqualTo("5.7");
        // Every linkId the answers use is one of the Questionnaire's, at the same level.
        List<String> top = questionnaire.getItem().stream().map(Questionnaire.QuestionnaireItemComponent::getLinkId).toList();
        List<String> nested = questionnaire.getItem().get(1).getItem().stream()
                .map(Questionnaire.QuestionnaireItemComponent::getLinkId).toList();
        for (QuestionnaireResponse response : psfs) {
            response.getItem().forEach(item -> {
                assertThat(top).contains(item.getLinkId());
                item.getItem().forEach(inner -> assertThat(nested).contains(inner.getLinkId()));
            });
        }
    }

    @Test
    void aDoseReadsAsAPhysiotherapistWritesIt() {
        Summary.Dose dose = new Summary.Dose(new Summary.Range(5, 5), new Summary.Range(3, 3),
                new Summary.Range(12, 15), null, true);
        assertThat(dose.words()).isEqualTo("3 sets x 12-15 reps, hold 5 s, each side");
        assertThat(new Summary.Dose(null, null, null, new Summary.Range(1, 2), false).words()).isEqualTo("1-2 min");
    }

    static <T extends Resource> List<T> of(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).toList();
    }
}
