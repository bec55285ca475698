package dev.hipflex.triage.messaging;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.hipflex.common.events.CloudEvent;
import dev.hipflex.triage.domain.Recommendation;
import dev.hipflex.triage.domain.SymptomReport;

/** The events triage publishes, in the CloudEvents envelope every hipflex topic carries. */
public final class TriageEvents {

    public static final String REPORTS_TOPIC = "symptom-reports";
    public static final String RECOMMENDATIONS_TOPIC = "recommendations";
    public static final String DEAD_LETTER_TOPIC = "symptom-reports-dlq";
    public static final String SOURCE = "/hipflex/triage-service";
    public static final String RECOMMENDATIONS_SCHEMA = "https://hipflex.dev/schemas/recommendations/v2";

    private TriageEvents() {
    }

    public static CloudEvent<SymptomReport> reportReceived(SymptomReport report) {
        return CloudEvent.of(SOURCE, "dev.hipflex.triage.symptom-report.received", report.reportId().toString(),
                "https://hipflex.dev/schemas/symptom-reports/v1", report);
    }

    /**
     * The event announcing a stored recommendation, with its facts ({@code recommendations/v2}). Its id comes from
     * the report id and its time is when the recommendation was made, so an event built again after an aborted send
     * is the same event.
     */
    public static CloudEvent<RecommendationFacts> recommendationMade(OffsetDateTime madeAt, Recommendation recommendation) {
        UUID reportId = recommendation.reportId();
        UUID id = UUID.nameUUIDFromBytes(("recommendation/" + reportId).getBytes(StandardCharsets.UTF_8));
        return CloudEvent.of(id, madeAt, SOURCE, "dev.hipflex.triage.recommendation.created", reportId.toString(),
                RECOMMENDATIONS_SCHEMA, RecommendationFacts.of(recommendation));
    }
}
