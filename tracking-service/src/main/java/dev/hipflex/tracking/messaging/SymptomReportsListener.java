package dev.hipflex.tracking.messaging;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.tracking.repository.SymptomReportRepository;
import io.smallrye.mutiny.Uni;

/**
 * Keeps each person's newest symptom report from {@code symptom-reports}, so that a new warning sign at a check-in can
 * go to triage as that report brought up to date (see EscalationService). Records tracking cannot read are skipped:
 * triage is the topic's judge and dead-letters them itself.
 */
@ApplicationScoped
public class SymptomReportsListener {

    private static final Logger LOG = Logger.getLogger(SymptomReportsListener.class);

    private final ObjectMapper json;
    private final SymptomReportRepository reports;

    public SymptomReportsListener(ObjectMapper json, SymptomReportRepository reports) {
        this.json = json;
        this.reports = reports;
    }

    @Incoming("symptom-reports")
    public Uni<Void> consume(String event) {
        JsonNode data;
        UUID reportId;
        OffsetDateTime reportedAt;
        String userId;
        try {
            data = json.readTree(event).path("data");
            reportId = UUID.fromString(data.path("reportId").asText());
            reportedAt = OffsetDateTime.parse(data.path("reportedAt").asText());
            userId = data.path("userId").asText(null);
            if (userId == null || userId.isBlank()) {
                throw new IllegalArgumentException("no userId");
            }
        } catch (Exception e) {
            LOG.debugf("A symptom report tracking cannot read is skipped: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return reports.keep(userId, reportId, reportedAt, data.toString())
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely();
    }
}
