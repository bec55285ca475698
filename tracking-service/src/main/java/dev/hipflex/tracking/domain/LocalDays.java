package dev.hipflex.tracking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Local calendar days: the unit every adherence figure counts in. */
public final class LocalDays {

    private LocalDays() {
    }

    /**
     * The date on the person's clock when a session started. The zone's rules at that very instant decide the offset,
     * so a session at 00:30 in Berlin (still the previous day in UTC), at 23:30 on a daylight-saving change day, or
     * in the repeated hour of a fall-back night lands on the date the person saw.
     */
    public static LocalDate localDay(Instant start, ZoneId zone) {
        return LocalDate.ofInstant(start, zone);
    }
}
