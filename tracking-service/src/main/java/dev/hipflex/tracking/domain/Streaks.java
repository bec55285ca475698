package dev.hipflex.tracking.domain;

/**
 * Runs of consecutive local days with at least one session, since the start date. A day without a session breaks a
 * run, except today: while today has no session yet, the current streak is the one that ended yesterday.
 */
record Streaks(int current, int longest) {

    static Streaks of(PlanDays days) {
        int run = 0;
        int untilYesterday = 0;
        int longest = 0;
        for (int offset = 0; offset < days.count(); offset++) {
            untilYesterday = run;
            run = days.active(offset) ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        boolean todayDone = days.count() > 0 && days.active(days.todayOffset());
        return new Streaks(todayDone ? run : untilYesterday, longest);
    }
}
