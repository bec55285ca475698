package dev.hipflex.tracking.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A person's plan as the adherence engine sees it. The schedule and the recovery stages come from the catalog's
 * protocol and timeline; a restart is simply a plan with a new start date.
 *
 * @param startDate the person's local date of plan day 1
 * @param zone the person's time zone, to turn session instants into local days (see {@link LocalDays})
 * @param stages the recovery timeline, kept sorted by {@code fromDay}
 */
public record Plan(LocalDate startDate, ZoneId zone, Schedule schedule, List<RecoveryStage> stages) {

    public static final int DAYS_PER_WEEK = 7;

    public Plan {
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(stages, "stages");
        if (schedule.dailyForWeeks() < 0 || schedule.totalWeeks() < 0) {
            throw new IllegalArgumentException("schedule weeks must not be negative: " + schedule);
        }
        // At most one session falls due per day: prorating the current week relies on it (see AdherenceEngine).
        if (schedule.minSessionsPerWeek() < 0 || schedule.minSessionsPerWeek() > DAYS_PER_WEEK) {
            throw new IllegalArgumentException("minSessionsPerWeek must be 0–7: " + schedule);
        }
        stages = stages.stream().sorted(Comparator.comparingInt(RecoveryStage::fromDay)).toList();
    }

    /** The plan day of a local date: 1 for the start date, 0 or less before it. */
    public int dayNumber(LocalDate day) {
        return Math.toIntExact(ChronoUnit.DAYS.between(startDate, day)) + 1;
    }
}
