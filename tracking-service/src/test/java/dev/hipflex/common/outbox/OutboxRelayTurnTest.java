package dev.hipflex.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.hipflex.testsupport.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Instances sharing a database relay one at a time: while another instance holds the relay's lock (here the test, as an
 * instance whose sends wait on a broker failing over would), this one publishes nothing, so it cannot put a person's
 * later event ahead of an earlier one; once the lock is free, every event goes out in the order it was stored.
 */
@QuarkusTest
class OutboxRelayTurnTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOPIC = "relay-turn-test";

    @Inject
    OutboxRelay relay;

    @Inject
    Pool pool;

    @Test
    void whileAnotherInstanceRelaysThisOneWaitsAndThenPublishesInStoredOrder() {
        String person = "turn-" + UUID.randomUUID();
        SqlConnection other = pool.getConnection().await().atMost(WAIT);
        try (TopicReader reader = new TopicReader(TOPIC)) {
            Transaction relaying = other.begin().await().atMost(WAIT);
            other.preparedQuery("select pg_advisory_xact_lock($1)").execute(Tuple.of(OutboxRelay.RELAY_LOCK)).await().atMost(WAIT);
            for (int event = 1; event <= 3; event++) {
                pool.preparedQuery("insert into outbox_event (topic, record_key, payload, created_at) values ($1, $2, $3, now())")
                        .execute(Tuple.of(TOPIC, person, "event-" + event)).await().atMost(WAIT);
            }

            assertThat(relay.relayBatch().await().atMost(WAIT)).as("events relayed while another instance relays").isZero();
            assertThat(unsent(person)).as("events of the person still waiting").isEqualTo(3);

            relaying.rollback().await().atMost(WAIT);
            await().atMost(WAIT).until(() -> unsent(person) == 0);
            List<String> published = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                published.clear();
                reader.poll().stream().filter(record -> person.equals(record.key())).forEach(record -> published.add(record.value()));
                return published.size() >= 3;
            });
            assertThat(published).containsExactly("event-1", "event-2", "event-3");
        } finally {
            other.close().await().atMost(WAIT);
        }
    }

    private long unsent(String person) {
        return pool.preparedQuery("select count(*) as unsent from outbox_event where record_key = $1 and sent_at is null")
                .execute(Tuple.of(person)).await().atMost(WAIT).iterator().next().getLong("unsent");
    }
}
