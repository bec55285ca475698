package dev.hipflex.tracking.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.hipflex.common.outbox.Outbox;
import dev.hipflex.common.outbox.OutboxRelay;
import dev.hipflex.tracking.domain.Adherence;
import dev.hipflex.tracking.domain.WeekEnds;
import dev.hipflex.tracking.messaging.TrackingEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Announces each closed plan week once on {@code adherence-updates} ({@code trigger: week-closed}) with its final
 * figures. A periodic pass reads only the active plans whose {@code next_week_close_at} has come (an index keeps that
 * cheap however many plans there are), claims them with SKIP LOCKED so instances share the work, and in one
 * transaction records the weeks it announces (their key makes a second announcement impossible), stores the events in
 * the outbox and moves {@code next_week_close_at} to the plan's next week end.
 */
@ApplicationScoped
public class WeekCloses {

    private static final Logger LOG = Logger.getLogger(WeekCloses.class);

    private static final String DUE = "select user_id, start_date, time_zone, updated_at from plan"
            + " where next_week_close_at <= $1 and status = 'active'"
            + " order by next_week_close_at limit $2 for update skip locked";
    // Every ended week is offered; those announced before are kept as they are, the others come back.
    private static final String ANNOUNCE = "insert into announced_week (user_id, plan_start, week, announced_at)"
            + " select $1, $2, week, $3 from generate_series(1, $4) as week on conflict do nothing returning week";
    private static final String NEXT = "update plan set next_week_close_at = $2 where user_id = $1";

    private final Pool pool;
    private final Vertx vertx;
    private final Clock clock;
    private final AdherenceService adherence;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Duration interval;
    private final int batch;
    private final Counter passes;
    private final Counter announcedWeeks;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long timer = -1;

    public WeekCloses(Pool pool, Vertx vertx, Clock clock, AdherenceService adherence, Outbox outbox, OutboxRelay relay,
            @ConfigProperty(name = "hipflex.tracking.week-close.interval") Duration interval,
            @ConfigProperty(name = "hipflex.tracking.week-close.batch") int batch, MeterRegistry registry) {
        this.pool = pool;
        this.vertx = vertx;
        this.clock = clock;
        this.adherence = adherence;
        this.outbox = outbox;
        this.relay = relay;
        this.interval = interval;
        this.batch = batch;
        this.passes = registry.counter("hipflex.week-closes.passes");
        this.announcedWeeks = registry.counter("hipflex.week-closes.announced");
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(interval.toMillis(), id -> soon());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Runs a pass unless one is running; a full batch means more may be due, so another follows at once. */
    void soon() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        pass().subscribe().with(plans -> {
            running.set(false);
            if (plans == batch) {
                soon();
            }
        }, failure -> {
            running.set(false);
            LOG.warnf("Week-close pass failed, retrying on the next tick: %s", failure.getMessage());
        });
    }

    /** One batch of due plans, in one transaction; returns how many plans it looked at. */
    Uni<Integer> pass() {
        Instant now = clock.instant();
        int[] announced = {0};
        return adherence.terms().chain(terms -> pool.withTransaction(connection -> connection.preparedQuery(DUE)
                .execute(Tuple.of(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), batch))
                .chain(rows -> {
                    List<Row> due = new ArrayList<>();
                    rows.forEach(due::add);
                    Uni<Void> closing = Uni.createFrom().voidItem();
                    for (Row plan : due) {
                        closing = closing.chain(() -> close(connection, plan, terms, now).invoke(n -> announced[0] += n))
                                .replaceWithVoid();
                    }
                    return closing.replaceWith(due.size());
                })))
                .invoke(() -> {
                    // Committed: the events are in the outbox.
                    passes.increment();
                    if (announced[0] > 0) {
                        announcedWeeks.increment(announced[0]);
                        relay.soon();
                    }
                });
    }

    /** Announces the plan's ended weeks not announced yet and moves its next close on; returns how many it announced. */
    private Uni<Integer> close(SqlConnection connection, Row plan, CatalogTerms.Terms terms, Instant now) {
        String userId = plan.getString("user_id");
        LocalDate start = plan.getLocalDate("start_date");
        ZoneId zone = ZoneId.of(plan.getString("time_zone"));
        int weeks = terms.schedule().totalWeeks();
        int ended = WeekEnds.endedBy(start, zone, weeks, now);
        Instant next = WeekEnds.next(start, zone, weeks, now);
        Uni<List<Integer>> fresh = ended == 0 ? Uni.createFrom().item(List.of())
                : connection.preparedQuery(ANNOUNCE)
                        .execute(Tuple.of(userId, start, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), ended))
                        .map(rows -> {
                            List<Integer> numbers = new ArrayList<>();
                            rows.forEach(row -> numbers.add(row.getInteger(0)));
                            numbers.sort(null);
                            return numbers;
                        });
        Instant planSetUp = plan.getOffsetDateTime("updated_at").toInstant();
        return fresh.chain(numbers -> announce(connection, userId, numbers, nudgeDue(start, zone, numbers, planSetUp), terms, now)
                .call(() -> connection.preparedQuery(NEXT)
                        .execute(Tuple.of(userId, next == null ? null : OffsetDateTime.ofInstant(next, ZoneOffset.UTC))))
                .replaceWith(numbers.size()));
    }

    /**
     * Whether a consistency nudge may come with these closed weeks: only if the plan was set up as it is before the
     * last of them ended. A plan set up just now with an earlier start date (a late first recommendation, someone who
     * began before telling us) has had no chance to be logged yet.
     */
    private static boolean nudgeDue(LocalDate start, ZoneId zone, List<Integer> closed, Instant planSetUp) {
        return !closed.isEmpty() && planSetUp.isBefore(WeekEnds.end(start, zone, closed.get(closed.size() - 1)));
    }

    /**
     * The closed weeks' events, then the recovery alert the figures call for if it was never raised: someone who has
     * stopped logging sessions gets the consistency nudge at the start of a week, not only when they come back.
     */
    private Uni<Void> announce(SqlConnection connection, String userId, List<Integer> numbers, boolean nudgeDue,
            CatalogTerms.Terms terms, Instant now) {
        if (numbers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return adherence.basis(connection, userId).chain(basis -> {
            Adherence figures = basis.at(now, terms);
            List<Outbox.Pending> events = new ArrayList<>();
            for (Adherence.Week week : figures.weeks()) {
                if (numbers.contains(week.week())) {
                    events.add(new Outbox.Pending(TrackingEvents.ADHERENCE_TOPIC, userId,
                            TrackingEvents.weekClosed(userId, figures, week)));
                }
            }
            Adherence.Alert alert = figures.alert();
            if (alert != null && alert.level() == Adherence.Alert.Level.CONSISTENCY && !nudgeDue) {
                alert = null;
            }
            Uni<Set<String>> raised = alert == null ? Uni.createFrom().item(Set.of())
                    : RaisedAlerts.firstTime(connection, List.of(userId), List.of(alert.key()),
                            OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            return raised.chain(fresh -> {
                if (!fresh.isEmpty()) {
                    events.add(new Outbox.Pending(TrackingEvents.ALERTS_TOPIC, userId,
                            TrackingEvents.recoveryAlert(userId, figures)));
                }
                return outbox.addAll(connection, events);
            });
        });
    }
}
