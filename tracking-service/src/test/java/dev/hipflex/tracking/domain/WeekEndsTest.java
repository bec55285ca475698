package dev.hipflex.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class WeekEndsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    private static final ZoneId HAVANA = ZoneId.of("America/Havana");

    @Test
    void a_week_ends_at_the_local_midnight_after_its_seventh_day() {
        LocalDate start = LocalDate.of(2024, 1, 10);

        assertThat(WeekEnds.end(start, BERLIN, 1)).isEqualTo(Instant.parse("2024-01-16T23:00:00Z"));
        assertThat(WeekEnds.end(start, BERLIN, 2)).isEqualTo(Instant.parse("2024-01-23T23:00:00Z"));
        assertThat(WeekEnds.end(start, AUCKLAND, 1)).isEqualTo(Instant.parse("2024-01-16T11:00:00Z"));
    }

    @Test
    void a_week_over_the_spring_forward_night_lasts_167_hours() {
        // Berlin went from 02:00 to 03:00 on 29 March 2026: week 1 ends at midnight summer time.
        LocalDate start = LocalDate.of(2026, 3, 23);

        Instant end = WeekEnds.end(start, BERLIN, 1);

        assertThat(end).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(Duration.between(start.atStartOfDay(BERLIN).toInstant(), end)).isEqualTo(Duration.ofHours(167));
    }

    @Test
    void a_week_over_the_fall_back_night_lasts_169_hours() {
        // New York went back from 02:00 to 01:00 on 3 November 2024.
        LocalDate start = LocalDate.of(2024, 10, 30);

        Instant end = WeekEnds.end(start, NEW_YORK, 1);

        assertThat(end).isEqualTo(Instant.parse("2024-11-06T05:00:00Z"));
        assertThat(Duration.between(start.atStartOfDay(NEW_YORK).toInstant(), end)).isEqualTo(Duration.ofHours(169));
        // Auckland's fall back (7 April 2024) came one day before the week ended: midnight is already at +12:00.
        assertThat(WeekEnds.end(LocalDate.of(2024, 4, 1), AUCKLAND, 1)).isEqualTo(Instant.parse("2024-04-07T12:00:00Z"));
    }

    @Test
    void where_midnight_does_not_exist_the_week_ends_when_the_next_day_begins() {
        // Havana skipped from 00:00 to 01:00 on 10 March 2024: that day began at 01:00 (UTC−4).
        LocalDate start = LocalDate.of(2024, 3, 3);

        Instant end = WeekEnds.end(start, HAVANA, 1);

        assertThat(end).isEqualTo(Instant.parse("2024-03-10T05:00:00Z"));
        assertThat(WeekEnds.endedBy(start, HAVANA, 12, end.minusNanos(1))).isZero();
        assertThat(WeekEnds.endedBy(start, HAVANA, 12, end)).isEqualTo(1);
    }

    @Test
    void weeks_end_exactly_at_their_end_and_not_a_moment_before() {
        LocalDate start = LocalDate.of(2024, 1, 10);
        Instant end = WeekEnds.end(start, BERLIN, 1);

        assertThat(WeekEnds.endedBy(start, BERLIN, 12, end.minusMillis(1))).isZero();
        assertThat(WeekEnds.next(start, BERLIN, 12, end.minusMillis(1))).isEqualTo(end);
        assertThat(WeekEnds.endedBy(start, BERLIN, 12, end)).isEqualTo(1);
        assertThat(WeekEnds.next(start, BERLIN, 12, end)).isEqualTo(WeekEnds.end(start, BERLIN, 2));
    }

    @Test
    void before_the_start_nothing_has_ended_and_after_the_last_week_nothing_is_next() {
        LocalDate start = LocalDate.of(2024, 1, 10);

        assertThat(WeekEnds.endedBy(start, BERLIN, 12, Instant.parse("2023-12-01T00:00:00Z"))).isZero();
        assertThat(WeekEnds.next(start, BERLIN, 12, Instant.parse("2023-12-01T00:00:00Z")))
                .isEqualTo(WeekEnds.end(start, BERLIN, 1));
        Instant lastEnd = WeekEnds.end(start, BERLIN, 12);
        assertThat(WeekEnds.endedBy(start, BERLIN, 12, lastEnd.minusSeconds(1))).isEqualTo(11);
        assertThat(WeekEnds.endedBy(start, BERLIN, 12, lastEnd)).isEqualTo(12);
        assertThat(WeekEnds.endedBy(start, BERLIN, 12, lastEnd.plus(Duration.ofDays(400)))).isEqualTo(12);
        assertThat(WeekEnds.next(start, BERLIN, 12, lastEnd)).isNull();
        assertThat(WeekEnds.next(start, BERLIN, 0, lastEnd)).isNull();
        assertThatThrownBy(() -> WeekEnds.end(start, BERLIN, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Ended weeks are the weeks the engine shows as complete on the local date of the same instant. */
    @Test
    void ended_weeks_are_the_engines_complete_weeks_in_every_zone_and_around_every_change() {
        List<ZoneId> zones = List.of(BERLIN, NEW_YORK, AUCKLAND, HAVANA, ZoneId.of("Australia/Lord_Howe"),
                ZoneId.of("Asia/Kolkata"), ZoneId.of("UTC"));
        Random random = new Random(11);
        for (int i = 0; i < 5_000; i++) {
            ZoneId zone = zones.get(random.nextInt(zones.size()));
            LocalDate start = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(900));
            Schedule schedule = new Schedule(2, 3, 4, 1 + random.nextInt(14));
            // Now: near some week's end (within a few hours either side) or anywhere in the plan.
            Instant now = random.nextBoolean()
                    ? WeekEnds.end(start, zone, 1 + random.nextInt(16)).plusSeconds(random.nextInt(4 * 3600) - 2 * 3600)
                    : start.atStartOfDay(zone).toInstant().plusSeconds(random.nextLong(120L * 24 * 3600) - 10L * 24 * 3600);

            int ended = WeekEnds.endedBy(start, zone, schedule.totalWeeks(), now);
            Adherence adherence = AdherenceEngine.compute(new Plan(start, zone, schedule, TestPlans.CATALOG_STAGES),
                    List.of(), List.of(), LocalDate.ofInstant(now, zone));

            assertThat(ended).as("%s %s %s", zone, start, now)
                    .isEqualTo((int) adherence.weeks().stream().filter(Adherence.Week::complete).count());
            Instant next = WeekEnds.next(start, zone, schedule.totalWeeks(), now);
            if (ended < schedule.totalWeeks()) {
                assertThat(next).isAfter(now);
            } else {
                assertThat(next).isNull();
            }
            if (ended > 0) {
                assertThat(WeekEnds.end(start, zone, ended)).isBeforeOrEqualTo(now);
            }
        }
    }
}
