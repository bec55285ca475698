package dev.hipflex.common.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Stores events for the relay to publish. Call {@link #add} inside the transaction of the change the
 * event announces: both commit, or neither does. After the commit, {@link OutboxRelay#soon()} sends
 * them at once; otherwise the relay's timer finds them within a second.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;

    public Outbox(ObjectMapper json) {
        this.json = json;
    }

    /** One event to store: the topic it goes to, its record key, and the event itself (written as JSON). */
    public record Pending(String topic, String key, Object event) {
    }

    /** Stores one event in the current Panache transaction. */
    public Uni<Void> add(String topic, String key, Object event) {
        OutboxEvent row = new OutboxEvent();
        row.topic = topic;
        row.recordKey = key;
        row.payload = write(event);
        row.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        return row.persist().replaceWithVoid();
    }

    /**
     * Stores many events in one round trip, in the transaction that {@code connection} holds: for
     * high-volume writers that work with the SQL client directly (see triage's report batches).
     */
    public Uni<Void> addAll(SqlConnection connection, List<Pending> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Tuple> rows = events.stream().map(e -> Tuple.of(e.topic(), e.key(), write(e.event()), now)).toList();
        return connection.preparedQuery("insert into outbox_event (topic, record_key, payload, created_at) values ($1, $2, $3, $4)")
                .executeBatch(rows).replaceWithVoid();
    }

    private String write(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event cannot be written as JSON", e);
        }
    }
}
