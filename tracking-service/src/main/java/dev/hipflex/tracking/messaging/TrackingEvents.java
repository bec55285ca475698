package dev.hipflex.tracking.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.hipflex.common.events.CloudEvent;
import dev.hipflex.tracking.domain.Adherence;
import dev.hipflex.tracking.domain.Escalations;
import dev.hipflex.tracking.domain.AdherencePolicy;
import dev.hipflex.tracking.domain.ExperimentStatistics;
import dev.hipflex.tracking.domain.Phase;
import dev.hipflex.tracking.domain.PlanAdaptation;
import dev.hipflex.tracking.domain.RootCauseExperiment;
import dev.hipflex.tracking.domain.SessionCompletion;
import dev.hipflex.tracking.domain.Side;
import dev.hipflex.tracking.domain.Word;

/** The events tracking publishes, in the CloudEvents envelope; pseudonymous ids only, no free text. */
public final class TrackingEvents {

    public static final String SESSIONS_TOPIC = "session-completions";
    public static final String ADHERENCE_TOPIC = "adherence-updates";
    public static final String ALERTS_TOPIC = "recovery-alerts";
    public static final String ADJUSTMENTS_TOPIC = "plan-adjustments";
    public static final String OUTCOMES_TOPIC = "outcome-recorded";
    /** Triage's topic: a new warning sign at a check-in goes there as a new symptom report. */
    public static final String SYMPTOM_REPORTS_TOPIC = "symptom-reports";
    public static final String EXPERIMENTS_TOPIC = "experiment-results";
    public static final String SOURCE = "/hipflex/tracking-service";

    /** The payload of a {@code session-completions} event. */
    public record SessionCompleted(UUID sessionId, String userId, LocalDate localDay, String timeZone, int minutes,
            Set<Phase> phases, List<String> exercises, Side sides, int painBefore, int painAfter) {
    }

    /**
     * The payload of an {@code adherence-updates} event: one plan week's figures and the overall picture as of
     * {@code asOf}. After a session the week is the current one; when a week closes it is the week that closed.
     */
    public record AdherenceUpdated(String userId, LocalDate asOf, int planDay, int week, int expected, int done,
            boolean met, double overallPercent, int currentStreak, String stage, Trigger trigger) {
    }

    /** Why an {@code adherence-updates} event was sent. */
    public enum Trigger implements Word {
        SESSION_RECORDED, WEEK_CLOSED
    }

    /**
     * The payload of a {@code recovery-alerts} event. An escalation names its urgency and rule; the adherence alerts
     * leave them null. {@code overallPercent} is null for a person without a plan.
     */
    public record RecoveryAlert(String userId, String key, String level, String reason, LocalDate asOf,
            Double overallPercent, String urgency, String rule, Integer ruleVersion, String source,
            Map<String, Object> figures) {
    }

    /**
     * The payload of an {@code outcome-recorded} event: one PSFS assessment as numbers (the activities' names are the
     * person's own words and stay in tracking), with the pain outcome and adherence beside it.
     */
    public record OutcomeRecorded(String userId, LocalDate asOf, int week, int activities, List<Integer> ratings,
            double mean, Double meanChange, List<Integer> activityChanges, String functionChange, String functionRule,
            Integer functionRuleVersion, String painDirection, Double painChange, String painRule, int painRuleVersion,
            Double overallPercent) {
    }

    /** The payload of a {@code plan-adjustments} event: one change of the adapting plan. */
    public record PlanAdjusted(String userId, LocalDate day, LocalDate sessionDay, String rule, int ruleVersion,
            String source, String direction, String exercise, String toExercise, String variable, Integer from,
            Integer to, Map<String, Object> figures, String sentence) {
    }

    /**
     * The payload of an {@code experiment-results} event: a root-cause experiment's result once it is reached, and
     * again with {@code confirmation} once the change was undone to confirm it. No words of the person's.
     */
    public record ExperimentResulted(UUID experimentId, String userId, String checklistItem, LocalDate startDay,
            LocalDate changeFrom, LocalDate endDay, String endReason, String outcome, int baselineRatings,
            int changeRatings, Double baselineMean, Double changeMean, Double tau, Double p, Double baselineSlope,
            boolean trendCorrected, String rule, int ruleVersion, String source, boolean confirmationOffered,
            Confirmation confirmation) {
    }

    /** The A-B-A confirmation: the undone phase judged against the change's counted ratings. */
    public record Confirmation(LocalDate undoFrom, LocalDate endDay, String endReason, int undoneRatings,
            Double undoneMean, Double tau, Double p, String confirmation, String rule, int ruleVersion) {
    }

    private TrackingEvents() {
    }

    public static CloudEvent<ExperimentResulted> experimentResulted(UUID experimentId, String userId,
            RootCauseExperiment.Course course, RootCauseExperiment.Progress p) {
        ExperimentStatistics.Result r = p.result();
        Confirmation confirmation = null;
        if (p.confirmation() != null) {
            ExperimentStatistics.Result u = p.undoneResult();
            confirmation = new Confirmation(p.undone().from(), p.undone().end(), p.undone().reason().word(),
                    u.changeRatings(), u.changeMean(), u.tau(), u.p(), p.confirmation(),
                    AdherencePolicy.EXPERIMENT_CONFIRMATION.id(), AdherencePolicy.EXPERIMENT_CONFIRMATION.version());
        }
        RootCauseExperiment.Stage change = p.change();
        return CloudEvent.of(SOURCE, "dev.hipflex.tracking.experiment.resulted", userId,
                "https://hipflex.dev/schemas/experiment-results/v1",
                new ExperimentResulted(experimentId, userId, course.item(), course.start(), p.changeFrom(),
                        change != null ? change.end() : course.endedByPerson(),
                        change != null ? change.reason().word() : RootCauseExperiment.EndReason.ENDED_BY_PERSON.word(),
                        r.outcome().word(), r.baselineRatings(), r.changeRatings(), r.baselineMean(), r.changeMean(),
                        r.tau(), r.p(), r.baselineSlope(), r.trendCorrected(), AdherencePolicy.EXPERIMENT_RESULT.id(),
                        AdherencePolicy.EXPERIMENT_RESULT.version(), AdherencePolicy.EXPERIMENT_RESULT.source(),
                        p.confirmationOffered(), confirmation));
    }

    /** @param sentence the change in words for the person (exercises by their catalog titles) */
    public static CloudEvent<PlanAdjusted> planAdjusted(String userId, PlanAdaptation.Change c, String sentence) {
        return CloudEvent.of(SOURCE, "dev.hipflex.tracking.plan.adjusted", userId,
                "https://hipflex.dev/schemas/plan-adjustments/v1",
                new PlanAdjusted(userId, c.day(), c.sessionDay(), c.rule().id(), c.rule().version(), c.rule().source(),
                        c.direction(), c.fromExercise(), c.toExercise(), c.variable(), c.from(), c.to(), c.figures(),
                        sentence));
    }

    /** After a session: the current week's figures (week 0 and zeros before the plan starts). */
    public static CloudEvent<AdherenceUpdated> sessionRecorded(String userId, Adherence a) {
        return adherenceUpdated(userId, a, a.weeks().isEmpty() ? null : a.weeks().get(a.weeks().size() - 1),
                Trigger.SESSION_RECORDED);
    }

    /** When {@code closed} (one of {@code a}'s weeks) has ended: its final figures. */
    public static CloudEvent<AdherenceUpdated> weekClosed(String userId, Adherence a, Adherence.Week closed) {
        return adherenceUpdated(userId, a, closed, Trigger.WEEK_CLOSED);
    }

    private static CloudEvent<AdherenceUpdated> adherenceUpdated(String userId, Adherence a, Adherence.Week week,
            Trigger trigger) {
        return CloudEvent.of(SOURCE, "dev.hipflex.tracking.adherence.updated", userId,
                "https://hipflex.dev/schemas/adherence-updates/v1",
                new AdherenceUpdated(userId, a.asOf(), a.planDay(), week == null ? 0 : week.week(),
                        week == null ? 0 : week.expected(), week == null ? 0 : week.done(), week != null && week.met(),
                        a.overallPercent(), a.currentStreak(), a.currentStage() == null ? null : a.currentStage().slug(),
                        trigger));
    }

    public static CloudEvent<RecoveryAlert> recoveryAlert(String userId, Adherence a) {
        Adherence.Alert alert = a.alert();
        return CloudEvent.of(SOURCE, "dev.hipflex.tracking.recovery-alert.raised", userId,
                "https://hipflex.dev/schemas/recovery-alerts/v1",
                new RecoveryAlert(userId, alert.key(), alert.level().word(), alert.reason(), a.asOf(), a.overallPercent(),
                        null, null, null, null, null));
    }

    /** An escalation: see a professional, with its urgency, rule and the figures it read. */
    public static CloudEvent<RecoveryAlert> escalated(String userId, Escalations.Escalation e, LocalDate asOf,
            Double overallPercent) {
        return CloudEvent.of(SOURCE, "dev.hipflex.tracking.recovery-alert.raised", userId,
                "https://hipflex.dev/schemas/recovery-alerts/v1",
                new RecoveryAlert(userId, e.key(), Adherence.Alert.Level.SEE_PROFESSIONAL.word(), e.reason(), asOf,
                        overallPercent, e.urgency().word(), e.rule().id(), e.rule().version(), e.rule().source(),
                        e.figures()));
    }

    public static CloudEvent<OutcomeRecorded> outcomeRecorded(String userId, OutcomeRecorded outcome) {
        return CloudEvent.of(SOURCE, "dev.hipflex.tracking.outcome.recorded", userId,
                "https://hipflex.dev/schemas/outcome-recorded/v1", outcome);
    }

    public static CloudEvent<SessionCompleted> sessionCompleted(String userId, SessionCompletion s, LocalDate day) {
        return CloudEvent.of(SOURCE, "dev.hipflex.tracking.session.completed", s.sessionId().toString(),
                "https://hipflex.dev/schemas/session-completions/v1",
                new SessionCompleted(s.sessionId(), userId, day, s.timeZone(), s.minutes(), s.phases(), s.exercises(),
                        s.sides(), s.painBefore(), s.painAfter()));
    }
}
