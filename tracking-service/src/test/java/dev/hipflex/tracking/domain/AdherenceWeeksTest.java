package dev.hipflex.tracking.domain;

import static dev.hipflex.tracking.domain.TestPlans.START;
import static dev.hipflex.tracking.domain.TestPlans.day;
import static dev.hipflex.tracking.domain.TestPlans.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hipflex.tracking.domain.Adherence.Unit;
import dev.hipflex.tracking.domain.Adherence.Week;

class AdherenceWeeksTest {

    @Test
    void plan_weeks_start_on_the_start_date_whatever_the_weekday() {
        Adherence adherence = new History().onDay(15);

        assertThat(adherence.planDay()).isEqualTo(15);
        assertThat(adherence.weeks()).extracting(Week::week, Week::from, Week::to, Week::unit, Week::complete)
                .containsExactly(
                        tuple(1, LocalDate.of(2024, 3, 6), LocalDate.of(2024, 3, 12), Unit.DAYS, true),
                        tuple(2, LocalDate.of(2024, 3, 13), LocalDate.of(2024, 3, 19), Unit.DAYS, true),
                        tuple(3, LocalDate.of(2024, 3, 20), LocalDate.of(2024, 3, 26), Unit.SESSIONS, false));
    }

    @Test
    void the_last_day_of_a_week_still_belongs_to_it_and_the_next_day_opens_the_next_week() {
        History history = new History().daily(1, 8);

        assertThat(history.onDay(7).weeks()).singleElement()
                .returns(7, Week::expected).returns(7, Week::done).returns(false, Week::complete);
        assertThat(history.onDay(8).weeks()).extracting(Week::week, Week::expected, Week::done, Week::complete)
                .containsExactly(tuple(1, 7, 7, true), tuple(2, 1, 1, false));
    }

    @Test
    void before_the_start_date_nothing_is_expected() {
        Adherence adherence = new History().sessions(START.minusDays(1), 1).compute(plan(START), START.minusDays(1));

        assertThat(adherence.planDay()).isZero();
        assertThat(adherence.weeks()).isEmpty();
        assertThat(adherence.overallPercent()).isEqualTo(100.0);
        assertThat(adherence.currentStage()).isNull();
        assertThat(adherence.currentStreak()).isZero();
        assertThat(adherence.alert()).isNull();
    }

    @Test
    void today_counts_as_due_only_once_it_has_a_session() {
        History history = new History().daily(1, 3);

        assertThat(history.onDay(4).weeks()).singleElement()
                .returns(3, Week::expected).returns(3, Week::done).returns(true, Week::met);
        assertThat(history.onDay(4).overallPercent()).isEqualTo(100.0);

        history.daily(4, 4);
        assertThat(history.onDay(4).weeks()).singleElement().returns(4, Week::expected).returns(4, Week::done);
    }

    @Test
    void several_sessions_on_one_day_count_once_in_the_daily_weeks() {
        History history = new History().sessions(day(1), 3).sessions(day(9), 2);

        assertThat(history.onDay(15).weeks()).extracting(Week::week, Week::target, Week::expected, Week::done,
                Week::met).startsWith(tuple(1, 7, 7, 1, false), tuple(2, 7, 7, 1, false));
    }

    @Test
    void each_session_counts_in_the_later_weeks() {
        History history = new History().daily(1, 14).sessions(day(16), 3);

        assertThat(history.onDay(22).weeks().get(2))
                .returns(3, Week::target).returns(3, Week::expected).returns(3, Week::done).returns(true, Week::met);
    }

    @Test
    void a_gap_is_missed_days_and_doing_more_later_does_not_make_up_for_it() {
        History history = new History().daily(1, 2).daily(6, 14).sessions(day(15), 7);

        Adherence adherence = history.onDay(22);

        assertThat(adherence.weeks()).extracting(Week::done).containsExactly(4, 7, 7, 0);
        // (4 + 7 + min(7, 3)) / (7 + 7 + 3) = 14 / 17 = 82.35… → 82.3 (rounded down)
        assertThat(adherence.overallPercent()).isEqualTo(82.3);
    }

    @Test
    void the_current_later_week_expects_the_pace_that_reaches_the_minimum_on_its_last_day() {
        History history = new History().daily(1, 14);

        // Week 3 is plan days 15–21; 3 sessions are due by its end, one every 7/3 days (rounded down).
        assertThat(history.onDay(15).weeks().get(2).expected()).isZero();
        assertThat(history.onDay(17).weeks().get(2).expected()).isZero();
        assertThat(history.onDay(18).weeks().get(2).expected()).isEqualTo(1);
        assertThat(history.onDay(20).weeks().get(2).expected()).isEqualTo(2);
        assertThat(history.onDay(21).weeks().get(2).expected()).isEqualTo(2);
        assertThat(history.onDay(18).weeks().get(2)).returns(false, Week::met);
        assertThat(history.onDay(18).overallPercent()).isEqualTo(93.3);

        history.sessions(day(21), 1);
        assertThat(history.onDay(21).weeks().get(2)).returns(3, Week::expected).returns(1, Week::done);
        assertThat(history.onDay(22).weeks().get(2)).returns(3, Week::expected).returns(true, Week::complete);
    }

    @Test
    void weeks_stop_at_the_end_of_the_schedule_while_the_plan_day_goes_on() {
        Adherence adherence = new History().onDay(100);

        assertThat(adherence.planDay()).isEqualTo(100);
        assertThat(adherence.weeks()).hasSize(12).allMatch(Week::complete);
        assertThat(adherence.weeks().get(11).to()).isEqualTo(day(84));
    }

    @Test
    void the_overall_percentage_is_rounded_down_to_one_decimal() {
        // 2 of 3 days: 66.66… shows 66.6
        assertThat(new History().daily(1, 2).onDay(4).overallPercent()).isEqualTo(66.6);
    }

    @Test
    void days_after_today_are_ignored() {
        Adherence adherence = new History().daily(1, 3).sessions(day(5), 1).onDay(3);

        assertThat(adherence.weeks()).singleElement().returns(3, Week::done);
        assertThat(adherence.longestStreak()).isEqualTo(3);
    }

    @Test
    void a_restart_counts_from_the_new_start_date_only() {
        History history = new History().daily(1, 10).daily(15, 16);
        LocalDate restart = day(15);

        Adherence adherence = history.compute(plan(restart), restart.plusDays(2));

        assertThat(adherence.planDay()).isEqualTo(3);
        assertThat(adherence.weeks()).singleElement()
                .returns(restart, Week::from).returns(2, Week::expected).returns(2, Week::done);
        assertThat(adherence.longestStreak()).isEqualTo(2);
        assertThat(adherence.currentStage().slug()).isEqualTo("days-1-7");
    }

    @Test
    void two_aggregates_of_one_date_are_added_up() {
        DaySessions morning = History.aggregate(List.of(Session.on(day(15)))).get(0);

        Adherence adherence = AdherenceEngine.compute(plan(START),
                List.of(morning, morning, morning), List.of(), day(22));

        assertThat(adherence.weeks().get(2).done()).isEqualTo(3);
    }

    @Test
    void a_schedule_without_daily_weeks_counts_sessions_from_week_1() {
        Schedule weekly = new Schedule(0, 3, 4, 4);

        Adherence adherence = new History().sessions(day(1), 2).sessions(day(3), 1).compute(plan(START, weekly),
                day(8));

        assertThat(adherence.weeks().get(0)).returns(Unit.SESSIONS, Week::unit).returns(3, Week::done)
                .returns(true, Week::met);
    }
}
