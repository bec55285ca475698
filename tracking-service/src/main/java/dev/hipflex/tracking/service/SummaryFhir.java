package dev.hipflex.tracking.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.TimeZone;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.ClinicalImpression;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import dev.hipflex.tracking.domain.Adherence;
import dev.hipflex.tracking.domain.Summary;

/**
 * A person's {@link Summary} as a FHIR R4 Bundle (a collection): the Patient with the pseudonymous id only, pain
 * Observations (LOINC 72514-3), the plan as a CarePlan of exercise therapy (SNOMED CT 229065009) with each exercise and
 * its dose, the latest recommendation as a ClinicalImpression whose findings are the rules that fired with their inputs,
 * each red flag as a Flag, the adherence figures as Observations, each root-cause experiment's result as an
 * Observation, and each PSFS assessment as a QuestionnaireResponse to the PSFS Questionnaire, which the Bundle carries
 * too (a clinic's system may not know hipflex's form of it).
 *
 * <p>HAPI's R4 context takes about a second to build, so this bean is made on the first summary asked for, never at
 * start-up, and shared afterwards (a context is thread-safe). Resource ids are name-based UUIDs of the person and the
 * entry, so the same data gives the same Bundle.
 *
 */
@ApplicationScoped
public class SummaryFhir {

    public static final String MEDIA_TYPE = "application/fhir+json";

    static final String LOINC = "http://loinc.org";
    static final String PAIN_CODE = "72514-3";
    static final String SNOMED = "http://snomed.info/sct";
    static final String EXERCISE_THERAPY = "229065009";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String PERSON_IDS = "https://hipflex.dev/fhir/sid/person";
    static final String REPORT_IDS = "https://hipflex.dev/fhir/sid/symptom-report";
    static final String RULES = "https://hipflex.dev/fhir/CodeSystem/triage-rules";
    static final String ADHERENCE = "https://hipflex.dev/fhir/CodeSystem/adherence";
    static final String EXPERIMENT = "https://hipflex.dev/fhir/CodeSystem/root-cause-experiment";
    static final String EXPERIMENT_OUTCOME = "https://hipflex.dev/fhir/CodeSystem/root-cause-experiment-outcome";
    static final String PSFS = "https://hipflex.dev/fhir/Questionnaire/psfs";
    static final String PSFS_VERSION = "1";

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private final FhirContext context = FhirContext.forR4();

    public FhirContext context() {
        return context;
    }

    public String json(Summary summary) {
        return context.newJsonParser().setPrettyPrint(true).encodeResourceToString(build(summary));
    }

    public Bundle build(Summary summary) {
        Entries entries = new Entries(summary);
        Patient patient = new Patient();
        patient.addIdentifier().setSystem(PERSON_IDS).setValue(summary.person());
        Reference subject = entries.add("patient", patient);
        summary.pain().forEach(rating -> entries.add("pain", pain(rating, subject)));
        if (summary.recommendation() != null) {
            addRecommendation(entries, summary.recommendation(), subject);
        }
        if (summary.plan() != null) {
            entries.add("plan", carePlan(summary, subject));
        }
        if (summary.adherence() != null) {
            addAdherence(entries, summary.adherence(), subject);
        }
        summary.experiments().forEach(result -> entries.add("experiment", experiment(result, subject)));
        if (!summary.function().isEmpty()) {
            entries.add("psfs-questionnaire", psfsQuestionnaire());
            summary.function().forEach(assessment -> entries.add("psfs", psfs(assessment, subject)));
        }
        return entries.bundle;
    }

    private static Observation pain(Summary.PainRating rating, Reference subject) {
        Observation pain = new Observation();
        pain.setStatus(Observation.ObservationStatus.FINAL);
        pain.addCategory().addCoding().setSystem(OBSERVATION_CATEGORY).setCode("survey").setDisplay("Survey");
        pain.getCode().addCoding().setSystem(LOINC).setCode(PAIN_CODE)
                .setDisplay("Pain severity - 0-10 verbal numeric rating [Score] - Reported");
        pain.getCode().setText("Pain, 0-10");
        pain.setSubject(subject);
        pain.setEffective(day(rating.day()));
        pain.setValue(new Quantity().setValue(BigDecimal.valueOf(rating.pain()).setScale(1, RoundingMode.HALF_UP))
                .setUnit("score").setSystem(UCUM).setCode("{score}"));
        pain.getMethod().setText(rating.source() == Summary.PainRating.Source.CHECK_IN ? "Daily check-in"
                : "Before a session (mean of " + rating.ratings() + ")");
        return pain;
    }

    private static void addRecommendation(Entries entries, Summary.Recommendation recommendation, Reference subject) {
        ClinicalImpression impression = new ClinicalImpression();
        impression.addIdentifier().setSystem(REPORT_IDS).setValue(recommendation.reportId().toString());
        impression.setStatus(ClinicalImpression.ClinicalImpressionStatus.COMPLETED);
        impression.getCode().setText("hipflex symptom check");
        impression.setSubject(subject);
        impression.setEffective(moment(recommendation.at()));
        impression.setDateElement(moment(recommendation.at()));
        impression.setDescription("Recommended level: " + recommendation.level());
        impression.setSummary(recommendation.redFlags().isEmpty() ? "No red flags found"
                : "Red flags found: " + String.join(", ", recommendation.redFlags().stream()
                        .map(Summary.FiredRule::rule).toList()));
        for (Summary.FiredRule rule : recommendation.rules()) {
            impression.addFinding().setItemCodeableConcept(rule(rule)).setBasis(rule.because().isEmpty() ? null
                    : "Inputs: " + rule.because());
        }
        entries.add("recommendation", impression);
        for (Summary.FiredRule flag : recommendation.redFlags()) {
            Flag red = new Flag();
            red.setStatus(Flag.FlagStatus.ACTIVE);
            red.setCode(rule(flag));
            red.getCode().setText("Red flag " + flag.rule() + (flag.because().isEmpty() ? "" : ": " + flag.because()));
            red.setSubject(subject);
            red.setPeriod(new Period().setStartElement(moment(recommendation.at())));
            entries.add("red-flag-" + flag.rule(), red);
        }
    }

    private static CodeableConcept rule(Summary.FiredRule rule) {
        CodeableConcept code = new CodeableConcept();
        code.addCoding().setSystem(RULES).setVersion(rule.version()).setCode(rule.rule());
        code.setText(rule.rule() + " (version " + rule.version() + ", source " + rule.source() + ")");
        return code;
    }

    private static CarePlan carePlan(Summary summary, Reference subject) {
        Summary.PlanOutline outline = summary.plan();
        CarePlan plan = new CarePlan();
        boolean active = "active".equals(outline.status());
        plan.setStatus(active ? CarePlan.CarePlanStatus.ACTIVE : CarePlan.CarePlanStatus.ONHOLD);
        plan.setIntent(CarePlan.CarePlanIntent.PLAN);
        plan.setTitle("Hip exercise plan: " + outline.protocol());
        plan.setDescription("Plan status: " + outline.status() + "; day 1 was " + outline.startDate());
        plan.setSubject(subject);
        plan.setPeriod(new Period().setStartElement(day(outline.startDate())));
        CarePlan.CarePlanActivityStatus status = active ? CarePlan.CarePlanActivityStatus.INPROGRESS
                : CarePlan.CarePlanActivityStatus.ONHOLD;
        Summary.Recommendation recommendation = summary.recommendation();
        if (recommendation != null && !recommendation.exercises().isEmpty()) {
            for (Summary.Exercise exercise : recommendation.exercises()) {
                String dose = exercise.dose() == null ? "" : exercise.dose().words();
                activity(plan, exercise.exercise(), status, exercise.phase() + (dose.isEmpty() ? "" : ": " + dose));
            }
        } else {
            outline.exercises().forEach(exercise -> activity(plan, exercise, status, null));
        }
        return plan;
    }

    private static void activity(CarePlan plan, String exercise, CarePlan.CarePlanActivityStatus status, String dose) {
        CarePlan.CarePlanActivityDetailComponent detail = plan.addActivity().getDetail();
        detail.getCode().addCoding().setSystem(SNOMED).setCode(EXERCISE_THERAPY).setDisplay("Exercise therapy");
        detail.getCode().setText(exercise);
        detail.setStatus(status);
        detail.setDescription(dose);
    }

    private static void addAdherence(Entries entries, Adherence adherence, Reference subject) {
        DateTimeType asOf = day(adherence.asOf());
        entries.add("overall-percent", figure("overall-percent", "Sessions done of those expected, overall", asOf, subject)
                .setValue(new Quantity().setValue(BigDecimal.valueOf(adherence.overallPercent())).setUnit("%")
                        .setSystem(UCUM).setCode("%")));
        entries.add("current-streak", figure("current-streak", "Days in a row with a session, up to now", asOf, subject)
                .setValue(days(adherence.currentStreak())));
        entries.add("longest-streak", figure("longest-streak", "Longest run of days with a session", asOf, subject)
                .setValue(days(adherence.longestStreak())));
        for (Adherence.Week week : adherence.weeks()) {
            Observation observation = figure("plan-week", "Plan week " + week.week() + ": " + week.unit().word()
                    + " with a session, done and expected", null, subject);
            observation.setEffective(new Period().setStartElement(day(week.from())).setEndElement(day(week.to())));
            observation.addComponent().setValue(new IntegerType(week.done())).getCode().addCoding()
                    .setSystem(ADHERENCE).setCode("done").setDisplay("Done");
            observation.addComponent().setValue(new IntegerType(week.expected())).getCode().addCoding()
                    .setSystem(ADHERENCE).setCode("expected").setDisplay("Expected so far");
            entries.add("week-" + week.week(), observation);
        }
    }

    /** A root-cause experiment's result: the outcome, its days, both phases' means and the p-value. */
    private static Observation experiment(Summary.ExperimentResult r, Reference subject) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory().addCoding().setSystem(OBSERVATION_CATEGORY).setCode("therapy").setDisplay("Therapy");
        observation.getCode().addCoding().setSystem(EXPERIMENT).setCode("root-cause-experiment");
        observation.getCode().setText("Root-cause experiment: " + r.checklistItem() + " changed, waking pain before "
                + "and with the change (rule TRK-EXP-RESULT)");
        observation.setSubject(subject);
        observation.setEffective(new Period().setStartElement(day(r.start())).setEndElement(day(r.end())));
        CodeableConcept outcome = new CodeableConcept();
        outcome.addCoding().setSystem(EXPERIMENT_OUTCOME).setCode(r.outcome());
        outcome.setText(r.outcome() + (r.confirmation() == null ? "" : ", confirmation by undoing it: "
                + r.confirmation()));
        observation.setValue(outcome);
        score(observation, "baseline-mean", "Mean waking pain, baseline (" + r.baselineRatings() + " days)",
                r.baselineMean());
        score(observation, "change-mean", "Mean waking pain with the change (" + r.changeRatings() + " days)",
                r.changeMean());
        if (r.p() != null) {
            observation.addComponent().setValue(new Quantity().setValue(BigDecimal.valueOf(r.p())).setSystem(UCUM)
                    .setCode("1").setUnit("1")).getCode().addCoding().setSystem(EXPERIMENT).setCode("p-value")
                    .setDisplay("p-value of Kendall's Tau, baseline against the change");
        }
        return observation;
    }

    private static void score(Observation observation, String code, String display, Double mean) {
        if (mean != null) {
            observation.addComponent().setValue(new Quantity().setValue(BigDecimal.valueOf(mean)).setSystem(UCUM)
                    .setCode("{score}").setUnit("{score}")).getCode().addCoding().setSystem(EXPERIMENT).setCode(code)
                    .setDisplay(display);
        }
    }

    /**
     * The PSFS as hipflex asks it: the plan week of the assessment, then up to 5 activities the person named at the start,
     * each with its rating (0 unable to 10 as before), and their mean.
     */
    static Questionnaire psfsQuestionnaire() {
        Questionnaire psfs = new Questionnaire();
        psfs.setUrl(PSFS);
        psfs.setVersion(PSFS_VERSION);
        psfs.setName("PatientSpecificFunctionalScale");
        psfs.setTitle("Patient-Specific Functional Scale (PSFS)");
        psfs.setStatus(PublicationStatus.ACTIVE);
        psfs.addSubjectType("Patient");
        psfs.setDescription("Stratford P et al., Physiotherapy Canada 1995;47:258-263. The person names up to 5 "
                + "activities their hip makes hard at the start of the plan and rates each again at weeks 4, 8 and 12.");
        psfs.addItem().setLinkId("plan-week").setText("Plan week of the assessment (0 is the start)")
                .setType(Questionnaire.QuestionnaireItemType.INTEGER).setRequired(true);
        Questionnaire.QuestionnaireItemComponent activity = psfs.addItem().setLinkId("activity")
                .setText("An activity your hip makes hard").setType(Questionnaire.QuestionnaireItemType.GROUP)
                .setRequired(true).setRepeats(true);
        activity.addItem().setLinkId("activity-name").setText("The activity, in your words")
                .setType(Questionnaire.QuestionnaireItemType.STRING).setRequired(true).setMaxLength(80);
        activity.addItem().setLinkId("activity-rating")
                .setText("How well you can do it today: 0 unable, 10 as well as before the problem")
                .setType(Questionnaire.QuestionnaireItemType.INTEGER).setRequired(true);
        psfs.addItem().setLinkId("mean").setText("PSFS score: the mean of the activities' ratings (0-10)")
                .setType(Questionnaire.QuestionnaireItemType.DECIMAL).setReadOnly(true);
        return psfs;
    }

    private static QuestionnaireResponse psfs(Summary.FunctionAssessment assessment, Reference subject) {
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setQuestionnaire(PSFS + "|" + PSFS_VERSION);
        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.setSubject(subject);
        if (assessment.recorded() != null) {
            response.setAuthoredElement(day(assessment.recorded()));
        }
        response.addItem().setLinkId("plan-week").setText("Plan week of the assessment (0 is the start)")
                .addAnswer().setValue(new IntegerType(assessment.week()));
        for (var rating : assessment.assessment().ratings()) {
            QuestionnaireResponse.QuestionnaireResponseItemComponent activity = response.addItem()
                    .setLinkId("activity").setText("An activity your hip makes hard");
            activity.addItem().setLinkId("activity-name").setText("The activity, in your words").addAnswer()
                    .setValue(new StringType(rating.activity()));
            activity.addItem().setLinkId("activity-rating").setText("How well you can do it today (0-10)")
                    .addAnswer().setValue(new IntegerType(rating.rating()));
        }
        response.addItem().setLinkId("mean").setText("PSFS score (0-10)").addAnswer()
                .setValue(new DecimalType(BigDecimal.valueOf(assessment.mean()).setScale(1, RoundingMode.HALF_UP)));
        return response;
    }

    private static Observation figure(String code, String text, DateTimeType asOf, Reference subject) {
        Observation figure = new Observation();
        figure.setStatus(Observation.ObservationStatus.FINAL);
        figure.addCategory().addCoding().setSystem(OBSERVATION_CATEGORY).setCode("therapy").setDisplay("Therapy");
        figure.getCode().addCoding().setSystem(ADHERENCE).setCode(code);
        figure.getCode().setText(text);
        figure.setSubject(subject);
        if (asOf != null) {
            figure.setEffective(asOf);
        }
        return figure;
    }

    private static Quantity days(int days) {
        return new Quantity().setValue(days).setUnit("days").setSystem(UCUM).setCode("d");
    }

    /** An instant in UTC, whatever the server's time zone, so the same data gives the same Bundle. */
    private static DateTimeType moment(Instant at) {
        return new DateTimeType(Date.from(at), TemporalPrecisionEnum.SECOND, UTC);
    }

    private static DateTimeType day(LocalDate day) {
        return new DateTimeType(day.toString());
    }

    /** The Bundle and its entries, each under a stable id made of the person and the entry's name. */
    private static final class Entries {

        final Bundle bundle = new Bundle();
        private final String person;
        private int count;

        Entries(Summary summary) {
            person = summary.person();
            bundle.setType(Bundle.BundleType.COLLECTION);
            bundle.setTimestampElement(new InstantType(Date.from(summary.madeAt()), TemporalPrecisionEnum.MILLI, UTC));
            bundle.getIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + id("bundle@" + summary.madeAt()));
        }

        Reference add(String name, Resource resource) {
            String id = id(name + "#" + count++);
            resource.setId(id);
            bundle.addEntry().setFullUrl("urn:uuid:" + id).setResource(resource);
            return new Reference("urn:uuid:" + id);
        }

        private String id(String name) {
            return UUID.nameUUIDFromBytes((person + "/" + name).getBytes(StandardCharsets.UTF_8)).toString();
        }
    }
}
