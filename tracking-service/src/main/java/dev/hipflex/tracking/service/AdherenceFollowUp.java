package dev.hipflex.tracking.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.hipflex.common.outbox.Outbox;
import dev.hipflex.common.outbox.OutboxRelay;
import dev.hipflex.common.problem.ProblemException;
import dev.hipflex.tracking.domain.Adherence;
import dev.hipflex.tracking.messaging.TrackingEvents;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What follows a recorded session: an {@code adherence-updates} event with the new figures, and the
 * recovery alert the adherence engine decides on, raised once per person and alert key. Runs after
 * the session's own transaction; if it fails, the person's next session catches up (the alert key
 * makes raising idempotent).
 */
@ApplicationScoped
public class AdherenceFollowUp {

    private static final Logger LOG = Logger.getLogger(AdherenceFollowUp.class);

    private final AdherenceService adherence;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Pool pool;

    public AdherenceFollowUp(AdherenceService adherence, Outbox outbox, OutboxRelay relay, Pool pool) {
        this.adherence = adherence;
        this.outbox = outbox;
        this.relay = relay;
        this.pool = pool;
    }

    /** Never fails the caller: the session is recorded whatever happens here. */
    public Uni<Void> afterSession(String userId) {
        return adherence.of(userId)
                .chain(now -> pool.withTransaction(connection -> raiseOnce(connection, userId, now).chain(raised -> {
                    List<Outbox.Pending> events = new ArrayList<>();
                    events.add(new Outbox.Pending(TrackingEvents.ADHERENCE_TOPIC, userId,
                            TrackingEvents.adherenceUpdated(userId, now)));
                    if (raised) {
                        events.add(new Outbox.Pending(TrackingEvents.ALERTS_TOPIC, userId,
                                TrackingEvents.recoveryAlert(userId, now)));
                    }
                    return outbox.addAll(connection, events);
                })))
                .invoke(relay::soon)
                // No plan yet: nothing to measure against, nothing to announce.
                .onFailure(ProblemException.class).recoverWithNull()
                .onFailure().invoke(e -> LOG.warnf("Adherence follow-up for %s postponed to the next session: %s", userId,
                        e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** True when this call raised the alert; false when there is none or it was raised before. */
    private static Uni<Boolean> raiseOnce(io.vertx.mutiny.sqlclient.SqlConnection connection, String userId, Adherence now) {
        if (now.alert() == null) {
            return Uni.createFrom().item(false);
        }
        return connection.preparedQuery("insert into raised_alert (user_id, alert_key, raised_at) values ($1, $2, $3)"
                + " on conflict do nothing")
                .execute(Tuple.of(userId, now.alert().key(), OffsetDateTime.now(ZoneOffset.UTC)))
                .map(result -> result.rowCount() == 1);
    }
}
