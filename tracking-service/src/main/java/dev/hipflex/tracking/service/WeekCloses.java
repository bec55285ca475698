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

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.hipflex.common.outbox.Outbox;
import dev.hipflex.common.outbox.OutboxRelay;
import dev.hipflex.common.schedule.PeriodicPass;
import dev.hipflex.tracking.domain.Adherence;
import dev.hipflex.tracking.domain.AdherencePolicy;
import dev.hipflex.tracking.domain.WeekEnds;
import dev.hipflex.tracking.messaging.TrackingEvents;
import dev.hipflex.tracking.repository.PlanRepository;
import dev.hipflex.tracking.repository.PlanRepository.DuePlan;
import dev.hipflex.tracking.repository.RaisedAlertRepository;
import dev.hipflex.tracking.repository.RaisedAlertRepository.RaisedAlert;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Announces each closed plan week once on {@code adherence-updates} ({@code trigger: week-closed}) with its final
 * figures. A periodic pass reads only the active plans whose {@code next_week_close_at} has come (an index keeps that
 * cheap however many plans there are), claims them with SKIP LOCKED so instances share the work, and in one
 * transaction records the weeks it announces (their key makes a second announcement impossible), stores the events in
 * the outbox and moves {@code next_week_close_at} to the plan's next week end.
 */
@ApplicationScoped
public class WeekCloses {

    private final Pool pool;
    private final PlanRepository plans;
    private final RaisedAlertRepository alerts;
    private final Clock clock;
    private final AdherenceService adherence;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final int batch;
    private final Counter passes;
    private final Counter announcedWeeks;
    private final PeriodicPass periodic;

    public WeekCloses(Pool pool, PlanRepository plans, RaisedAlertRepository alerts, Vertx vertx, Clock clock, AdherenceService adherence, Outbox outbox, OutboxRelay relay,
            @ConfigProperty(name = "hipflex.tracking.week-close.interval") Duration interval,
            @ConfigProperty(name = "hipflex.tracking.week-close.batch") int batch, MeterRegistry registry) {
        this.pool = pool;
        this.plans = plans;
        this.alerts = alerts;
        this.clock = clock;
        this.adherence = adherence;
        this.outbox = outbox;
        this.relay = relay;
        this.batch = batch;
        this.passes = registry.counter("hipflex.week-closes.passes");
        this.announcedWeeks = registry.counter("hipflex.week-closes.announced");
        // A full batch means more plans may be due: another pass follows at once.
        this.periodic = new PeriodicPass(vertx, "Week-close", interval, () -> pass().map(looked -> looked == batch));
    }

    void start(@Observes StartupEvent event) {
        periodic.start();
    }

    void stop(@Observes ShutdownEvent event) {
        periodic.stop();
    }

    /** One batch of due plans, in one transaction; returns how many plans it looked at. */
    Uni<Integer> pass() {
        Instant now = clock.instant();
        int[] announced = {0};
        return adherence.terms().chain(terms -> pool.withTransaction(connection -> plans.lockDue(connection, now, batch)
                .chain(due -> {
                    Uni<Void> closing = Uni.createFrom().voidItem();
                    for (DuePlan plan : due) {
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
    private Uni<Integer> close(SqlConnection connection, DuePlan plan, CatalogTerms.Terms terms, Instant now) {
        int weeks = terms.schedule().totalWeeks();
        int ended = WeekEnds.endedBy(plan.startDate(), plan.zone(), weeks, now);
        Instant next = WeekEnds.next(plan.startDate(), plan.zone(), weeks, now);
        return plans.announceWeeks(connection, plan.userId(), plan.startDate(), ended, now)
                .chain(numbers -> announce(connection, plan.userId(), numbers,
                        nudgeDue(plan.startDate(), plan.zone(), numbers, plan.updatedAt()), terms, now)
                        .call(() -> plans.nextClose(connection, plan.userId(), next))
                        .replaceWith(numbers.size()));
    }

    /** Whether a consistency nudge may come with these closed weeks: judged on the last of them. */
    private static boolean nudgeDue(LocalDate start, ZoneId zone, List<Integer> closed, Instant planSetUp) {
        return !closed.isEmpty() && AdherencePolicy.CONSISTENCY_NUDGE.dueAtWeekClose(planSetUp,
                WeekEnds.end(start, zone, closed.get(closed.size() - 1)));
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
            Uni<Set<RaisedAlert>> raised = alert == null ? Uni.createFrom().item(Set.of())
                    : alerts.raiseFirstTime(connection, List.of(new RaisedAlert(userId, alert.key())),
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
