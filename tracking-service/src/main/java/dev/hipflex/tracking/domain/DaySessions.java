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
}
