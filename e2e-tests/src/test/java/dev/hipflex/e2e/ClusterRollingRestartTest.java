package dev.hipflex.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A rolling restart under load: one instance at a time stopped cleanly (kill -TERM, as a deploy stops it), started
 * again and awaited ready before the next. In the full version every service instance and every Kafka node, a node only
 * once every copy of every partition is in sync (so none falls below min-ISR while it is away); in the short version
 * (CI) the second triage and the second tracking instance. Nothing is lost or duplicated, each person's
 * recommendations stay in order, and the REST clients see nothing but 2xx and 503 with Retry-After (a stopped
 * instance's refused connections go to the other instance, as a load balancer sends them; they are counted apart).
 */
class ClusterRollingRestartTest {

    private static Platform cluster;

    @BeforeAll
    static void start() {
        cluster = Platform.cluster();
    }

    @Test
    void everyInstanceRestartedInTurnUnderLoadLosesNothingAndDuplicatesNothing() throws Exception {
        FaultScale scale = FaultScale.current();
        int people = scale.pick(20, 60);
        int restPeople = scale.pick(3, 6);
        List<String> order = scale.pick(List.of("triage-2", "tracking-2"),
                List.of("kafka-1", "kafka-2", "kafka-3", "catalog", "triage-1", "triage-2", "tracking-1", "tracking-2"));
        List<String> timings = new ArrayList<>();
        try (RecommendationTally tally = new RecommendationTally(cluster, "rolling");
                TopicWatch completions = new TopicWatch(cluster, List.of("session-completions"));
                ClusterLoad load = new ClusterLoad(cluster, "rolling", restPeople)) {
            load.start();
            KafkaLoad kafka = new KafkaLoad(tally, people);
            await("recommendations flow before the restarts").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ZERO)
                    .until(() -> kafka.round() && tally.recommendations().size() >= people);
            for (String component : order) {
                if (component.startsWith("kafka-")) {
                    await("every copy in sync before " + component + " stops").atMost(Duration.ofMinutes(5))
                            .pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> kafka.round() && ClusterBrokers.underReplicated(cluster) == 0);
                }
                long stopping = System.nanoTime();
                kafka.during("stopping " + component, () -> cluster.stop(component));
                long stopped = System.nanoTime();
                kafka.during("starting " + component, () -> cluster.start(component));
                long ready = System.nanoTime();
                int recommendedBefore = tally.recommendations().size();
                await("recommendations flow after " + component + " is back").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ZERO)
                        .until(() -> kafka.round() && tally.recommendations().size() >= recommendedBefore + people);
                timings.add(String.format("%s stopped in %.1f s, ready again %.1f s later", component, (stopped - stopping) / 1e9,
                        (ready - stopped) / 1e9));
            }
            System.out.printf("[rolling] %s%n", String.join("; ", timings));
            load.stop();
            load.settle("rolling", tally, completions);
            assertThat(timings).hasSameSizeAs(order);
        } finally {
            cluster.startAll();
        }
    }
}
