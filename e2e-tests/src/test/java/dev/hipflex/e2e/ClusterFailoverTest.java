package dev.hipflex.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Failover on the cluster-mode stack: the second triage instance killed with kill -9 while reports arrive. Its
 * partitions move to the first instance once its session times out (static membership keeps them assigned to it until
 * then) and its open transaction, if any, is aborted (at its transaction timeout): both 10 s in triage's settings. Every
 * report still gets exactly one recommendation, each person's in the order sent. Prints the counts and the time from
 * the kill to the first recommendation for a report sent after it to a partition that moved, and checks it stays well
 * under the client's default session timeout (45 s).
 */
class ClusterFailoverTest {

    private static final int PEOPLE = 60;
    private static final int ROUNDS = 10;
    /**
     * The session timeout (10 s), then the open transaction's timeout (10 s from its start) and the broker's check
     * for timed-out transactions (every second), and a margin for a loaded machine.
     */
    private static final Duration MOVED_WITHIN = Duration.ofSeconds(35);

    private static Platform cluster;

    @BeforeAll
    static void start() {
        cluster = Platform.cluster();
    }

    @Test
    void aTriageInstanceKilledMidStreamLosesNothingAndDuplicatesNothing() throws Exception {
        Set<Integer> moved = RecommendationTally.triageOwners(cluster).get("triage-service-2");
        assertThat(moved).as("symptom-reports partitions triage-service-2 owns before the kill").isNotEmpty();
        long killedAt = 0;
        Set<String> sentBeforeKill = Set.of();
        long[] firstFromMoved = {0};
        try (RecommendationTally tally = new RecommendationTally(cluster, "failover")) {
            for (int round = 0; round < ROUNDS; round++) {
                for (int person = 0; person < PEOPLE; person++) {
                    tally.send(person);
                }
                if (round == ROUNDS / 2 - 1) {
                    // Mid-stream: the first half is being worked on when the instance dies.
                    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ZERO).until(() -> !tally.poll().isEmpty());
                    cluster.kill("triage-2");
                    killedAt = System.nanoTime();
                    sentBeforeKill = tally.reportIds();
                    System.out.printf("[failover] triage-2 killed (kill -9) after %d of %d reports; it owned partitions %s%n",
                            tally.sent(), PEOPLE * ROUNDS, moved);
                }
            }
            int expected = PEOPLE * ROUNDS;
            long kill = killedAt;
            Set<String> before = sentBeforeKill;
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ZERO).until(() -> {
                // The first report sent after the kill onto a partition the killed instance owned, now recommended.
                boolean fromMoved = tally.poll().stream()
                        .anyMatch(id -> !before.contains(id) && moved.contains(tally.partitionOf(id)));
                if (firstFromMoved[0] == 0 && fromMoved) {
                    firstFromMoved[0] = System.nanoTime();
                }
                return tally.recommendations().size() >= expected;
            });
            tally.readOn();
            Set<Integer> nowOwned = RecommendationTally.triageOwners(cluster).get("triage-service-1");
            System.out.printf("[failover] %s; first recommendation for a report sent after the kill to a moved partition %.1f s after the kill;"
                    + " triage-service-1 now owns %s%n", tally.counts(), (firstFromMoved[0] - kill) / 1e9, nowOwned);
            assertThat(tally.recommendations()).as("reports with a recommendation").hasSize(expected);
            assertThat(tally.events()).as("recommendation events, one per report").isEqualTo(expected);
            assertThat(tally.outOfOrder()).as("people whose recommendations came out of order").isZero();
            assertThat(nowOwned).as("triage-service-1 took over the killed instance's partitions").containsAll(moved);
            assertThat((firstFromMoved[0] - kill) / 1e9).as("seconds from the kill to the first recommendation from a moved partition")
                    .isLessThan(MOVED_WITHIN.toSeconds());
        } finally {
            cluster.startAll();
        }
    }
}
