package dev.hipflex.tracking.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.hipflex.common.problem.Problem;
import dev.hipflex.common.problem.ProblemException;
import dev.hipflex.tracking.domain.PlanState;
import dev.hipflex.tracking.domain.RecommendationSummary;
import dev.hipflex.tracking.domain.WeekEnds;
import dev.hipflex.tracking.repository.AdaptationHistoryRepository;
import dev.hipflex.tracking.repository.PlanEntity;
import dev.hipflex.tracking.repository.PlanRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Each person's plan: made by their first recommendation, changed by later ones, started and paused by the person. */
@ApplicationScoped
public class PlanService {

    private final PlanRepository plans;
    private final AdaptationHistoryRepository adaptation;
    private final Pool pool;
    private final Clock clock;

    public PlanService(PlanRepository plans, AdaptationHistoryRepository adaptation, Pool pool, Clock clock) {
        this.plans = plans;
        this.adaptation = adaptation;
        this.pool = pool;
        this.clock = clock;
    }

    /**
     * Creates or updates the person's plan from a recommendation (what changes is {@link PlanState#after}); the same
     * recommendation again changes nothing. Reads the plan with a row lock and writes it back in one transaction.
     */
    public Uni<Void> apply(RecommendationSummary recommendation) {
        String userId = recommendation.userId();
        return pool.withTransaction(connection -> plans.lockCurrent(connection, userId).chain(existing -> {
            PlanState after = PlanState.after(existing, recommendation);
            return after == null ? Uni.createFrom().voidItem()
                    : plans.save(connection, userId, after, clock.instant())
                            .chain(() -> adaptation.exclude(connection, userId, recommendation.excluded()));
        }));
    }

    /** A recommendation reaches tracking within a second or two of being made; the client asks again after this. */
    static final int RECOMMENDATION_ON_ITS_WAY_SECONDS = 1;

    /** How far back a person may say they began: the length of the whole 12-week plan. */
    static final int LATEST_BACKDATED_DAYS = 83;

    /**
     * Starts the person's plan, or restarts it: day 1 is today (their local date in {@code zone}), or the day
     * they say they began when they began before telling us (up to the plan's 12 weeks back; the sessions they
     * log for those days count). Works without a recommendation too; a plan marked "see a professional first"
     * starts only because the person asked for it here. Started from a recommendation ({@code fromReport} not null),
     * the plan must already be that recommendation's: it reaches tracking over Kafka a moment after the person sees
     * it, and until then the answer is a 409 to retry, never a plan without its exercises.
     */
    @WithTransaction
    public Uni<PlanEntity> start(String userId, ZoneId zone, LocalDate began, UUID fromReport) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        if (began != null && began.isAfter(today)) {
            throw ProblemException.badRequest("startDate", "must not be after today (" + today + ") in " + zone.getId());
        }
        if (began != null && began.isBefore(today.minusDays(LATEST_BACKDATED_DAYS))) {
            throw ProblemException.badRequest("startDate", "must be within the plan's 12 weeks: on or after "
                    + today.minusDays(LATEST_BACKDATED_DAYS));
        }
        return plans.find(userId).chain(existing -> {
            if (fromReport != null && (existing == null || !fromReport.equals(existing.reportId))) {
                throw ProblemException.notYet("The recommendation has not reached your plan yet; try again shortly",
                        new Problem.FieldError("recommendation", "is not your plan's recommendation yet"),
                        RECOMMENDATION_ON_ITS_WAY_SECONDS);
            }
            PlanEntity plan = existing != null ? existing : new PlanEntity();
            if (existing == null) {
                plan.userId = userId;
                plan.protocol = CatalogTerms.PROTOCOL;
                plan.level = "self-started";
                plan.exercises = "[]";
            }
            plan.status = PlanEntity.ACTIVE;
            plan.timeZone = zone.getId();
            plan.startDate = began != null ? began : today;
            changed(plan);
            return plans.persist(plan);
        });
    }

    /** Pauses the plan; 404 when there is none. Starting it again restarts it from day 1. */
    @WithTransaction
    public Uni<PlanEntity> pause(String userId) {
        return plans.find(userId).chain(plan -> {
            if (plan == null) {
                return Uni.createFrom().failure(ProblemException.notFound("plan for", userId));
            }
            plan.status = PlanEntity.PAUSED;
            changed(plan);
            return Uni.createFrom().item(plan);
        });
    }

    @WithSession
    public Uni<PlanEntity> of(String userId) {
        return plans.find(userId);
    }

    /**
     * Stamps a change. An active plan is due for the week-close pass at the end of its week 1: never later than any
     * week it has not announced, and the pass itself works out which weeks have closed (start date or zone may have
     * changed just now). A plan that is not running closes no weeks.
     */
    private void changed(PlanEntity plan) {
        plan.updatedAt = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        plan.nextWeekCloseAt = PlanEntity.ACTIVE.equals(plan.status)
                ? WeekEnds.end(plan.startDate, ZoneId.of(plan.timeZone), 1).atOffset(ZoneOffset.UTC)
                : null;
    }
}
