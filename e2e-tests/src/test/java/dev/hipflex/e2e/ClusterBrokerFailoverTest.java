package dev.hipflex.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kafka node that leads the most partitions of {@code symptom-reports} and {@code recommendations} killed with
 * kill -9 under load (reports over Kafka, and reports and sessions over REST to every instance), and started again.
 * Its partitions get new leaders from the copies in sync; once it is back it catches up and every copy is in sync again.
 * Nothing is lost or duplicated, each person's recommendations stay in order, and no REST client sees anything but 2xx
 * and 503 with Retry-After. Prints the counts and the times: to the first recommendation for a report sent after the
 * kill, and to every copy in sync after the restart.
 */
class ClusterBrokerFailoverTest {

    private static Platform cluster;

    @BeforeAll
    static void start() {
        cluster = Platform.cluster();
    }

    @Test
    void theLeaderOfTheBusiestPartitionsKilledAndRestartedLosesNothingAndDuplicatesNothing() throws Exception {
        FaultScale scale = FaultScale.current();
        int people = scale.pick(20, 60);
        int restPeople = scale.pick(3, 6);
        Duration downAtLeast = scale.pick(Duration.ofSeconds(15), Duration.ofSeconds(60));
        await("every copy in sync before the kill").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> ClusterBrokers.underReplicated(cluster) == 0);
        int node = ClusterBrokers.leaderOfTheBusiest(cluster);
        System.out.printf("[broker] partitions of %s led, by node: %s; killing kafka-%d%n", ClusterBrokers.BUSIEST,
                ClusterBrokers.leaders(cluster, ClusterBrokers.BUSIEST), node);
        try (RecommendationTally tally = new RecommendationTally(cluster, "broker");
                TopicWatch completions = new TopicWatch(cluster, List.of("session-completions"));
                ClusterLoad load = new ClusterLoad(cluster, "broker", restPeople)) {
            load.start();
            KafkaLoad kafka = new KafkaLoad(tally, people);
            await("recommendations flow before the kill").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ZERO)
                    .until(() -> kafka.round() && tally.recommendations().size() >= people);

            cluster.kill("kafka-" + node);
            long killed = System.nanoTime();
            Set<String> sentBefore = tally.reportIds();
            long[] firstAfter = {0};
            await("a recommendation for a report sent after the kill, and the node down long enough").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ZERO).until(() -> {
                        kafka.round();
                        if (firstAfter[0] == 0 && tally.recommendations().keySet().stream().anyMatch(id -> !sentBefore.contains(id))) {
                            firstAfter[0] = System.nanoTime();
                        }
                        return firstAfter[0] != 0 && System.nanoTime() - killed >= downAtLeast.toNanos();
                    });
            System.out.printf("[broker] kafka-%d killed (kill -9) after %d reports over Kafka; leaders now %s; first recommendation"
                    + " for a report sent after the kill %.1f s after it%n", node, sentBefore.size(),
                    ClusterBrokers.leaders(cluster, ClusterBrokers.BUSIEST), (firstAfter[0] - killed) / 1e9);

            long restarting = System.nanoTime();
            kafka.during("starting kafka-" + node, () -> cluster.start("kafka-" + node));
            await("every copy in sync after the restart").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> kafka.round() && ClusterBrokers.underReplicated(cluster) == 0);
            System.out.printf("[broker] kafka-%d down %.1f s; every copy in sync %.1f s after its restart began%n", node,
                    (restarting - killed) / 1e9, (System.nanoTime() - restarting) / 1e9);
            int sentAtRestart = tally.sent();
            await("reports flow after the restart").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ZERO)
                    .until(() -> kafka.round() && tally.sent() - sentAtRestart >= 3 * people);
            load.stop();
            load.settle("broker", tally, completions);
            assertThat(tally.sent()).as("reports sent").isGreaterThan(3 * people);
        } finally {
            cluster.startAll();
        }
    }
}
