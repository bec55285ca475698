package dev.hipflex.common.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Stores events for the relay to publish. Call {@link #add} inside the transaction of the change the
 * event announces: both commit, or neither does.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final OutboxRelay relay;

    public Outbox(ObjectMapper json, OutboxRelay relay) {
        this.json = json;
        this.relay = relay;
    }

    public Uni<Void> add(String topic, String key, Object event) {
        OutboxEvent row = new OutboxEvent();
        row.topic = topic;
        row.recordKey = key;
        try {
            row.payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("Event cannot be written as JSON", e));
        }
        row.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        // The relay runs soon after the transaction commits; if it looks before the commit, its next pass finds the row.
        return row.persist().invoke(relay::soon).replaceWithVoid();
    }
}
