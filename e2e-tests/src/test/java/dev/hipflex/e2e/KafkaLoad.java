package dev.hipflex.e2e;

import java.time.Duration;

/**
 * Reports over Kafka for the cluster tests, driven from the test thread: each {@link #round} sends one report for each
 * of the tally's people (at most a round every half second) and reads the recommendations that arrived meanwhile.
 */
final class KafkaLoad {

    private static final Duration PACE = Duration.ofMillis(500);

    private final RecommendationTally tally;
    private final int people;
    private long next = System.nanoTime();

    KafkaLoad(RecommendationTally tally, int people) {
        this.tally = tally;
        this.people = people;
    }

    /** Sends a round when one is due, then polls; true, for use inside a condition. */
    boolean round() throws Exception {
        if (System.nanoTime() >= next) {
            for (int person = 0; person < people; person++) {
                tally.send(person);
            }
            next = System.nanoTime() + PACE.toNanos();
        }
        tally.poll();
        return true;
    }

    /** Runs {@code action} (a stop, a start) on another thread while the rounds go on here; returns once it is done. */
    void during(String what, Runnable action) {
        java.util.concurrent.CompletableFuture<Void> done = java.util.concurrent.CompletableFuture.runAsync(action);
        org.awaitility.Awaitility.await(what).atMost(Duration.ofMinutes(12)).pollInterval(Duration.ZERO)
                .until(() -> round() && done.isDone());
        done.join();
    }
}
