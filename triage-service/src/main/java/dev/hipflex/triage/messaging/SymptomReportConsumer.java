package dev.hipflex.triage.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.common.outbox.OutboxRelay;
import dev.hipflex.common.problem.Problem.FieldError;
import dev.hipflex.triage.domain.SymptomReport;
import dev.hipflex.triage.domain.SymptomReportValidator;
import dev.hipflex.triage.service.CatalogSnapshots;
import dev.hipflex.triage.service.TriageService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;

/**
 * Reads {@code symptom-reports}, whoever wrote them, and makes each report's recommendation. A record
 * that cannot be read or fails validation fails here and goes to {@code symptom-reports-dlq} with the
 * reason (the channel's dead-letter strategy), and the next record is processed. Anything else (the
 * catalog or the database briefly away) is retried until it works: no report is lost or dead-lettered
 * for a fault of ours. Records of one person share a partition and are processed in order.
 */
@ApplicationScoped
public class SymptomReportConsumer {

    private static final Logger LOG = Logger.getLogger(SymptomReportConsumer.class);

    private final ObjectMapper json;
    private final CatalogSnapshots catalog;
    private final TriageService triage;
    private final OutboxRelay relay;
    private final Counter received;
    private final Counter processed;
    private final Counter duplicates;
    private final Counter deadLettered;
    private final Timer latency;

    public SymptomReportConsumer(ObjectMapper json, CatalogSnapshots catalog, TriageService triage, OutboxRelay relay,
            MeterRegistry registry) {
        // Strict reading: an unknown field or word in a record from another producer is a reason to dead-letter it.
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.catalog = catalog;
        this.triage = triage;
        this.relay = relay;
        this.received = registry.counter("hipflex.triage.reports.received");
        this.processed = registry.counter("hipflex.triage.reports.processed");
        this.duplicates = registry.counter("hipflex.triage.reports.duplicates");
        this.deadLettered = registry.counter("hipflex.triage.reports.dead.lettered");
        this.latency = Timer.builder("hipflex.triage.reports.processing").publishPercentiles(0.5, 0.99).register(registry);
    }

    @Incoming("symptom-reports")
    public Uni<Void> consume(String payload) {
        received.increment();
        long start = System.nanoTime();
        SymptomReport report;
        try {
            report = read(payload);
        } catch (InvalidReportException e) {
            deadLettered.increment();
            LOG.warnf("Dead-lettering a symptom report: %s", e.getMessage());
            return Uni.createFrom().failure(e);
        }
        return catalog.current()
                .chain(snapshot -> triage.recommend(report, snapshot))
                .onFailure().invoke(e -> LOG.warnf("Report %s not processed yet, retrying: %s", report.reportId(), e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).indefinitely()
                .invoke(made -> {
                    (made ? processed : duplicates).increment();
                    latency.record(Duration.ofNanos(System.nanoTime() - start));
                    relay.soon();
                })
                .replaceWithVoid();
    }

    /** The report in a record: a CloudEvent whose {@code data} is the report, or the bare report. */
    SymptomReport read(String payload) {
        SymptomReport report;
        try {
            JsonNode node = json.readTree(payload == null ? "" : payload);
            if (node == null || !node.isObject()) {
                throw new InvalidReportException("not a JSON object");
            }
            JsonNode body = node.has("specversion") ? node.get("data") : node;
            report = json.treeToValue(body, SymptomReport.class);
        } catch (JsonProcessingException e) {
            throw new InvalidReportException("unreadable: " + e.getOriginalMessage());
        }
        List<FieldError> errors = SymptomReportValidator.validate(report, Instant.now());
        if (!errors.isEmpty()) {
            throw new InvalidReportException("invalid: " + errors.stream()
                    .map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
        }
        return report;
    }
}
