package dev.hipflex.triage.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.common.problem.Problem.FieldError;
import dev.hipflex.triage.domain.SymptomReport;
import dev.hipflex.triage.domain.SymptomReportValidator;
import dev.hipflex.triage.service.CatalogSnapshots;
import dev.hipflex.triage.service.TriageService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;

/**
 * Reads {@code symptom-reports}, whoever wrote them, and makes each report's recommendation. A record
 * that cannot be read or fails validation goes to {@code symptom-reports-dlq} with the reason in a
 * header, and the next record is processed. Anything else (the catalog or the database briefly away) is
 * retried until it works: no report is lost or dead-lettered for a fault of ours. Records of one person
 * share a partition and are processed in order.
 * <p>
 * Exactly once: a batch's recommendation events, its dead letters and its offsets are committed in one
 * Kafka transaction, after the recommendations are stored. If that transaction aborts, the consumer goes
 * back to the last committed offsets and the batch is read again; {@link TriageService} then hands back the
 * same events for the records it had stored. Downstream consumers read with {@code isolation.level=read_committed}.
 */
@ApplicationScoped
public class SymptomReportConsumer {

    private static final Logger LOG = Logger.getLogger(SymptomReportConsumer.class);

    /** The header that says why a record was dead-lettered (the same name SmallRye's own strategy uses). */
    public static final String REASON_HEADER = "dead-letter-reason";

    private final ObjectMapper json;
    private final KafkaTransactions<String> out;
    private final CatalogSnapshots catalog;
    private final TriageService triage;
    private final Counter received;
    private final Counter processed;
    private final Counter duplicates;
    private final Counter deadLettered;
    private final Timer latency;
    private final Timer storing;
    private final Timer publishing;
    private final DistributionSummary batchSize;
    private final Timer waiting;
    private final Duration attemptTimeout;

    public SymptomReportConsumer(ObjectMapper json,
            @Channel("recommendations") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) KafkaTransactions<String> out,
            CatalogSnapshots catalog, TriageService triage, MeterRegistry registry,
            @ConfigProperty(name = "hipflex.triage.store-attempt-timeout", defaultValue = "PT30S") Duration attemptTimeout) {
        this.attemptTimeout = attemptTimeout;
        // Strict reading: an unknown field or word in a record from another producer is a reason to dead-letter it.
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.out = out;
        this.catalog = catalog;
        this.triage = triage;
        this.received = registry.counter("hipflex.triage.reports.received");
        this.processed = registry.counter("hipflex.triage.reports.processed");
        this.duplicates = registry.counter("hipflex.triage.reports.duplicates");
        this.deadLettered = registry.counter("hipflex.triage.reports.dead.lettered");
        this.latency = Timer.builder("hipflex.triage.reports.processing").publishPercentiles(0.5, 0.99).register(registry);
        // The two halves of a batch, to see where its time goes: the database transaction and the Kafka one.
        this.storing = Timer.builder("hipflex.triage.batch.storing").publishPercentiles(0.5, 0.99).register(registry);
        this.publishing = Timer.builder("hipflex.triage.batch.publishing").publishPercentiles(0.5, 0.99).register(registry);
        // How long a batch's oldest record waited on the topic before its batch started: the consumer's lag, in time.
        this.waiting = Timer.builder("hipflex.triage.batch.waiting").publishPercentiles(0.5, 0.99).register(registry);
        this.batchSize = DistributionSummary.builder("hipflex.triage.batch.records")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    /**
     * One poll's records at a time: the valid ones are recommended and stored in one database transaction
     * (retried until it works), then their events and the invalid records' dead letters are published with
     * the batch's offsets in one Kafka transaction.
     */
    @Incoming("symptom-reports")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        long start = System.nanoTime();
        List<TriageService.Arrival> arrivals = new ArrayList<>();
        batchSize.record(batch.getRecords().size());
        batch.getRecords().stream().map(KafkaRecord::getTimestamp).filter(t -> t != null).min(Instant::compareTo)
                .ifPresent(oldest -> waiting.record(Duration.between(oldest, Instant.now()).abs()));
        List<Message<String>> deadLetters = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            received.increment();
            try {
                arrivals.add(new TriageService.Arrival(read(record.getPayload()), record.getPartition(), offsetOf(record)));
            } catch (InvalidReportException e) {
                deadLetters.add(deadLetter(record, e.getMessage()));
            }
        }
        Uni<TriageService.Outcome> outcome = arrivals.isEmpty() ? Uni.createFrom().item(new TriageService.Outcome(List.of(), 0, 0))
                : catalog.current()
                        .chain(snapshot -> triage.recommend(arrivals, snapshot))
                        // An attempt that never answers (a database connection lost mid-transaction) is failed and
                        // retried like any other, so the partition cannot stall behind it.
                        .ifNoItem().after(attemptTimeout).failWith(() -> new TimeoutException("no answer in "
                                + attemptTimeout.toMillis() + " ms"))
                        .onFailure().invoke(e -> LOG.warnf("%d reports not processed yet, retrying: %s", arrivals.size(),
                                e.getMessage()))
                        .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).indefinitely();
        long[] stored = new long[1];
        return outcome.invoke(() -> {
            stored[0] = System.nanoTime();
            storing.record(Duration.ofNanos(stored[0] - start));
        }).chain(made -> out.withTransactionAndAck(batch, emitter -> {
            for (TriageService.Announcement event : made.events()) {
                emitter.send(Message.of(event.event()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(TriageEvents.RECOMMENDATIONS_TOPIC).withKey(event.key()).build()));
            }
            deadLetters.forEach(emitter::send);
            return Uni.createFrom().voidItem();
        }).invoke(() -> {
            processed.increment(made.made());
            duplicates.increment(made.duplicates());
            deadLettered.increment(deadLetters.size());
            long end = System.nanoTime();
            publishing.record(Duration.ofNanos(end - stored[0]));
            latency.record(Duration.ofNanos(end - start));
        }));
    }

    private static long offsetOf(KafkaRecord<String, String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> m.getOffset()).orElse(-1L);
    }

    /** The record as it came, keyed as it came, with why it was refused. */
    private static Message<String> deadLetter(KafkaRecord<String, String> record, String reason) {
        long offset = offsetOf(record);
        LOG.warnf("Dead-lettering a symptom report from %s-%d@%d: %s", record.getTopic(), record.getPartition(),
                offset, reason);
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", record.getTopic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", Integer.toString(record.getPartition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", Long.toString(offset).getBytes(StandardCharsets.UTF_8));
        return Message.of(record.getPayload() == null ? "" : record.getPayload())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withTopic(TriageEvents.DEAD_LETTER_TOPIC)
                        .withKey(record.getKey()).withHeaders(headers).build());
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
