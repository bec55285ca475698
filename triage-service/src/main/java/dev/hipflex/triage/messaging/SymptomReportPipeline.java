package dev.hipflex.triage.messaging;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The exactly-once loop from {@code symptom-reports} to {@code recommendations}: poll, make and store the batch's
 * recommendations ({@link SymptomReportConsumer}), then publish their events, the batch's dead letters and the batch's
 * offsets in one Kafka transaction; only then poll again. A plain consumer and transactional producer on a thread of
 * their own, rather than the messaging connector's channels, for two reasons:
 * <ul>
 * <li>Nothing is fetched ahead of the batch in work, so a report that arrives during a batch is in the very next one
 * (the connector's prefetched polls made it wait behind stale, tiny batches).</li>
 * <li>A producer that cannot go on (fenced by the broker after a transaction timed out during a long broker outage,
 * or in any other fatal state) is closed and a new one takes the same transactional id; the connector keeps its
 * producer for good, and a fenced one failed every later batch.</li>
 * </ul>
 * Whatever fails, the batch's partitions are put back at the batch's first offsets, the committed ones, and the batch
 * is read again: the database answers the same events for records it stored, so nothing is published twice.
 * Records of one person share a partition and are processed and published in order.
 */
@ApplicationScoped
public class SymptomReportPipeline {

    private static final Logger LOG = Logger.getLogger(SymptomReportPipeline.class);
    static final String CONSUMER_PREFIX = "hipflex.triage.pipeline.consumer.";
    static final String PRODUCER_PREFIX = "hipflex.triage.pipeline.producer.";
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final SymptomReportConsumer reports;
    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> producerConfig;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile KafkaConsumer<String, byte[]> consumer;
    /** Used by the pipeline's thread only; null until transactions are initialised, and again after a fatal error. */
    private KafkaProducer<String, byte[]> producer;
    private volatile boolean producerReady;
    private volatile long lastPollNanos = System.nanoTime();
    /** The batch whose transaction the committer is running, if any; the pipeline's thread only. */
    private Publishing publishing;

    /** A batch handed to the committer: its records, what it counts, and its transaction's outcome. */
    private record Publishing(ConsumerRecords<String, byte[]> records, SymptomReportConsumer.Batch batch,
            Future<long[]> sent) {
    }

    public SymptomReportPipeline(SymptomReportConsumer reports, Config config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.reports = reports;
        this.consumerConfig = clientConfig(config, CONSUMER_PREFIX, bootstrap);
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.producerConfig = clientConfig(config, PRODUCER_PREFIX, bootstrap);
    }

    /** The Kafka client settings under {@code prefix} in application.properties, and the broker's address. */
    private static Map<String, Object> clientConfig(Config config, String prefix, String bootstrap) {
        Map<String, Object> settings = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(prefix)) {
                config.getOptionalValue(name, String.class).ifPresent(value -> settings.put(name.substring(prefix.length()), value));
            }
        }
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return settings;
    }

    void start(@Observes StartupEvent event) {
        running = true;
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
        ExecutorService committer = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "recommendations-committer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            consumer = polling;
            polling.subscribe(List.of(TriageEvents.REPORTS_TOPIC), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // Runs inside poll, on this thread: the batch being published settles before its partitions go.
                    settle(polling, null);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                }
            });
            while (running) {
                try {
                    if (producer == null) {
                        producer = newProducer();
                    }
                    ConsumerRecords<String, byte[]> records = polling.poll(POLL);
                    lastPollNanos = System.nanoTime();
                    if (records.isEmpty()) {
                        if (publishing != null && publishing.sent().isDone()) {
                            settle(polling, null);
                        }
                    } else {
                        handle(polling, records, committer);
                    }
                } catch (WakeupException | InterruptException e) {
                    if (running) {
                        LOG.warnf("Symptom report pipeline interrupted, going on: %s", e.getMessage());
                    }
                } catch (RuntimeException e) {
                    if (running) {
                        LOG.errorf(e, "Symptom report pipeline step failed, retrying in %d ms", RETRY.toMillis());
                        pause(RETRY);
                    }
                }
            }
        } finally {
            // Leaves the group cleanly even when the stop had to interrupt a batch.
            Thread.interrupted();
            if (publishing != null) {
                settle(polling, null);
            }
            committer.shutdownNow();
            closeProducer();
            consumer = null;
            polling.close();
            LOG.info("Symptom report pipeline stopped");
        }
    }

    private KafkaProducer<String, byte[]> newProducer() {
        KafkaProducer<String, byte[]> created = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
        try {
            // Fences any earlier producer with our transactional id and aborts what it left open.
            created.initTransactions();
        } catch (RuntimeException e) {
            created.close(Duration.ZERO);
            throw e;
        }
        producerReady = true;
        return created;
    }

    /**
     * One batch: made and stored while the batch before it is still being published, then, once that one has
     * committed, published with its offsets in one transaction on the committer's thread. If the batch before failed,
     * both are read again.
     */
    private void handle(KafkaConsumer<String, byte[]> polling, ConsumerRecords<String, byte[]> records,
            ExecutorService committer) {
        SymptomReportConsumer.Batch batch;
        try {
            batch = reports.process(records, () -> running);
        } catch (RuntimeException e) {
            settle(polling, records);
            rewind(polling, records);
            throw e;
        }
        if (!settle(polling, records)) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = nextOffsets(records);
        ConsumerGroupMetadata group = polling.groupMetadata();
        KafkaProducer<String, byte[]> sending = producer;
        publishing = new Publishing(records, batch, committer.submit(() -> {
            long begun = System.nanoTime();
            sending.beginTransaction();
            batch.records().forEach(sending::send);
            sending.sendOffsetsToTransaction(offsets, group);
            sending.commitTransaction();
            return new long[] { begun, System.nanoTime() };
        }));
    }

    /**
     * Waits for the batch being published, if any. Committed: counted. Failed: the transaction is aborted (or the
     * producer replaced), and that batch is read again, with {@code newer} (read meanwhile, not published) after it.
     *
     * @return whether the pipeline may go on with {@code newer}
     */
    private boolean settle(KafkaConsumer<String, byte[]> polling, ConsumerRecords<String, byte[]> newer) {
        Publishing settling = publishing;
        if (settling == null) {
            return true;
        }
        publishing = null;
        try {
            long[] transaction = settling.sent().get();
            reports.published(settling.batch(), Duration.ofNanos(transaction[1] - transaction[0]), transaction[1]);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        } catch (ExecutionException e) {
            RuntimeException failure = e.getCause() instanceof RuntimeException runtime ? runtime
                    : new KafkaException(e.getCause());
            LOG.warnf("Publishing a batch of %d records failed, reading it again: %s", settling.records().count(),
                    failure.toString());
            abortOrReplaceProducer(failure);
            // The newer batch first: where both have a partition, the older batch's offset is the one to go back to.
            if (newer != null) {
                rewind(polling, newer);
            }
            rewind(polling, settling.records());
            return false;
        }
    }

    /**
     * After a failed transaction: abort it, unless the producer can no longer be used (fenced, or in a fatal state, or
     * the abort fails too); then it is closed and the next pass builds a new one.
     */
    private void abortOrReplaceProducer(RuntimeException failure) {
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

    /** Puts the batch's partitions back where the batch began (the committed offsets), so it is read again. */
    private static void rewind(KafkaConsumer<String, byte[]> polling, ConsumerRecords<String, byte[]> records) {
        Set<TopicPartition> assigned = polling.assignment();
        for (TopicPartition partition : records.partitions()) {
            // A partition taken away meanwhile is read from its committed offset by its new owner.
            if (assigned.contains(partition)) {
                polling.seek(partition, records.records(partition).get(0).offset());
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
