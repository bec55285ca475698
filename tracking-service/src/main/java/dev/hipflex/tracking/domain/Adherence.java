package dev.hipflex.tracking.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything {@code GET /adherence} shows, computed by {@link AdherenceEngine} for one local date. Percentages are on
 * 0–100 with one decimal, rounded down, so a figure never shows a threshold it did not reach (79.96 shows 79.9).
 *
 * @param asOf the person's local date the figures are for
 * @param planDay the plan day of {@code asOf} (1 = start date); 0 or less when the plan starts later
 * @param weeks each plan week from week 1 to the current one, at most the schedule's total weeks
 * @param overallPercent each week's done capped at its expected, summed, over the summed expected; 100 while nothing
 *        is expected yet (nothing has been missed)
 * @param currentStreak consecutive local days with at least one session, ending today, or ending yesterday while
 *        today has no session yet
 * @param longestStreak the longest such run since the start date
 * @param currentStage the timeline stage the plan day falls in; null before the plan starts or without a timeline
 * @param skippedPhases one entry per phase: those skipped repeatedly first, strengthening first among equals
 * @param alert the recovery alert that applies now, or null
 */
public record Adherence(LocalDate asOf, int planDay, List<Week> weeks, double overallPercent, int currentStreak,
        int longestStreak, CurrentStage currentStage, List<PhaseSkip> skippedPhases, OneSideOnly oneSideOnly,
        PainTrend painTrend, Alert alert) {

    /**
     * One plan week (days 1–7 are week 1, whatever the weekday of the start date).
     *
     * @param unit what {@code done} counts: days with at least one session in daily weeks, sessions afterwards
     * @param target what the whole week asks for: 7 days, or the schedule's minimum sessions
     * @param expected the share of the target due so far: the target for a complete week; for the current week
     *        {@code target × elapsed days / 7} rounded down, where today is an elapsed day only once it has a session
     * @param met {@code done >= expected}: for the current week, on track so far
     * @param complete the week's last day is before today
     */
    public record Week(int week, LocalDate from, LocalDate to, Unit unit, int target, int expected, int done,
            boolean met, boolean complete) {
    }

    public enum Unit implements Word {
        DAYS, SESSIONS
    }

    /**
     * The catalog stage the plan day falls in, with what to expect there.
     *
     * @param beyondTimeline the plan day is after the last stage's last day (the last stage is shown)
     */
    public record CurrentStage(String slug, int order, String title, int fromDay, int toDay, String summary,
            List<String> whatToExpect, boolean beyondTimeline) {

        static CurrentStage of(RecoveryStage stage, boolean beyondTimeline) {
            return new CurrentStage(stage.slug(), stage.order(), stage.title(), stage.fromDay(), stage.toDay(),
                    stage.summary(), stage.whatToExpect(), beyondTimeline);
        }
    }

    /**
     * How often sessions left out one phase, since the start date and over the recent days.
     *
     * @param recentSessions sessions of the last 14 days (today included)
     * @param repeatedly skipped in at least half of the recent sessions, with at least 3 recent sessions
     */
    public record PhaseSkip(Phase phase, int sessions, int skipped, double skippedPercent, int recentSessions,
            int recentSkipped, boolean repeatedly) {
    }

    /**
     * Sessions that worked the left or the right side only (seed 003: do both sides, even when one side hurts).
     *
     * @param mostlyOneSide more than half of the recent sessions (last 14 days, at least 3 of them) were one-sided
     */
    public record OneSideOnly(int sessions, int leftOnly, int rightOnly, double percent, int recentSessions,
            int recentOneSided, boolean mostlyOneSide) {
    }

    /**
     * Pain on 0–10 per plan week, averaging check-ins and sessions' pain before, equally weighted. Parts that need
     * more data are null: {@code latest} and the comparison need pain in two different weeks.
     *
     * @param weeks the plan weeks that have pain data, in order
     * @param first the earliest such week
     * @param latest the latest such week, when it is not the first
     * @param change latest minus first (negative is less pain)
     * @param meaningful less pain by ≥ 30 % of the first average and ≥ 1 point, or more pain by ≥ 2 points
     *        ({@link AdherencePolicy#MEANINGFUL_PAIN_CHANGE})
     * @param direction improving or worsening when the change is meaningful, steady otherwise
     */
    public record PainTrend(List<WeeklyPain> weeks, WeeklyPain first, WeeklyPain latest, Double change,
            Boolean meaningful, Direction direction) {
    }

    /** @param samples how many check-ins and session pain scores the average is made of */
    public record WeeklyPain(int week, double average, int samples) {
    }

    public enum Direction implements Word {
        IMPROVING, STEADY, WORSENING
    }

    /**
     * The alert a session on {@code day} raises: a referral whenever the figures call for it, a consistency nudge when
     * {@link AdherencePolicy#CONSISTENCY_NUDGE} says it is due for that session (the week's close judges consistency in
     * any case).
     */
    public Alert alertOnSession(LocalDate day) {
        if (alert == null || alert.level() != Alert.Level.CONSISTENCY || weeks.isEmpty()) {
            return alert;
        }
        return AdherencePolicy.CONSISTENCY_NUDGE.dueOnSession(day, weeks.get(weeks.size() - 1).from()) ? alert : null;
    }

    /**
     * A recovery alert (see {@link AdherencePolicy#ALERTS}). The {@code key} is stable, so the alert can be raised once:
     * the same situation always has the same key (consistency nudges carry the plan week, so they come at most once a
     * week).
     */
    public record Alert(Level level, String key, String reason) {

        public enum Level implements Word {
            SEE_PROFESSIONAL, CONSISTENCY
        }
    }
}
