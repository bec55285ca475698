package dev.hipflex.triage.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * The exactly-once loop from {@code symptom-reports} to {@code recommendations}, on one thread of its own: poll, make
 * and store the batch's recommendations ({@link SymptomReportConsumer}), then begin a Kafka transaction, send their
 * events and the batch's dead letters, add the batch's offsets, commit; then poll again.
 * <p>
 * A plain consumer and transactional producer rather than the messaging connector's channels, because a producer that
 * cannot go on (fenced by the broker after a transaction timed out during a long broker outage, or in any other fatal
 * state) must be closed and replaced by a new one with the same transactional id; the connector keeps its producer for
 * good. Both clients take the service's {@code kafka.*} settings (so TLS and SASL settings reach them), then the
 * pipeline's own ({@code hipflex.triage.pipeline.consumer.*} and {@code .producer.*}), then what the loop requires.
 * <p>
 * Whatever fails, the assigned partitions go back to their committed offsets (once a new producer, if one was needed,
 * has settled what the old one left open) and the batch is read again: the database answers the same events for
 * records it stored, so nothing is published twice. Records of one person share a partition and are processed and
 * published in order.
 */
@ApplicationScoped
public class SymptomReportPipeline {

    /** This instance's id, unique among the running instances; required, with no default. */
    public static final String INSTANCE_ID = "hipflex.instance-id";
    static final String INSTANCE_ID_ENV = "HIPFLEX_INSTANCE_ID";
    static final String CONSUMER_PREFIX = "hipflex.triage.pipeline.consumer.";
    static final String PRODUCER_PREFIX = "hipflex.triage.pipeline.producer.";
    static final String GROUP = "triage-service";

    private static final Logger LOG = Logger.getLogger(SymptomReportPipeline.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final SymptomReportConsumer reports;
    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> producerConfig;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile KafkaConsumer<String, byte[]> consumer;
    /** The loop's thread only; null until transactions are initialised, and again after a fatal error. */
    private KafkaProducer<String, byte[]> producer;
    /** The loop's thread only: a batch failed, and the partitions go back to their committed offsets. */
    private boolean rewind;
    private volatile boolean producerReady;
    private volatile long lastPollNanos = System.nanoTime();

    public SymptomReportPipeline(SymptomReportConsumer reports, Config config,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.reports = reports;
        String instance = instanceId(config.getOptionalValue(INSTANCE_ID, String.class));
        this.consumerConfig = consumerConfig(kafka, config, instance);
        this.producerConfig = producerConfig(kafka, config, instance);
    }

    static Map<String, Object> consumerConfig(Map<String, Object> kafka, Config config, String instance) {
        Map<String, Object> settings = clientConfig(kafka, config, CONSUMER_PREFIX);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        // Static membership: an instance restarted after a crash takes its partitions back at once instead of waiting
        // for its old session to time out.
        settings.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, clientId(instance));
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Reports other producers wrote in transactions count only once committed.
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A new group reads the topic from its start: no report written before triage first ran is skipped.
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return settings;
    }

    static Map<String, Object> producerConfig(Map<String, Object> kafka, Config config, String instance) {
        Map<String, Object> settings = clientConfig(kafka, config, PRODUCER_PREFIX);
        // Stable per instance: a restarted instance aborts what its predecessor left open at once.
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, clientId(instance));
        return settings;
    }

    /** The configured instance id; start-up stops here, saying what to set, when there is none. */
    static String instanceId(Optional<String> configured) {
        return configured.map(String::strip).filter(id -> !id.isEmpty()).orElseThrow(() -> new IllegalStateException(
                "Set " + INSTANCE_ID + " (environment variable " + INSTANCE_ID_ENV + ") to an id unique to this"
                        + " triage-service instance, e.g. its replica ordinal: its Kafka transactional id and consumer"
                        + " group member id derive from it, and instances sharing one fence each other's transactions."));
    }

    /** The instance's transactional id and group member id. */
    static String clientId(String instanceId) {
        return GROUP + "-" + instanceId;
    }

    /** The service's Kafka settings, overlaid with those under {@code prefix} in the configuration. */
    private static Map<String, Object> clientConfig(Map<String, Object> kafka, Config config, String prefix) {
        Map<String, Object> settings = new HashMap<>(kafka);
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(prefix)) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(value -> settings.put(name.substring(prefix.length()), value));
            }
        }
        return settings;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        lastPollNanos = System.nanoTime();
        Thread loop = new Thread(this::run, "symptom-report-pipeline");
        loop.setDaemon(true);
        thread = loop;
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> polling = consumer;
        if (polling != null) {
            polling.wakeup();
        }
        Thread loop = thread;
        if (loop != null) {
            // A poll ends at the wake-up; a batch waiting for the database needs the interrupt.
            loop.join(Duration.ofSeconds(2).toMillis());
            loop.interrupt();
            loop.join(Duration.ofSeconds(10).toMillis());
        }
    }

    /** Ready: transactions are initialised and the loop polled lately (it is not stuck in one batch). */
    public boolean ready(Duration stalledAfter) {
        Thread loop = thread;
        return running && loop != null && loop.isAlive() && producerReady
                && System.nanoTime() - lastPollNanos < stalledAfter.toNanos();
    }

    private void run() {
        KafkaConsumer<String, byte[]> polling = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new ByteArrayDeserializer());
        try {
            consumer = polling;
            polling.subscribe(List.of(TriageEvents.REPORTS_TOPIC));
            while (running) {
                try {
                    step(polling);
                } catch (WakeupException | InterruptException e) {
                    rewind = true;
                    if (running) {
                        LOG.warnf("Symptom report pipeline interrupted, going on: %s", e.getMessage());
                    }
                } catch (RuntimeException e) {
                    rewind = true;
                    if (running) {
                        LOG.errorf(e, "Symptom report pipeline step failed, reading the batch again in %d ms",
                                RETRY.toMillis());
                        pause(RETRY);
                    }
                }
            }
        } finally {
            // Leaves cleanly even when the stop had to interrupt a batch.
            Thread.interrupted();
            closeProducer();
            consumer = null;
            // A static member keeps its partitions through a restart unless it says it leaves: a clean stop hands them
            // to the other instances now rather than after the session timeout.
            polling.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            LOG.info("Symptom report pipeline stopped");
        }
    }

    /** One pass: a producer ready, the partitions where they should be, one poll, and its batch stored and published. */
    private void step(KafkaConsumer<String, byte[]> polling) {
        if (producer == null) {
            producer = newProducer();
        }
        if (rewind) {
            toCommittedOffsets(polling);
            rewind = false;
        }
        ConsumerRecords<String, byte[]> records = polling.poll(POLL);
        lastPollNanos = System.nanoTime();
        if (records.isEmpty()) {
            return;
        }
        SymptomReportConsumer.Batch batch = reports.process(records, () -> running);
        try {
            producer.beginTransaction();
            batch.records().forEach(producer::send);
            producer.sendOffsetsToTransaction(nextOffsets(records), polling.groupMetadata());
            producer.commitTransaction();
        } catch (KafkaException e) {
            abortOrReplaceProducer(e);
            throw e;
        }
        reports.published(batch);
    }

    private KafkaProducer<String, byte[]> newProducer() {
        KafkaProducer<String, byte[]> created = new KafkaProducer<>(producerConfig, new StringSerializer(),
                new ByteArraySerializer());
        try {
            // Fences any earlier producer with our transactional id and settles what it left open.
            created.initTransactions();
        } catch (RuntimeException e) {
            created.close(Duration.ZERO);
            throw e;
        }
        producerReady = true;
        return created;
    }

    /**
     * After a failed transaction: abort it, unless the producer can no longer be used (fenced, or in a fatal state, or
     * the abort fails too); then it is closed and the next pass builds a new one.
     */
    private void abortOrReplaceProducer(KafkaException failure) {
        if (failure instanceof ProducerFencedException) {
            LOG.warnf("The recommendations producer %s was fenced; if this repeats, another triage instance runs with"
                    + " the same %s", producerConfig.get(ProducerConfig.TRANSACTIONAL_ID_CONFIG), INSTANCE_ID);
        }
        if (!(failure instanceof ProducerFencedException || failure instanceof OutOfOrderSequenceException
                || failure instanceof AuthorizationException || failure instanceof UnsupportedVersionException)) {
            try {
                producer.abortTransaction();
                return;
            } catch (RuntimeException abortFailed) {
                LOG.warnf("Aborting the transaction failed too: %s", abortFailed.toString());
            }
        }
        LOG.warn("Replacing the recommendations producer");
        closeProducer();
    }

    private void closeProducer() {
        producerReady = false;
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (KafkaException e) {
                LOG.debugf("Closing the producer: %s", e.getMessage());
            }
            producer = null;
        }
    }

    /**
     * Puts every assigned partition back at its committed offset, where the failed batch began: the offsets of every
     * earlier batch were committed in its transaction. Asked of the broker rather than remembered, because a
     * transaction whose commit timed out may still have committed.
     */
    private static void toCommittedOffsets(KafkaConsumer<String, byte[]> polling) {
        Set<TopicPartition> assigned = polling.assignment();
        Map<TopicPartition, OffsetAndMetadata> committed = polling.committed(assigned);
        for (TopicPartition partition : assigned) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset == null) {
                polling.seekToBeginning(List.of(partition));
            } else {
                polling.seek(partition, offset);
            }
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            var inPartition = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        return offsets;
    }

    /** Waits before trying again; returns early when the service stops. */
    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
