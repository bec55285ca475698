package dev.hipflex.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.testsupport.SymptomReports;

/**
 * Two of the three Kafka nodes killed (kill -9) under load. A write needs two copies in sync, and the controller quorum
 * is gone with them: writes straight to Kafka are refused (not acknowledged within their delivery timeout), while the
 * services keep accepting reports and sessions over REST into their outboxes, where they wait. Once the nodes are back
 * everything flows: every report accepted over REST and every report Kafka acknowledged gets exactly one recommendation,
 * each person's in order, and every session its one completion event.
 */
class ClusterTwoBrokersDownTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Platform cluster;

    @BeforeAll
    static void start() {
        cluster = Platform.cluster();
    }

    @Test
    void twoBrokersDownRefusesWritesKeepsReportsInTheOutboxAndLosesNothing() throws Exception {
        FaultScale scale = FaultScale.current();
        int people = scale.pick(20, 60);
        int restPeople = scale.pick(3, 6);
        Duration downAtLeast = scale.pick(Duration.ofSeconds(20), Duration.ofSeconds(90));
        await("every copy in sync before the kill").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> ClusterBrokers.underReplicated(cluster) == 0);
        int kept = ClusterBrokers.leaderOfTheBusiest(cluster);
        List<String> down = new ArrayList<>();
        for (int node = 1; node <= 3; node++) {
            if (node != kept) {
                down.add("kafka-" + node);
            }
        }
        try (RecommendationTally tally = new RecommendationTally(cluster, "two-down");
                TopicWatch completions = new TopicWatch(cluster, List.of("session-completions"));
                ClusterLoad load = new ClusterLoad(cluster, "two-down", restPeople)) {
            load.start();
            KafkaLoad kafka = new KafkaLoad(tally, people);
            await("recommendations flow before the kill").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ZERO)
                    .until(() -> kafka.round() && tally.recommendations().size() >= people);

            down.forEach(cluster::kill);
            long killed = System.nanoTime();
            int acceptedBefore = load.reportsAccepted();
            List<String> refused = refusedWrites(tally.prefix + "refused-", people);
            long[] waiting = new long[2];
            await("reports and sessions accepted over REST wait in the outboxes").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> {
                        tally.poll();
                        waiting[0] = unsent("triage");
                        waiting[1] = unsent("tracking");
                        return waiting[0] > 0 && waiting[1] > 0 && load.reportsAccepted() > acceptedBefore
                                && System.nanoTime() - killed >= downAtLeast.toNanos();
                    });
            System.out.printf("[two-down] %s killed (kill -9), kafka-%d left; writes straight to Kafka refused: %d of %d;"
                    + " %d reports accepted over REST meanwhile; waiting in the outboxes after %.1f s: triage %d, tracking %d%n",
                    down, kept, refused.size(), people, load.reportsAccepted() - acceptedBefore, (System.nanoTime() - killed) / 1e9,
                    waiting[0], waiting[1]);

            long restarting = System.nanoTime();
            cluster.start(down.toArray(String[]::new));
            await("every copy in sync after the restart").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> {
                        tally.poll();
                        return ClusterBrokers.underReplicated(cluster) == 0;
                    });
            System.out.printf("[two-down] down %.1f s; every copy in sync %.1f s after the restart began%n",
                    (restarting - killed) / 1e9, (System.nanoTime() - restarting) / 1e9);
            int sentAtRestart = tally.sent();
            await("reports flow after the restart").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ZERO)
                    .until(() -> kafka.round() && tally.sent() - sentAtRestart >= 3 * people);
            load.stop();
            load.settle("two-down", tally, completions);
            // A refused write is one whose outcome the producer does not know: it may still have reached the one node
            // left, and then counts once the others copy it. What must hold: never two recommendations for one.
            List<String> others = new ArrayList<>();
            tally.poll(others);
            long refusedRecommended = refused.stream().filter(tally::seen).count();
            System.out.printf("[two-down] of the %d refused writes, %d were recommended after all (each at most once: %s)%n",
                    refused.size(), refusedRecommended, refused.stream().allMatch(id -> tally.seenTimes(id) <= 1));
            assertThat(refused).as("writes straight to Kafka while two nodes were down, refused").hasSize(people);
            assertThat(refused).as("refused writes recommended more than once").allSatisfy(id -> assertThat(tally.seenTimes(id)).isLessThanOrEqualTo(1));
            assertThat(waiting[0]).as("events waiting in triage's outbox during the outage").isPositive();
            assertThat(waiting[1]).as("events waiting in tracking's outbox during the outage").isPositive();
        } finally {
            cluster.startAll();
        }
    }

    /** Sends one report per person straight to Kafka, each given 10 s to be acknowledged; returns those refused. */
    private static List<String> refusedWrites(String personPrefix, int people) throws Exception {
        List<String> refused = new ArrayList<>();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int person = 0; person < people; person++) {
                String reportId = UUID.randomUUID().toString();
                String report = JSON.writeValueAsString(SymptomReports.deskWorker(UUID.fromString(reportId), personPrefix + person,
                        ZoneId.of("Europe/Berlin")));
                ids.add(reportId);
                try {
                    sends.add(producer.send(new ProducerRecord<>("symptom-reports", personPrefix + person, report)));
                } catch (org.apache.kafka.common.KafkaException e) {
                    sends.add(java.util.concurrent.CompletableFuture.failedFuture(e));
                }
            }
            for (int i = 0; i < sends.size(); i++) {
                try {
                    sends.get(i).get();
                } catch (ExecutionException e) {
                    refused.add(ids.get(i));
                }
            }
        }
        return refused;
    }

    /** Events in a service's outbox not yet sent to Kafka. */
    private static long unsent(String service) throws Exception {
        try (Connection connection = cluster.database(service); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from outbox_event where sent_at is null")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
