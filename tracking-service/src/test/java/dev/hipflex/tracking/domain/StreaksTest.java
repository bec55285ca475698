package dev.hipflex.tracking.domain;

import static dev.hipflex.tracking.domain.TestPlans.day;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreaksTest {

    @Test
    void a_streak_counts_days_with_a_session_not_sessions() {
        Adherence adherence = new History().sessions(day(1), 3).sessions(day(2), 2).sessions(day(3), 1).onDay(3);

        assertThat(adherence.currentStreak()).isEqualTo(3);
        assertThat(adherence.longestStreak()).isEqualTo(3);
    }

    @Test
    void today_without_a_session_yet_keeps_the_streak_that_ended_yesterday() {
        assertThat(new History().daily(1, 5).onDay(6).currentStreak()).isEqualTo(5);
    }

    @Test
    void a_whole_day_without_a_session_breaks_the_streak() {
        Adherence adherence = new History().daily(1, 5).onDay(7);

        assertThat(adherence.currentStreak()).isZero();
        assertThat(adherence.longestStreak()).isEqualTo(5);
    }

    @Test
    void the_longest_streak_survives_gaps_and_the_current_one_restarts_after_them() {
        Adherence adherence = new History().daily(1, 6).daily(8, 9).daily(11, 13).onDay(13);

        assertThat(adherence.currentStreak()).isEqualTo(3);
        assertThat(adherence.longestStreak()).isEqualTo(6);
    }

    @Test
    void sessions_before_the_start_date_do_not_extend_a_streak() {
        Adherence adherence = new History().daily(-3, 2).onDay(2);

        assertThat(adherence.currentStreak()).isEqualTo(2);
        assertThat(adherence.longestStreak()).isEqualTo(2);
    }

    @Test
    void no_sessions_no_streak() {
        Adherence adherence = new History().onDay(1);

        assertThat(adherence.currentStreak()).isZero();
        assertThat(adherence.longestStreak()).isZero();
    }
}
