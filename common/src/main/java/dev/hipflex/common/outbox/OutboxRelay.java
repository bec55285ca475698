package dev.hipflex.common.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.hipflex.common.schedule.PeriodicPass;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes stored events in the order they were stored, and marks each one sent once Kafka has
 * acknowledged it. Runs shortly after each new event and on a timer, so events stored while Kafka
 * was down go out when it returns. Where several instances share the database, one relays at a time (a transaction
 * advisory lock): two relaying side by side could publish a person's later event while the other still waits on an
 * earlier one (a broker failing over), and each person's events must reach Kafka in the order they were stored.
 * <p>
 * It publishes with a Kafka producer of its own (the service's {@code kafka.*} settings, then
 * {@code hipflex.outbox.producer.*}): an idempotent producer retries in order, where a messaging channel would resend a
 * failed record on its own, after records stored later. A pass that fails waits until every send of its batch has
 * settled before it gives the batch back, so nothing of it is still on its way when the next pass sends it again. Sent events are kept for {@code hipflex.outbox.retention} (to see what
 * went out and when), then pruned, so the table holds days of events rather than the service's whole history.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;
    /** Rows deleted per prune statement: short transactions, whatever the backlog. */
    private static final int PRUNE_BATCH = 5_000;
    /** The advisory lock the relaying instance holds for its transaction; the catalog's content lock is another key. */
    static final long RELAY_LOCK = 0x6f7574626f78L;
    private static final String PRODUCER_PREFIX = "hipflex.outbox.producer.";

    private final Pool pool;
    private final Vertx vertx;
    private final Map<String, Object> producerConfig;
    private Producer<String, String> producer;
    private final Duration retention;
    private final Counter published;
    private final Counter pruned;
    private final Counter undelivered;
    private final PeriodicPass relaying;
    private final PeriodicPass pruning;

    public OutboxRelay(Pool pool, Vertx vertx, @Identifier("default-kafka-broker") Map<String, Object> kafka, Config config,
            @ConfigProperty(name = "hipflex.outbox.interval", defaultValue = "PT1S") Duration interval,
            @ConfigProperty(name = "hipflex.outbox.retention", defaultValue = "P7D") Duration retention,
            @ConfigProperty(name = "hipflex.outbox.prune-interval", defaultValue = "PT10M") Duration pruneInterval,
            MeterRegistry registry) {
        this.pool = pool;
        this.vertx = vertx;
        this.producerConfig = producerConfig(kafka, config);
        this.retention = retention;
        this.published = registry.counter("hipflex.outbox.published");
        this.pruned = registry.counter("hipflex.outbox.pruned");
        this.undelivered = registry.counter("hipflex.outbox.undelivered");
        // A full batch means more is waiting: another pass follows at once.
        this.relaying = new PeriodicPass(vertx, "Outbox relay", interval, () -> relayBatch().map(count -> count == BATCH));
        this.pruning = new PeriodicPass(vertx, "Outbox prune", pruneInterval,
                () -> prune().invoke(count -> LOG.debugf("Pruned %d sent outbox events", count)).replaceWith(false));
    }

    static Map<String, Object> producerConfig(Map<String, Object> kafka, Config config) {
        Map<String, Object> settings = new HashMap<>(kafka);
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PRODUCER_PREFIX)) {
                config.getOptionalValue(name, String.class).ifPresent(value -> settings.put(name.substring(PRODUCER_PREFIX.length()), value));
            }
        }
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return settings;
    }

    void start(@Observes StartupEvent event) {
        producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
        relaying.start();
        pruning.start();
    }

    void stop(@Observes ShutdownEvent event) {
        relaying.stop();
        pruning.stop();
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks for a pass as soon as possible; passes never overlap, a request during a pass runs another. */
    public void soon() {
        relaying.soon();
    }

    /**
     * Claims up to one batch of unsent events, publishes them in order, marks them sent; returns how many. Returns 0
     * at once while another instance relays: it publishes what waits, and this one's next pass follows.
     */
    Uni<Integer> relayBatch() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select pg_try_advisory_xact_lock($1) as relaying")
                .execute(Tuple.of(RELAY_LOCK))
                .chain(lock -> lock.iterator().next().getBoolean("relaying")
                        ? relayBatch(connection)
                        : Uni.createFrom().item(0)));
    }

    private Uni<Integer> relayBatch(SqlConnection connection) {
        return connection
                .preparedQuery("select id, topic, record_key, payload from outbox_event where sent_at is null"
                        + " order by id limit " + BATCH)
                .execute()
                .chain(rows -> {
                    List<Long> ids = new ArrayList<>();
                    List<Row> events = new ArrayList<>();
                    rows.forEach(row -> {
                        ids.add(row.getLong("id"));
                        events.add(row);
                    });
                    if (events.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    // Handed to the idempotent producer in id order, which keeps per-key order even across retries.
                    return publish(events)
                            .chain(() -> connection
                                    .preparedQuery("update outbox_event set sent_at = now() where id = any($1)")
                                    .execute(Tuple.of(ids.toArray(new Long[0]))))
                            .invoke(() -> published.increment(ids.size()))
                            .replaceWith(ids.size());
                });
    }

    /**
     * Hands the events to the producer in order, off the event loop (a send waits for the topic's metadata while a
     * broker is away), and completes once every one has been acknowledged, or fails once every one has settled.
     */
    private Uni<Void> publish(List<Row> events) {
        List<ProducerRecord<String, String>> records = events.stream()
                .map(row -> new ProducerRecord<>(row.getString("topic"), row.getString("record_key"), row.getString("payload")))
                .toList();
        return vertx.executeBlocking(Uni.createFrom().item(() -> send(records)))
                .chain(sent -> Uni.createFrom().completionStage(CompletableFuture.allOf(sent)));
    }

    /** One future per record; after a record the producer refuses at once, the rest are not handed over. */
    private CompletableFuture<?>[] send(List<ProducerRecord<String, String>> records) {
        CompletableFuture<?>[] sent = new CompletableFuture<?>[records.size()];
        RuntimeException refused = null;
        for (int i = 0; i < records.size(); i++) {
            CompletableFuture<Void> acknowledged = new CompletableFuture<>();
            sent[i] = acknowledged;
            if (refused != null) {
                acknowledged.completeExceptionally(refused);
                continue;
            }
            try {
                producer.send(records.get(i), (metadata, failure) -> {
                    if (failure == null) {
                        acknowledged.complete(null);
                    } else {
                        undelivered.increment();
                        acknowledged.completeExceptionally(failure);
                    }
                });
            } catch (RuntimeException e) {
                refused = e;
                acknowledged.completeExceptionally(e);
            }
        }
        return sent;
    }

    /** Deletes the events sent longer than the retention ago, a batch at a time; returns how many. Unsent ones stay. */
    public Uni<Long> prune() {
        return pool.preparedQuery("delete from outbox_event where id in (select id from outbox_event"
                + " where sent_at is not null and sent_at < now() - make_interval(secs => $1) limit " + PRUNE_BATCH + ")")
                .execute(Tuple.of((double) retention.toSeconds()))
                .map(rows -> (long) rows.rowCount())
                .invoke(count -> pruned.increment(count))
                .chain(count -> count == PRUNE_BATCH ? prune().map(more -> count + more) : Uni.createFrom().item(count));
    }
}
