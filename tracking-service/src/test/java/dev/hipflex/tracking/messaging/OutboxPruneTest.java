package dev.hipflex.tracking.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.hipflex.common.outbox.OutboxRelay;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Sent events are kept for the retention (7 days by default), then pruned; an unsent event is never pruned. */
@QuarkusTest
class OutboxPruneTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    OutboxRelay relay;

    @Inject
    Pool pool;

    @Test
    void eventsSentLongerAgoThanTheRetentionArePrunedAndNothingElse() {
        // A key of its own, so the relay's own rows from other tests do not count; all rows are written as the relay
        // would have left them (the relay itself ignores rows already sent, and the unsent one is backdated so that a
        // relay pass meanwhile would mark it sent only now, inside the retention).
        String key = "prune-" + UUID.randomUUID();
        insert(key, "sent-8-days-ago", "now() - interval '9 days'", "now() - interval '8 days'");
        insert(key, "sent-6-days-ago", "now() - interval '7 days'", "now() - interval '6 days'");
        insert(key, "sent-just-now", "now()", "now()");
        insert(key, "never-sent", "now() - interval '30 days'", "null");

        Long pruned = relay.prune().await().atMost(WAIT);

        assertThat(pruned).isGreaterThanOrEqualTo(1);
        assertThat(payloads(key)).containsExactlyInAnyOrder("sent-6-days-ago", "sent-just-now", "never-sent");
    }

    private void insert(String key, String payload, String createdAt, String sentAt) {
        pool.preparedQuery("insert into outbox_event (topic, record_key, payload, created_at, sent_at) values"
                + " ('prune-test', $1, $2, " + createdAt + ", " + sentAt + ")")
                .execute(Tuple.of(key, payload)).await().atMost(WAIT);
    }

    private List<String> payloads(String key) {
        return pool.preparedQuery("select payload from outbox_event where record_key = $1").execute(Tuple.of(key))
                .await().atMost(WAIT).stream().map(row -> ((Row) row).getString("payload")).toList();
    }
}
