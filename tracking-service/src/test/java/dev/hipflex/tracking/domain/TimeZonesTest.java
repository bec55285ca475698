package dev.hipflex.tracking.domain;

import static dev.hipflex.tracking.domain.LocalDays.localDay;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import dev.hipflex.tracking.domain.Adherence.Week;

class TimeZonesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Instant local(String dateTime, ZoneId zone) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    @Test
    void berlin_late_evening_and_just_after_midnight() {
        Instant lateEvening = local("2024-01-15T23:30", BERLIN);
        Instant afterMidnight = local("2024-01-16T00:30", BERLIN);

        assertThat(lateEvening).isEqualTo(Instant.parse("2024-01-15T22:30:00Z"));
        assertThat(localDay(lateEvening, BERLIN)).isEqualTo(LocalDate.of(2024, 1, 15));
        // Still the 15th in UTC, already the 16th on the person's clock.
        assertThat(localDay(afterMidnight, ZoneOffset.UTC)).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(localDay(afterMidnight, BERLIN)).isEqualTo(LocalDate.of(2024, 1, 16));
    }

    @Test
    void berlin_summer_time_midnight() {
        Instant afterMidnight = Instant.parse("2024-07-01T22:30:00Z");

        assertThat(localDay(afterMidnight, BERLIN)).isEqualTo(LocalDate.of(2024, 7, 2));
    }

    @Test
    void auckland_is_a_day_ahead_of_utc_in_the_morning() {
        Instant morning = local("2024-01-15T08:00", AUCKLAND);

        assertThat(morning).isEqualTo(Instant.parse("2024-01-14T19:00:00Z"));
        assertThat(localDay(morning, AUCKLAND)).isEqualTo(LocalDate.of(2024, 1, 15));
    }

    @Test
    void auckland_fall_back_night_keeps_both_repeated_hours_on_one_day() {
        // New Zealand daylight saving ended at 03:00 on 7 April 2024; 02:30 happened twice.
        ZonedDateTime first = ZonedDateTime.ofLocal(LocalDateTime.parse("2024-04-07T02:30"), AUCKLAND, null);
        Instant second = first.withLaterOffsetAtOverlap().toInstant();

        assertThat(second).isAfter(first.toInstant());
        assertThat(localDay(first.toInstant(), AUCKLAND)).isEqualTo(LocalDate.of(2024, 4, 7));
        assertThat(localDay(second, AUCKLAND)).isEqualTo(LocalDate.of(2024, 4, 7));
    }

    @Test
    void new_york_spring_forward_day() {
        // 10 March 2024: clocks jumped from 02:00 to 03:00, the day had 23 hours.
        assertThat(localDay(Instant.parse("2024-03-10T05:30:00Z"), NEW_YORK)).isEqualTo(LocalDate.of(2024, 3, 10));
        assertThat(localDay(local("2024-03-10T23:30", NEW_YORK), NEW_YORK)).isEqualTo(LocalDate.of(2024, 3, 10));
        assertThat(local("2024-03-10T23:30", NEW_YORK)).isEqualTo(Instant.parse("2024-03-11T03:30:00Z"));
        assertThat(localDay(Instant.parse("2024-03-11T04:00:00Z"), NEW_YORK)).isEqualTo(LocalDate.of(2024, 3, 11));
    }

    @Test
    void new_york_fall_back_day() {
        // 3 November 2024: clocks went back from 02:00 to 01:00, the day had 25 hours.
        Instant firstOneThirty = Instant.parse("2024-11-03T05:30:00Z");
        Instant secondOneThirty = Instant.parse("2024-11-03T06:30:00Z");
        Instant lateEvening = local("2024-11-03T23:30", NEW_YORK);

        assertThat(localDay(firstOneThirty, NEW_YORK)).isEqualTo(LocalDate.of(2024, 11, 3));
        assertThat(localDay(secondOneThirty, NEW_YORK)).isEqualTo(LocalDate.of(2024, 11, 3));
        assertThat(lateEvening).isEqualTo(Instant.parse("2024-11-04T04:30:00Z"));
        assertThat(localDay(lateEvening, NEW_YORK)).isEqualTo(LocalDate.of(2024, 11, 3));
    }

    @Test
    void a_daily_week_across_spring_forward_has_seven_local_days() {
        LocalDate start = LocalDate.of(2024, 3, 7);
        History history = new History();
        for (int i = 0; i < 7; i++) {
            history.at(local(start.plusDays(i) + "T23:30", NEW_YORK), NEW_YORK);
        }
        Plan plan = new Plan(start, NEW_YORK, TestPlans.CATALOG_SCHEDULE, TestPlans.CATALOG_STAGES);

        Adherence adherence = history.compute(plan, start.plusDays(7));

        assertThat(adherence.weeks().get(0)).returns(7, Week::done).returns(true, Week::met);
        assertThat(adherence.currentStreak()).isEqualTo(7);
    }

    @Test
    void two_sessions_in_the_repeated_hour_of_fall_back_count_once_in_a_daily_week() {
        LocalDate start = LocalDate.of(2024, 11, 1);
        History history = new History()
                .at(Instant.parse("2024-11-03T05:30:00Z"), NEW_YORK)
                .at(Instant.parse("2024-11-03T06:30:00Z"), NEW_YORK)
                .at(local("2024-11-03T23:30", NEW_YORK), NEW_YORK);
        Plan plan = new Plan(start, NEW_YORK, TestPlans.CATALOG_SCHEDULE, TestPlans.CATALOG_STAGES);

        Adherence adherence = history.compute(plan, LocalDate.of(2024, 11, 4));

        assertThat(adherence.weeks().get(0)).returns(3, Week::expected).returns(1, Week::done);
    }

    @Test
    void a_late_session_in_berlin_counts_for_the_local_day_not_the_utc_one() {
        LocalDate start = LocalDate.of(2024, 1, 15);
        History history = new History()
                .at(local("2024-01-15T23:30", BERLIN), BERLIN)
                .at(local("2024-01-16T00:30", BERLIN), BERLIN);
        Plan plan = new Plan(start, BERLIN, TestPlans.CATALOG_SCHEDULE, TestPlans.CATALOG_STAGES);

        Adherence adherence = history.compute(plan, LocalDate.of(2024, 1, 16));

        assertThat(adherence.weeks().get(0)).returns(2, Week::expected).returns(2, Week::done);
        assertThat(adherence.currentStreak()).isEqualTo(2);
    }
}
