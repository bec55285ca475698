package dev.hipflex.tracking.domain;

import static dev.hipflex.tracking.domain.Plan.DAYS_PER_WEEK;

import java.util.ArrayList;
import java.util.List;

import dev.hipflex.tracking.domain.Adherence.Unit;
import dev.hipflex.tracking.domain.Adherence.Week;

/**
 * Expected vs done for each plan week, and the overall adherence. Weeks are counted from the start date in local
 * calendar days, so daylight-saving changes never move a boundary.
 *
 * @param permille the overall adherence in tenths of a percent, rounded down; 1000 while nothing is expected
 */
record WeekTally(List<Week> weeks, long permille) {

    static WeekTally of(PlanDays days, Schedule schedule) {
        int shown = Math.min(days.currentWeek(), schedule.totalWeeks());
        List<Week> weeks = new ArrayList<>(shown);
        long expected = 0;
        long counted = 0;
        for (int number = 1; number <= shown; number++) {
            Week week = week(days, schedule, number);
            weeks.add(week);
            expected += week.expected();
            // Doing more than asked in one week does not make up for another.
            counted += Math.min(week.done(), week.expected());
        }
        return new WeekTally(List.copyOf(weeks), expected == 0 ? 1000 : Percent.permille(counted, expected));
    }

    double percent() {
        return Percent.of(permille);
    }

    private static Week week(PlanDays days, Schedule schedule, int number) {
        int first = (number - 1) * DAYS_PER_WEEK;
        int last = first + DAYS_PER_WEEK - 1;
        boolean complete = last < days.todayOffset();
        int lastSoFar = Math.min(last, days.todayOffset());
        // Today only counts as elapsed once it has a session: the figures must not drop because a day has begun.
        int elapsed = complete ? DAYS_PER_WEEK : lastSoFar - first + (days.active(lastSoFar) ? 1 : 0);
        boolean daily = number <= schedule.dailyForWeeks();
        int target = daily ? DAYS_PER_WEEK : schedule.minSessionsPerWeek();
        // The share of the target due by now: one per elapsed day in daily weeks; in later weeks the pace that reaches
        // the minimum on the week's last day, rounded down so a session is only due once its share of the week is over.
        int expected = target * elapsed / DAYS_PER_WEEK;
        int done = daily ? days.activeDays(first, lastSoFar) : days.sum(first, lastSoFar, DaySessions::sessions);
        return new Week(number, days.date(first), days.date(last), daily ? Unit.DAYS : Unit.SESSIONS, target,
                expected, done, done >= expected, complete);
    }
}
