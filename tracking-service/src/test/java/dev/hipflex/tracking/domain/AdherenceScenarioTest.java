package dev.hipflex.tracking.domain;

import static dev.hipflex.tracking.domain.TestPlans.day;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.hipflex.tracking.domain.Adherence.Direction;
import dev.hipflex.tracking.domain.Adherence.Week;

/** The plan as the catalog means it: every day for two weeks, then three sessions a week, pain easing 5 → 2. */
class AdherenceScenarioTest {

    private static History followedPlan() {
        History history = new History().daily(1, 14);
        for (int week = 3; week <= 12; week++) {
            int first = (week - 1) * 7 + 1;
            history.daily(first, first).daily(first + 2, first + 2).daily(first + 4, first + 4);
        }
        int[] weeklyPain = { 5, 4, 3, 2 };
        for (int week = 1; week <= 4; week++) {
            history.checkIn(day((week - 1) * 7 + 3), weeklyPain[week - 1]);
        }
        return history;
    }

    @Test
    void weeks_1_and_2_are_complete_and_every_day_of_weeks_2_to_4_is_on_track() {
        History history = followedPlan();

        IntStream.rangeClosed(15, 28).forEach(planDay -> {
            Adherence adherence = history.onDay(planDay);
            assertThat(adherence.weeks().subList(0, 2)).allSatisfy(week -> assertThat(week)
                    .returns(7, Week::expected).returns(7, Week::done).returns(true, Week::met));
            assertThat(adherence.weeks()).allMatch(Week::met);
            assertThat(adherence.overallPercent()).as("day %d", planDay).isEqualTo(100.0);
            assertThat(adherence.currentStage().slug()).isEqualTo("weeks-2-4");
            assertThat(adherence.alert()).isNull();
        });
    }

    @Test
    void pain_falling_from_5_to_2_is_a_meaningful_improvement_and_raises_no_alert() {
        Adherence adherence = followedPlan().onDay(28);

        assertThat(adherence.painTrend().first().average()).isEqualTo(5.0);
        assertThat(adherence.painTrend().latest().average()).isEqualTo(2.0);
        assertThat(adherence.painTrend().change()).isEqualTo(-3.0);
        assertThat(adherence.painTrend().meaningful()).isTrue();
        assertThat(adherence.painTrend().direction()).isEqualTo(Direction.IMPROVING);
        assertThat(followedPlan().onDay(29).alert()).isNull();
        assertThat(followedPlan().onDay(84).alert()).isNull();
    }

    @Test
    void the_whole_plan_followed_is_100_percent_in_the_last_stage() {
        Adherence adherence = followedPlan().onDay(85);

        assertThat(adherence.weeks()).hasSize(12).allMatch(Week::met).allMatch(Week::complete);
        assertThat(adherence.overallPercent()).isEqualTo(100.0);
        assertThat(adherence.currentStage().slug()).isEqualTo("weeks-8-12");
        assertThat(adherence.currentStage().beyondTimeline()).isTrue();
        assertThat(adherence.longestStreak()).isEqualTo(15);
    }

    @Test
    void adherence_is_json_with_words_and_iso_dates() throws Exception {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        JsonNode tree = json.valueToTree(new History().daily(1, 3, s -> s.without(Phase.STRENGTHEN))
                .checkIn(day(1), 5).onDay(3));

        assertThat(tree.get("asOf").asText()).isEqualTo("2024-03-08");
        assertThat(tree.at("/weeks/0/from").asText()).isEqualTo("2024-03-06");
        assertThat(tree.at("/weeks/0/unit").asText()).isEqualTo("days");
        assertThat(tree.at("/skippedPhases/0/phase").asText()).isEqualTo("strengthen");
        assertThat(tree.at("/currentStage/slug").asText()).isEqualTo("days-1-7");
        assertThat(tree.at("/painTrend/latest").isNull()).isTrue();
        assertThat(tree.get("alert").isNull()).isTrue();
    }
}
