package dev.hipflex.tracking.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.hipflex.common.outbox.Outbox;
import dev.hipflex.common.outbox.OutboxRelay;
import dev.hipflex.common.problem.Problem.FieldError;
import dev.hipflex.common.problem.ProblemException;
import dev.hipflex.tracking.domain.Adherence;
import dev.hipflex.tracking.domain.AdherencePolicy;
import dev.hipflex.tracking.domain.Escalations.Escalation;
import dev.hipflex.tracking.domain.FunctionalScale;
import dev.hipflex.tracking.domain.FunctionalScale.Assessment;
import dev.hipflex.tracking.domain.FunctionalScale.AssessmentRequest;
import dev.hipflex.tracking.domain.FunctionalScale.Rating;
import dev.hipflex.tracking.messaging.TrackingEvents;
import dev.hipflex.tracking.messaging.TrackingEvents.OutcomeRecorded;
import dev.hipflex.tracking.repository.FunctionalAssessmentRepository;
import dev.hipflex.tracking.repository.PlanEntity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Outcomes: the PSFS assessments (stored once per week, with their {@code outcome-recorded} event in the same
 * transaction), the pain outcome and adherence beside them, and the escalations raised.
 */
@ApplicationScoped
public class OutcomeService {

    /** Everything {@code GET /me/outcomes} shows. */
    public record Outcomes(List<String> activities, List<Assessment> assessments, Integer due, int currentWeek,
            FunctionalScale.Change function, Adherence.PainTrend pain, Double overallPercent,
            List<Escalation> escalations) {
    }

    /** An assessment as recorded, and whether this call recorded it (false: sent before). */
    public record Recorded(Assessment assessment, boolean created) {
    }

    private final FunctionalAssessmentRepository assessments;
    private final PlanService plans;
    private final AdherenceService adherence;
    private final EscalationService escalations;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Pool pool;
    private final Clock clock;

    public OutcomeService(FunctionalAssessmentRepository assessments, PlanService plans, AdherenceService adherence,
            EscalationService escalations, Outbox outbox, OutboxRelay relay, Pool pool, Clock clock) {
        this.assessments = assessments;
        this.plans = plans;
        this.adherence = adherence;
        this.escalations = escalations;
        this.outbox = outbox;
        this.relay = relay;
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<Outcomes> of(String userId) {
        return plans.of(userId).chain(plan -> Uni.combine().all()
                .unis(pool.withConnection(c -> assessments.of(c, userId)), adherenceOrNull(userId),
                        escalations.of(userId))
                .with((recorded, figures, raised) -> {
                    int week = currentWeek(plan);
                    Set<Integer> weeks = recorded.stream().map(Assessment::week).collect(Collectors.toSet());
                    return new Outcomes(activities(recorded), recorded, FunctionalScale.due(weeks, week), week,
                            function(recorded), figures == null ? null : figures.painTrend(),
                            figures == null ? null : figures.overallPercent(), raised);
                }));
    }

    /**
     * Records an assessment: 400 naming every bad field, the same week again answers what was stored, another body
     * for a recorded week 409.
     */
    public Uni<Recorded> record(String userId, AssessmentRequest request) {
        return plans.of(userId).chain(plan -> adherenceOrNull(userId).chain(figures -> {
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            return pool.withTransaction(connection -> assessments.of(connection, userId).chain(recorded -> {
                List<String> fixed = activities(recorded);
                Assessment same = request == null || request.week() == null ? null
                        : recorded.stream().filter(a -> a.week() == request.week()).findFirst().orElse(null);
                if (same != null) {
                    return Uni.createFrom().item(repeat(same, request));
                }
                List<FieldError> errors = request == null ? List.of(new FieldError("body", "an assessment is required"))
                        : request.validate(fixed, currentWeek(plan));
                if (!errors.isEmpty()) {
                    throw ProblemException.invalid(errors);
                }
                Assessment assessment = new Assessment(request.week(), request.inOrder(fixed));
                return assessments.insert(connection, userId, assessment, now).chain(stored -> {
                    if (!stored) {
                        throw ProblemException.conflict("Week " + request.week() + " was recorded at the same time",
                                List.of(new FieldError("week", "is already recorded")));
                    }
                    Assessment start = recorded.isEmpty() ? assessment : recorded.get(0);
                    LocalDate asOf = plan == null ? LocalDate.now(clock) : LocalDate.now(clock.withZone(ZoneId.of(plan.timeZone)));
                    return outbox.addAll(connection, List.of(new Outbox.Pending(TrackingEvents.OUTCOMES_TOPIC, userId,
                            TrackingEvents.outcomeRecorded(userId, event(userId, asOf, start, assessment, figures)))))
                            .replaceWith(new Recorded(assessment, true));
                });
            }));
        })).invoke(recorded -> {
            if (recorded.created()) {
                relay.soon();
            }
        });
    }

    private static Recorded repeat(Assessment stored, AssessmentRequest request) {
        boolean same = request.activities() != null && request.activities().size() == stored.ratings().size()
                && stored.ratings().stream().allMatch(r -> request.activities().stream().anyMatch(
                        sent -> sent != null && sent.activity() != null && sent.activity().strip().equals(r.activity())
                                && r.rating().equals(sent.rating())));
        if (!same) {
            throw ProblemException.conflict("Week " + stored.week() + " was already recorded with other ratings",
                    List.of(new FieldError("week", "is already recorded")));
        }
        return new Recorded(stored, false);
    }

    private static OutcomeRecorded event(String userId, LocalDate asOf, Assessment start, Assessment assessment,
            Adherence figures) {
        FunctionalScale.Change change = assessment.week() == 0 ? null : FunctionalScale.change(start, assessment);
        Adherence.PainTrend pain = figures == null ? null : figures.painTrend();
        return new OutcomeRecorded(userId, asOf, assessment.week(), assessment.ratings().size(),
                assessment.ratings().stream().map(Rating::rating).toList(), assessment.mean(),
                change == null ? null : change.meanChange(), change == null ? null : change.activityChanges(),
                change == null ? null : change.change().word(),
                change == null ? null : AdherencePolicy.MEANINGFUL_FUNCTION_CHANGE.id(),
                change == null ? null : AdherencePolicy.MEANINGFUL_FUNCTION_CHANGE.version(),
                pain == null || pain.direction() == null ? null : pain.direction().word(),
                pain == null ? null : pain.change(), AdherencePolicy.MEANINGFUL_PAIN_CHANGE.id(),
                AdherencePolicy.MEANINGFUL_PAIN_CHANGE.version(), figures == null ? null : figures.overallPercent());
    }

    private static List<String> activities(List<Assessment> recorded) {
        return recorded.isEmpty() || recorded.get(0).week() != 0 ? null
                : recorded.get(0).ratings().stream().map(Rating::activity).toList();
    }

    /** The latest assessment's change from the start, or null before a second assessment. */
    private static FunctionalScale.Change function(List<Assessment> recorded) {
        return recorded.size() < 2 ? null : FunctionalScale.change(recorded.get(0), recorded.get(recorded.size() - 1));
    }

    private int currentWeek(PlanEntity plan) {
        if (plan == null) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(plan.timeZone)));
        long day = ChronoUnit.DAYS.between(plan.startDate, today);
        return day < 0 ? 0 : (int) (day / 7) + 1;
    }

    private Uni<Adherence> adherenceOrNull(String userId) {
        return adherence.of(userId).onFailure().recoverWithNull();
    }
}
