package dev.hipflex.tracking.domain;

import java.time.LocalDate;

/**
 * Everything the adherence engine needs about one local calendar day of sessions, kept up to date as
 * sessions arrive so that adherence never rescans the session history.
 *
 * @param sessions sessions recorded that day (several count once toward the daily target)
 * @param releaseSessions, stretchSessions, strengthenSessions how many of them included each phase
 * @param leftOnly, rightOnly, bothSides how many worked one side only, or both
 * @param painBeforeSum, painAfterSum, painCount sums of the 0–10 pain scores and how many sessions gave them
 */
public record DaySessions(LocalDate day, int sessions, int minutes, int releaseSessions, int stretchSessions,
        int strengthenSessions, int leftOnly, int rightOnly, int bothSides, int painBeforeSum, int painAfterSum,
        int painCount) {

    /** One session's share of its day. */
    public static DaySessions of(LocalDate day, SessionCompletion session) {
        boolean left = session.sides() == Side.LEFT;
        boolean right = session.sides() == Side.RIGHT;
        return new DaySessions(day, 1, session.minutes(), session.phases().contains(Phase.RELEASE) ? 1 : 0,
                session.phases().contains(Phase.STRETCH) ? 1 : 0, session.phases().contains(Phase.STRENGTHEN) ? 1 : 0,
                left ? 1 : 0, right ? 1 : 0, left || right ? 0 : 1, session.painBefore(), session.painAfter(), 1);
    }

    /** This day's aggregate and another of the same day: their sessions together. */
    public DaySessions plus(DaySessions other) {
        return new DaySessions(day, sessions + other.sessions, minutes + other.minutes,
                releaseSessions + other.releaseSessions, stretchSessions + other.stretchSessions,
                strengthenSessions + other.strengthenSessions, leftOnly + other.leftOnly, rightOnly + other.rightOnly,
                bothSides + other.bothSides, painBeforeSum + other.painBeforeSum, painAfterSum + other.painAfterSum,
                painCount + other.painCount);
    }
}
