package dev.hipflex.tracking.domain;

import static dev.hipflex.tracking.domain.TestPlans.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.hipflex.tracking.domain.Adherence.Direction;
import dev.hipflex.tracking.domain.Adherence.PainTrend;
import dev.hipflex.tracking.domain.Adherence.WeeklyPain;

class PainTrendTest {

    /** Check-ins on plan day 1 (week 1), and on days 15… (week 3), one a day. */
    private static PainTrend trend(int[] firstWeek, int[] thirdWeek) {
        History history = new History();
        for (int pain : firstWeek) {
            history.checkIn(day(1), pain);
        }
        for (int i = 0; i < thirdWeek.length; i++) {
            history.checkIn(day(15 + i % 7), thirdWeek[i]);
        }
        return history.onDay(21).painTrend();
    }

    private static int[] repeat(int pain, int times, int otherPain, int otherTimes) {
        int[] samples = new int[times + otherTimes];
        Arrays.fill(samples, 0, times, pain);
        Arrays.fill(samples, times, samples.length, otherPain);
        return samples;
    }

    @ParameterizedTest(name = "{0} → {1}: meaningful {3}")
    @CsvSource({
            // 2 points but only 25 %: not an improvement (Farrar 2001 asks for both)
            "'8', '6', -2.0, false, STEADY",
            // 2.4 points, exactly 30 %: improved
            "'8', '5 6 6 5 6', -2.4, true, IMPROVING",
            // 1.8 points, 22.5 %: not
            "'8', '6 6 6 7 6', -1.8, false, STEADY",
            // 1.5 points, exactly 30 % of 5: meaningful
            "'5', '3 4', -1.5, true, IMPROVING",
            // 1.4 points, 28 %: not
            "'5', '3 4 4 3 4', -1.4, false, STEADY",
            // exactly 1 point, 33 %: improved
            "'3', '2', -1.0, true, IMPROVING",
            // 30 % of 3 is 0.9 points: below measurement error, not an improvement
            "'3', '2 2 2 2 2 2 2 2 3 2', -0.9, false, STEADY",
            // worse by exactly 2 points
            "'3', '5', 2.0, true, WORSENING",
            // worse by 1.8 points (60 %): a relative rise alone does not count
            "'3', '5 5 5 4 5', 1.8, false, STEADY",
            // 1 point and 50 %: improved
            "'2', '1', -1.0, true, IMPROVING",
            // from no pain only the 2 points count
            "'0', '1', 1.0, false, STEADY",
            "'0', '2', 2.0, true, WORSENING",
            "'4', '4', 0.0, false, STEADY" })
    void thresholds(String first, String third, double change, boolean meaningful, Direction direction) {
        PainTrend trend = trend(ints(first), ints(third));

        assertThat(trend.change()).isEqualTo(change);
        assertThat(trend.meaningful()).isEqualTo(meaningful);
        assertThat(trend.direction()).isEqualTo(direction);
    }

    @Test
    void just_below_2_points_worse_is_not_meaningful_even_when_the_rounded_change_shows_2() {
        // 3 → 4.98 (99 × 5 and 1 × 3): the change is 1.98, shown as 2.0
        PainTrend trend = trend(new int[] { 3 }, repeat(5, 99, 3, 1));

        assertThat(trend.latest().average()).isEqualTo(5.0);
        assertThat(trend.change()).isEqualTo(2.0);
        assertThat(trend.meaningful()).isFalse();
        assertThat(trend.direction()).isEqualTo(Direction.STEADY);
    }

    @Test
    void just_below_30_percent_is_not_meaningful_even_when_the_rounded_change_shows_30_percent() {
        // 5 → 3.51 (49 × 3 and 51 × 4): the change is 1.49 (29.8 %), shown as -1.5
        PainTrend trend = trend(new int[] { 5 }, repeat(3, 49, 4, 51));

        assertThat(trend.change()).isEqualTo(-1.5);
        assertThat(trend.meaningful()).isFalse();
    }

    @Test
    void check_ins_and_session_pain_count_alike_in_the_weekly_average() {
        History history = new History().checkIn(day(2), 6).add(Session.on(day(3)).pain(4))
                .add(Session.on(day(9)).pain(2)).add(Session.on(day(9)));

        PainTrend trend = history.onDay(10).painTrend();

        assertThat(trend.weeks()).extracting(WeeklyPain::week, WeeklyPain::average, WeeklyPain::samples)
                .containsExactly(tuple(1, 5.0, 2), tuple(2, 2.0, 1));
        assertThat(trend.change()).isEqualTo(-3.0);
    }

    @Test
    void the_earliest_and_the_latest_weeks_with_pain_are_compared() {
        History history = new History().checkIn(day(10), 6).checkIn(day(20), 5).checkIn(day(30), 3);

        PainTrend trend = history.onDay(40).painTrend();

        assertThat(trend.first()).returns(2, WeeklyPain::week).returns(6.0, WeeklyPain::average);
        assertThat(trend.latest()).returns(5, WeeklyPain::week).returns(3.0, WeeklyPain::average);
        assertThat(trend.weeks()).extracting(WeeklyPain::week).containsExactly(2, 3, 5);
        assertThat(trend.direction()).isEqualTo(Direction.IMPROVING);
    }

    @Test
    void one_week_of_pain_gives_no_trend_yet() {
        PainTrend trend = new History().checkIn(day(1), 5).checkIn(day(6), 4).onDay(10).painTrend();

        assertThat(trend.first()).returns(1, WeeklyPain::week).returns(4.5, WeeklyPain::average);
        assertThat(trend.latest()).isNull();
        assertThat(trend.change()).isNull();
        assertThat(trend.meaningful()).isNull();
        assertThat(trend.direction()).isNull();
    }

    @Test
    void pain_outside_the_plan_so_far_is_ignored() {
        PainTrend trend = new History().checkIn(day(0), 9).checkIn(day(12), 1).checkIn(day(3), 5).onDay(10)
                .painTrend();

        assertThat(trend.weeks()).singleElement().returns(5.0, WeeklyPain::average);
    }

    @Test
    void no_pain_no_trend() {
        PainTrend trend = new History().daily(1, 3).onDay(3).painTrend();

        assertThat(trend.weeks()).isEmpty();
        assertThat(trend.first()).isNull();
        assertThat(trend.latest()).isNull();
    }

    private static int[] ints(String spaced) {
        return Arrays.stream(spaced.trim().split(" +")).mapToInt(Integer::parseInt).toArray();
    }
}
