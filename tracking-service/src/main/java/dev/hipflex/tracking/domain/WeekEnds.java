package dev.hipflex.tracking.domain;

import static dev.hipflex.tracking.domain.Plan.DAYS_PER_WEEK;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * When plan weeks end, on the person's own clock. Week {@code n} is plan days {@code 7(n-1)+1 … 7n}; it ends at the
 * first instant of the local day after its last day. Local midnights move with the zone's offset, so a week that
 * spans a daylight-saving change lasts 167 or 169 hours, and where a zone skips midnight the day begins at the end of
 * the gap ({@link LocalDate#atStartOfDay(ZoneId)}). An ended week is exactly a week the engine shows as complete.
 */
public final class WeekEnds {

    private WeekEnds() {
    }

    /** The instant plan week {@code week} (1-based) of a plan starting on {@code start} is over in {@code zone}. */
    public static Instant end(LocalDate start, ZoneId zone, int week) {
        if (week < 1) {
            throw new IllegalArgumentException("plan weeks start at 1: " + week);
        }
        return start.plusDays((long) DAYS_PER_WEEK * week).atStartOfDay(zone).toInstant();
    }

    /** How many of the plan's first {@code weeks} weeks have ended by {@code now}. */
    public static int endedBy(LocalDate start, ZoneId zone, int weeks, Instant now) {
        // A first guess from the local date, then settled on the instants themselves, which are what "ended" means.
        long days = ChronoUnit.DAYS.between(start, LocalDate.ofInstant(now, zone));
        int ended = (int) Math.max(0, Math.min(weeks, Math.floorDiv(days, DAYS_PER_WEEK)));
        while (ended < weeks && !end(start, zone, ended + 1).isAfter(now)) {
            ended++;
        }
        while (ended > 0 && end(start, zone, ended).isAfter(now)) {
            ended--;
        }
        return ended;
    }

    /** When the first of the plan's {@code weeks} weeks that has not ended by {@code now} ends; null when all have. */
    public static Instant next(LocalDate start, ZoneId zone, int weeks, Instant now) {
        int ended = endedBy(start, zone, weeks, now);
        return ended >= weeks ? null : end(start, zone, ended + 1);
    }
}
