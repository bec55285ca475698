package dev.hipflex.triage.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.common.problem.Problem.FieldError;
import dev.hipflex.triage.domain.CatalogIndex;
import dev.hipflex.triage.domain.SymptomReport;
import dev.hipflex.triage.domain.SymptomReportValidator;
import dev.hipflex.triage.service.CatalogSnapshots;
import dev.hipflex.triage.service.TriageService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What triage does with one poll of {@code symptom-reports}, whoever wrote the records. A record that cannot be read or
 * fails validation becomes a dead letter for {@code symptom-reports-dlq} with the reason in a header. The valid reports
 * are recommended and stored in one database transaction, retried until it works: no report is lost or dead-lettered
 * for a fault of ours (the catalog or the database briefly away). What comes out is the batch's records to publish;
 * {@link SymptomReportPipeline} publishes them with the batch's offsets in one Kafka transaction. If that transaction
 * aborts, the batch is read again and {@link TriageService} hands back the same events for the records it had stored.
 * Everything here runs on the pipeline's thread, which waits for the database.
 */
@ApplicationScoped
public class SymptomReportConsumer {

    private static final Logger LOG = Logger.getLogger(SymptomReportConsumer.class);

    /**
     * A CloudEvent carrying a report. Its other attributes (extensions included) are not triage's business; the report
     * in {@code data} is read strictly.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Envelope(String specversion, SymptomReport data) {
    }

    /** The header that says why a record was dead-lettered (the same name SmallRye's own strategy uses). */
    public static final String REASON_HEADER = "dead-letter-reason";

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final ObjectMapper json;
    private final CatalogSnapshots catalog;
    private final TriageService triage;
    private final Duration attemptTimeout;
    private final Counter received;
    private final Counter processed;
    private final Counter duplicates;
    private final Counter deadLettered;
    private final Timer latency;
    private final Timer waiting;

    /** A batch made ready to publish: the recommendation events, then the dead letters; and what it counted. */
    public record Batch(List<ProducerRecord<String, byte[]>> records, int made, int duplicates, int deadLetters,
            long startedNanos) {
    }

    public SymptomReportConsumer(ObjectMapper json, CatalogSnapshots catalog, TriageService triage, MeterRegistry registry,
            @ConfigProperty(name = "hipflex.triage.store-attempt-timeout", defaultValue = "PT30S") Duration attemptTimeout) {
        // Strict reading: an unknown field or word in a record from another producer is a reason to dead-letter it.
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.catalog = catalog;
        this.triage = triage;
        this.attemptTimeout = attemptTimeout;
        this.received = registry.counter("hipflex.triage.reports.received");
        this.processed = registry.counter("hipflex.triage.reports.processed");
        this.duplicates = registry.counter("hipflex.triage.reports.duplicates");
        this.deadLettered = registry.counter("hipflex.triage.reports.dead.lettered");
        // From a batch's poll to its transaction's commit.
        this.latency = Timer.builder("hipflex.triage.reports.processing").publishPercentiles(0.5, 0.99).register(registry);
        // How long a batch's oldest record waited on the topic before its batch started: the consumer's lag, in time.
        this.waiting = Timer.builder("hipflex.triage.batch.waiting").publishPercentiles(0.5, 0.99).register(registry);
    }

    /**
     * Reads the poll's records and makes the valid ones' recommendations, storing them before it returns; blocks until
     * the database has taken them, however long that takes, unless {@code running} turns false (shutting down), which
     * throws instead.
     */
    public Batch process(ConsumerRecords<String, byte[]> records, BooleanSupplier running) {
        long start = System.nanoTime();
        List<TriageService.Arrival> arrivals = new ArrayList<>(records.count());
        List<ProducerRecord<String, byte[]>> deadLetters = new ArrayList<>();
        long oldest = Long.MAX_VALUE;
        for (ConsumerRecord<String, byte[]> record : records) {
            received.increment();
            oldest = Math.min(oldest, record.timestamp());
            try {
                arrivals.add(new TriageService.Arrival(read(record.value()), record.partition(), record.offset()));
            } catch (InvalidReportException e) {
                deadLetters.add(deadLetter(record, e.getMessage()));
            }
        }
        if (oldest != Long.MAX_VALUE) {
            waiting.record(Duration.between(Instant.ofEpochMilli(oldest), Instant.now()).abs());
        }
        TriageService.Outcome made = arrivals.isEmpty() ? new TriageService.Outcome(List.of(), 0, 0) : store(arrivals, running);
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>(made.events().size() + deadLetters.size());
        for (TriageService.Announcement event : made.events()) {
            out.add(new ProducerRecord<>(TriageEvents.RECOMMENDATIONS_TOPIC, event.key(), event.event()));
        }
        out.addAll(deadLetters);
        return new Batch(out, made.made(), made.duplicates(), deadLetters.size(), start);
    }

    /** Counts a batch whose transaction committed. */
    public void published(Batch batch) {
        processed.increment(batch.made());
        duplicates.increment(batch.duplicates());
        deadLettered.increment(batch.deadLetters());
        latency.record(Duration.ofNanos(System.nanoTime() - batch.startedNanos()));
    }

    /**
     * One database transaction for the batch's reports, tried until it works. An attempt that never answers (a
     * database connection lost mid-transaction) is given up after the attempt timeout and tried again like any other.
     */
    private TriageService.Outcome store(List<TriageService.Arrival> arrivals, BooleanSupplier running) {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                CatalogIndex index = catalog.index().await().atMost(attemptTimeout);
                return triage.recommend(arrivals, index).await().atMost(attemptTimeout);
            } catch (RuntimeException e) {
                if (!running.getAsBoolean()) {
                    throw e;
                }
                LOG.warnf("%d reports not processed yet, retrying in %d ms: %s", arrivals.size(), backoff.toMillis(),
                        e.getMessage());
                SymptomReportPipeline.pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** The record as it came, keyed as it came, with why it was refused. */
    private static ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        LOG.warnf("Dead-lettering a symptom report from %s-%d@%d: %s", record.topic(), record.partition(),
                record.offset(), reason);
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(TriageEvents.DEAD_LETTER_TOPIC, null, record.key(),
                record.value() == null ? new byte[0] : record.value(), headers);
    }

    /**
     * The report in a record: a CloudEvent whose {@code data} is the report, or the bare report. Read as an envelope
     * first; a bare report reads as one without {@code specversion}, and is then read again as a report.
     */
    SymptomReport read(byte[] payload) {
        SymptomReport report;
        try {
            Envelope envelope = payload == null || payload.length == 0 ? null : json.readValue(payload, Envelope.class);
            if (envelope == null) {
                throw new InvalidReportException("not a JSON object");
            }
            report = envelope.specversion() != null ? envelope.data() : json.readValue(payload, SymptomReport.class);
        } catch (JsonProcessingException e) {
            throw new InvalidReportException("unreadable: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidReportException("unreadable: " + e.getMessage());
        }
        List<FieldError> errors = SymptomReportValidator.validate(report, Instant.now());
        if (!errors.isEmpty()) {
            throw new InvalidReportException("invalid: " + errors.stream()
                    .map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
        }
        return report;
    }
}
