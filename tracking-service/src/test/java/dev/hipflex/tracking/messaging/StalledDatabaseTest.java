package dev.hipflex.tracking.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.hipflex.testsupport.EventContracts;
import dev.hipflex.testsupport.EventJson;
import dev.hipflex.tracking.domain.RecommendationSummary;
import dev.hipflex.tracking.service.PlanService;
import dev.hipflex.tracking.service.SummaryService;
import io.smallrye.mutiny.Uni;

/**
 * A database call that never answers (as once when PostgreSQL restarted in the middle of a transaction) must not hold
 * the partition forever: the attempt times out and the recommendation is applied by the next one.
 */
class StalledDatabaseTest {

    /** Hangs on its first call, then applies. */
    static final class StallsOnce extends PlanService {
        final AtomicInteger calls = new AtomicInteger();
        volatile RecommendationSummary applied;

        StallsOnce() {
            super(null, null, null, null);
        }

        @Override
        public Uni<Void> apply(RecommendationSummary recommendation) {
            return Uni.createFrom().deferred(() -> {
                if (calls.incrementAndGet() == 1) {
                    return Uni.createFrom().nothing();
                }
                applied = recommendation;
                return Uni.createFrom().voidItem();
            });
        }
    }

    /** The summary's facts are not what this test is about: keeping them always succeeds at once. */
    static final class KeepsNoFacts extends SummaryService {

        KeepsNoFacts() {
            super(null, null, null, null, null, null, null, EventJson.mapper());
        }

        @Override
        public Uni<Void> keep(RecommendationSummary recommendation, String event) {
            return Uni.createFrom().voidItem();
        }
    }

    @Test
    void anAttemptThatNeverAnswersIsRetriedAndTheRecommendationApplied() {
        StallsOnce plans = new StallsOnce();
        RecommendationsConsumer consumer = new RecommendationsConsumer(EventJson.mapper(), plans,
                new KeepsNoFacts(), Duration.ofMillis(200));

        consumer.consume(EventContracts.example("recommendations")).await().atMost(Duration.ofSeconds(10));

        assertThat(plans.calls).hasValue(2);
        assertThat(plans.applied.userId()).isEqualTo("person-42");
    }
}
