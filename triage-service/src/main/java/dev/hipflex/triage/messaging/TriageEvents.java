package dev.hipflex.triage.messaging;

import dev.hipflex.common.events.CloudEvent;
import dev.hipflex.triage.domain.Recommendation;
import dev.hipflex.triage.domain.SymptomReport;

/** The events triage publishes, in the CloudEvents envelope every hipflex topic carries. */
public final class TriageEvents {

    public static final String REPORTS_TOPIC = "symptom-reports";
    public static final String RECOMMENDATIONS_TOPIC = "recommendations";
    public static final String SOURCE = "/hipflex/triage-service";

    private TriageEvents() {
    }

    public static CloudEvent<SymptomReport> reportReceived(SymptomReport report) {
        return CloudEvent.of(SOURCE, "dev.hipflex.triage.symptom-report.received", report.reportId().toString(),
                "https://hipflex.dev/schemas/symptom-reports/v1", report);
    }

    public static CloudEvent<Recommendation> recommendationMade(Recommendation recommendation) {
        return CloudEvent.of(SOURCE, "dev.hipflex.triage.recommendation.created",
                recommendation.reportId().toString(), "https://hipflex.dev/schemas/recommendations/v1", recommendation);
    }
}
