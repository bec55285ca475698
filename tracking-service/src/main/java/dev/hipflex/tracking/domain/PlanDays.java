package dev.hipflex.tracking.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * The plan's days from day 1 through today, indexed by offset (plan day − 1), with that day's session aggregate and
 * pain samples. Everything the engine computes walks these arrays, so its cost follows the number of plan days,
 * never the number of sessions. Days and check-ins before the start date or after today are left out.
 */
final class PlanDays {

    private final LocalDate startDate;
    private final int planDay;
    private final DaySessions[] sessions;
    private final long[] painSum;
    private final int[] painCount;

    private PlanDays(LocalDate startDate, int planDay, DaySessions[] sessions, long[] painSum, int[] painCount) {
        this.startDate = startDate;
        this.planDay = planDay;
        this.sessions = sessions;
        this.painSum = painSum;
        this.painCount = painCount;
    }

    static PlanDays of(Plan plan, Collection<DaySessions> days, Collection<CheckIn> checkIns, LocalDate today) {
        Objects.requireNonNull(today, "today");
        int planDay = plan.dayNumber(today);
        int count = Math.max(0, planDay);
        DaySessions[] sessions = new DaySessions[count];
        long[] painSum = new long[count];
        int[] painCount = new int[count];
        for (DaySessions day : days) {
            int offset = plan.dayNumber(day.day()) - 1;
            if (offset >= 0 && offset < count) {
                sessions[offset] = sessions[offset] == null ? day : sessions[offset].plus(day);
                painSum[offset] += day.painBeforeSum();
                painCount[offset] += day.painCount();
            }
        }
        for (CheckIn checkIn : checkIns) {
            int offset = plan.dayNumber(checkIn.day()) - 1;
            if (offset >= 0 && offset < count) {
                painSum[offset] += checkIn.pain();
                painCount[offset]++;
            }
        }
        return new PlanDays(plan.startDate(), planDay, sessions, painSum, painCount);
    }


    LocalDate date(int offset) {
        return startDate.plusDays(offset);
    }

    /** The plan day of today: 1 on the start date, 0 or less before it. */
    int planDay() {
        return planDay;
    }

    /** How many plan days there are so far (today included); 0 before the start date. */
    int count() {
        return sessions.length;
    }

    int todayOffset() {
        return count() - 1;
    }

    /** The plan week today is in, 1-based; 0 before the start date. */
    int currentWeek() {
        return count() == 0 ? 0 : todayOffset() / Plan.DAYS_PER_WEEK + 1;
    }

    /** Weeks whose last day is before today. */
    int completeWeeks() {
        return count() == 0 ? 0 : todayOffset() / Plan.DAYS_PER_WEEK;
    }

    /** The first offset of the recent window: today and the days before it, within the plan. */
    int recentFrom() {
        return Math.max(0, count() - AdherencePolicy.RECENT_WINDOW.days());
    }

    boolean active(int offset) {
        return sessions(offset) > 0;
    }

    int sessions(int offset) {
        DaySessions day = sessions[offset];
        return day == null ? 0 : day.sessions();
    }

    long painSum(int offset) {
        return painSum[offset];
    }

    int painCount(int offset) {
        return painCount[offset];
    }

    /** How many days in {@code [from, to]} have at least one session: several sessions on a day count once. */
    int activeDays(int from, int to) {
        int active = 0;
        for (int offset = from; offset <= to; offset++) {
            active += active(offset) ? 1 : 0;
        }
        return active;
    }

    /** A day field summed since the start date, and over the recent window. */
    record Totals(int all, int recent) {
    }

    Totals totals(ToIntFunction<DaySessions> field) {
        return new Totals(sum(0, todayOffset(), field), sum(recentFrom(), todayOffset(), field));
    }

    /** The sum of {@code field} over the days in {@code [from, to]} that have sessions. */
    int sum(int from, int to, ToIntFunction<DaySessions> field) {
        long sum = 0;
        for (int offset = from; offset <= to; offset++) {
            if (sessions[offset] != null) {
                sum += field.applyAsInt(sessions[offset]);
            }
        }
        return Math.toIntExact(sum);
    }
}
