package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.CatalogFixture.catalog;
import static dev.hipflex.triage.domain.ReportBuilder.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.hipflex.testsupport.EventContracts;
import dev.hipflex.testsupport.EventJson;
import dev.hipflex.triage.domain.SymptomReport.Activity;
import dev.hipflex.triage.domain.SymptomReport.History;
import dev.hipflex.triage.domain.SymptomReport.Onset;
import dev.hipflex.triage.domain.SymptomReport.PainLocation;
import dev.hipflex.triage.domain.SymptomReport.PainQuality;
import dev.hipflex.triage.domain.SymptomReport.Sign;
import dev.hipflex.triage.domain.SymptomReport.WarningSign;
import dev.hipflex.triage.messaging.TriageEvents;
import dev.hipflex.triage.service.ReportCodec;

/**
 * The events triage emits, built by its real code (the engine, the services' JSON settings), keep the
 * published contracts; and the contracts are strict enough that a broken event fails. In the domain package for the
 * report builders and the catalog fixture.
 */
class EventContractTest {

    private static final String REPORTS = TriageEvents.REPORTS_TOPIC;
    private static final String RECOMMENDATIONS = TriageEvents.RECOMMENDATIONS_TOPIC;

    /** Scenarios that reach every level, plan status and extra, with the optional report fields set and unset. */
    private static final List<ReportBuilder> SCENARIOS = List.of(
            report(),
            report().deskWorker(true).hoursSitting(10).locations(PainLocation.FRONT_OF_HIP, PainLocation.LOW_BACK)
                    .activities(Activity.SITTING, Activity.STANDING_UP),
            report().runner(true).shoeAgeMonths(9).locations(PainLocation.FRONT_OF_HIP, PainLocation.KNEE)
                    .activities(Activity.RUNNING, Activity.DEEP_SQUAT, Activity.SLEEPING).raisedHeels(true),
            report().runner(true).shoeAgeMonths(2),
            report().history(History.PREGNANCY, History.ABDOMINAL_CONDITION),
            report().qualities(PainQuality.SHARP).intensity(7),
            report().signs(Sign.NUMBNESS, Sign.TINGLING),
            report().signs(Sign.CLICKING_CATCHING_LOCKING).weeksOfWork(6),
            report().runner(true).onset(Onset.SUDDEN_DURING_EXERCISE).qualities(PainQuality.SHARP).intensity(6),
            report().runner(true).warningSigns(WarningSign.NIGHT_OR_REST_PAIN, WarningSign.RECENT_BIG_JUMP_IN_RUNNING_LOAD),
            report().warningSigns(WarningSign.RECENT_FALL_OR_INJURY).signs(Sign.CANNOT_BEAR_WEIGHT).intensity(9),
            report().warningSigns(WarningSign.FEVER_OR_UNWELL, WarningSign.HOT_SWOLLEN_HIP),
            report().warningSigns(WarningSign.PAST_CANCER).history(History.HIP_SURGERY_OR_STRUCTURAL_ISSUE));

    /** The recommendation as the engine makes it, in its event as the pipeline writes it. */
    private static String recommendationEvent(Recommendation recommendation) {
        return new String(new ReportCodec(EventJson.mapper()).recommendationEvent(OffsetDateTime.now(ZoneOffset.UTC),
                recommendation), StandardCharsets.UTF_8);
    }

    private static String recommendationEvent(ReportBuilder report) {
        return recommendationEvent(TriageEngine.recommend(report.build(), catalog()));
    }

    @Test
    void symptomReportEventsKeepTheirContract() {
        for (ReportBuilder scenario : SCENARIOS) {
            SymptomReport report = scenario.build();
            EventContracts.assertValid(REPORTS, report.userId(), EventJson.write(TriageEvents.reportReceived(report)));
        }
    }

    @Test
    void recommendationEventsKeepTheirContractInEveryScenario() {
        for (ReportBuilder scenario : SCENARIOS) {
            SymptomReport report = scenario.build();
            EventContracts.assertValid(RECOMMENDATIONS, report.userId(), recommendationEvent(scenario));
        }
    }

    @Test
    void generatedReportsAndTheirRecommendationsKeepTheirContracts() {
        ReportGenerator generator = new ReportGenerator(20261123L);
        for (int i = 0; i < 400; i++) {
            SymptomReport report = generator.next();
            if (!SymptomReportValidator.validate(report, report.reportedAt().toInstant()).isEmpty()) {
                continue; // the generator may leave a required set empty; triage dead-letters such a report
            }
            EventContracts.assertValid(REPORTS, report.userId(), EventJson.write(TriageEvents.reportReceived(report)));
            EventContracts.assertValid(RECOMMENDATIONS, report.userId(),
                    recommendationEvent(TriageEngine.recommend(report, catalog())));
        }
    }

    @Test
    void recommendationEventsNameV2AndCarryNoProse() {
        for (ReportBuilder scenario : SCENARIOS) {
            ObjectNode event = read(recommendationEvent(scenario));
            assertThat(event.path("dataschema").asText()).isEqualTo("https://hipflex.dev/schemas/recommendations/v2");
            assertThat(event.path("data").findParents("text")).isEmpty();
            assertThat(event.path("data").findParents("note")).isEmpty();
            assertThat(event.path("data").findParents("instruction")).isEmpty();
            assertThat(event.path("data").findParents("whatToDo")).isEmpty();
        }
    }

    @Test
    void theFactsKeepWhatAnalyticsCountsFromTheRecommendation() {
        // The pregnancy scenario excludes exercises; every exclusion, fired rule and prescribed exercise reaches v2.
        Recommendation recommendation = TriageEngine.recommend(SCENARIOS.get(4).build(), catalog());
        assertThat(recommendation.excluded()).isNotEmpty();
        ObjectNode data = EventContracts.data(read(recommendationEvent(recommendation)));
        assertThat(data.path("excluded")).hasSize(recommendation.excluded().size());
        assertThat(data.path("excluded").get(0).path("condition").asText())
                .isEqualTo(recommendation.excluded().get(0).condition());
        assertThat(data.path("rules").findValuesAsText("rule"))
                .isEqualTo(recommendation.explanation().rules().stream().map(Explanation.FiredRule::rule).toList());
        List<String> prescribed = new ArrayList<>();
        data.path("plan").path("phases").forEach(phase -> phase.path("items")
                .forEach(item -> prescribed.add(item.path("exercise").asText(null))));
        assertThat(prescribed).isNotEmpty().isEqualTo(recommendation.plan().phases().stream()
                .flatMap(phase -> phase.items().stream()).map(Recommendation.Item::exercise).toList());
        assertThat(data.path("ruleSetVersion").asText()).isEqualTo(recommendation.ruleSetVersion());
    }

    @Test
    void aRecommendationWithoutItsLevelIsRejected() {
        assertThat(broken(event -> EventContracts.data(event).remove("level")))
                .anySatisfy(v -> assertThat(v).contains("level"));
    }

    @Test
    void aLevelWrittenAsTheJavaNameIsRejected() {
        assertThat(broken(event -> EventContracts.data(event).put("level", "SEE_PROFESSIONAL")))
                .anySatisfy(v -> assertThat(v).contains("$.data.level"));
    }

    @Test
    void aPropertyTheContractDoesNotKnowIsRejected() {
        assertThat(broken(event -> EventContracts.data(event).put("notes", "what the person wrote")))
                .anySatisfy(v -> assertThat(v).contains("notes"));
        assertThat(broken(event -> ((ObjectNode) EventContracts.data(event).get("plan")).put("startDate", "2026-11-23")))
                .anySatisfy(v -> assertThat(v).contains("startDate"));
        // v1's words are not part of v2.
        assertThat(broken(event -> EventContracts.data(event).putArray("reasons")))
                .anySatisfy(v -> assertThat(v).contains("reasons"));
    }

    @Test
    void anIntensityOffTheScaleIsRejected() {
        String event = EventJson.write(TriageEvents.reportReceived(report().build()));
        ObjectNode tree = read(event);
        EventContracts.data(tree).put("intensity", 11);
        assertThat(EventContracts.violations(REPORTS, "user-1", tree.toString()))
                .anySatisfy(v -> assertThat(v).contains("$.data.intensity"));
    }

    @Test
    void anEnvelopeWithoutSubjectOrWithAnotherVersionIsRejected() {
        assertThat(broken(event -> event.remove("subject"))).anySatisfy(v -> assertThat(v).contains("subject"));
        assertThat(broken(event -> event.put("dataschema", "https://hipflex.dev/schemas/recommendations/v3")))
                .anySatisfy(v -> assertThat(v).contains("recommendations/v3"));
        // The facts named as v1 are checked against v1, which requires the words.
        assertThat(broken(event -> event.put("dataschema", "https://hipflex.dev/schemas/recommendations/v1")))
                .anySatisfy(v -> assertThat(v).contains("reasons"));
        assertThat(broken(event -> event.put("time", "23.11.2026 10:00")))
                .anySatisfy(v -> assertThat(v).contains("$.time"));
    }

    @Test
    void aRecordKeyedByAnythingButThePersonIsRejected() {
        SymptomReport report = report().build();
        String event = recommendationEvent(report());
        assertThat(EventContracts.violations(RECOMMENDATIONS, report.userId(), event)).isEmpty();
        assertThat(EventContracts.violations(RECOMMENDATIONS, report.reportId().toString(), event))
                .anySatisfy(v -> assertThat(v).contains("record key"));
    }

    /** The desk-worker recommendation event, broken by {@code change}: its violations, which must not be empty. */
    private static List<String> broken(Consumer<ObjectNode> change) {
        return EventContracts.violationsOnceChanged(RECOMMENDATIONS, SCENARIOS.get(1).build().userId(),
                recommendationEvent(SCENARIOS.get(1)), change);
    }

    private static ObjectNode read(String json) {
        try {
            return (ObjectNode) EventJson.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
