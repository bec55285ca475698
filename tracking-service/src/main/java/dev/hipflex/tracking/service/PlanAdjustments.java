package dev.hipflex.tracking.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.hipflex.common.outbox.Outbox;
import dev.hipflex.common.outbox.OutboxRelay;
import dev.hipflex.tracking.domain.PlanAdaptation.Change;
import dev.hipflex.tracking.messaging.TrackingEvents;
import dev.hipflex.tracking.repository.AdaptationHistoryRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Announces each change of a person's adapting plan once on {@code plan-adjustments}: after a session or a waking
 * rating, the plan is replayed and the changes not announced before are remembered and put in the outbox in one
 * transaction. A replay that fails (the database briefly away) is caught up by the next one.
 */
@ApplicationScoped
public class PlanAdjustments {

    private static final Logger LOG = Logger.getLogger(PlanAdjustments.class);

    private final TodayService today;
    private final AdaptationHistoryRepository histories;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Pool pool;
    private final Clock clock;

    public PlanAdjustments(TodayService today, AdaptationHistoryRepository histories, Outbox outbox, OutboxRelay relay,
            Pool pool, Clock clock) {
        this.today = today;
        this.histories = histories;
        this.outbox = outbox;
        this.relay = relay;
        this.pool = pool;
        this.clock = clock;
    }

    /** Announces the changes not announced before; never fails the caller, whose own write is already committed. */
    public Uni<Void> announce(String userId) {
        return today.find(userId).chain(t -> {
            if (t == null || t.adapted().changes().isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Map<String, Change> byKey = new LinkedHashMap<>();
            t.adapted().changes().forEach(c -> byKey.put(c.key(), c));
            OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            return pool.withTransaction(connection -> histories.announce(connection, userId, List.copyOf(byKey.keySet()), at)
                    .chain(fresh -> outbox.addAll(connection, events(userId, byKey, fresh, t.terms()))))
                    .invoke(relay::soon);
        }).onFailure().invoke(e -> LOG.warnf("Plan adjustments of %s not announced yet: %s", userId, e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private static List<Outbox.Pending> events(String userId, Map<String, Change> byKey, Set<String> fresh,
            CatalogTerms.Terms terms) {
        return byKey.entrySet().stream().filter(e -> fresh.contains(e.getKey()))
                .map(e -> new Outbox.Pending(TrackingEvents.ADJUSTMENTS_TOPIC, userId,
                        TrackingEvents.planAdjusted(userId, e.getValue(), e.getValue().sentence(terms::title))))
                .toList();
    }
}
