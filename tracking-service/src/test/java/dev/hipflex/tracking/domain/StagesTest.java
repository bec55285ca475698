package dev.hipflex.tracking.domain;

import static dev.hipflex.tracking.domain.TestPlans.CATALOG_SCHEDULE;
import static dev.hipflex.tracking.domain.TestPlans.CATALOG_STAGES;
import static dev.hipflex.tracking.domain.TestPlans.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.hipflex.tracking.domain.Adherence.CurrentStage;

class StagesTest {

    @ParameterizedTest
    @CsvSource({ "1, days-1-7", "7, days-1-7", "8, weeks-2-4", "28, weeks-2-4", "29, weeks-4-8", "56, weeks-4-8",
            "57, weeks-8-12", "84, weeks-8-12" })
    void the_plan_day_falls_in_its_stage(int planDay, String slug) {
        CurrentStage stage = new History().onDay(planDay).currentStage();

        assertThat(stage.slug()).isEqualTo(slug);
        assertThat(stage.beyondTimeline()).isFalse();
    }

    @Test
    void the_stage_comes_with_what_to_expect_in_it() {
        CurrentStage stage = new History().onDay(10).currentStage();

        assertThat(stage.title()).isEqualTo("Weeks 2–4");
        assertThat(stage.fromDay()).isEqualTo(8);
        assertThat(stage.toDay()).isEqualTo(28);
        assertThat(stage.whatToExpect()).contains("Noticeable decrease in daily hip flexor pain");
    }

    @Test
    void after_the_last_stage_the_last_stage_stays_flagged_beyond_the_timeline() {
        CurrentStage stage = new History().onDay(85).currentStage();

        assertThat(stage.slug()).isEqualTo("weeks-8-12");
        assertThat(stage.beyondTimeline()).isTrue();
    }

    @Test
    void stages_are_used_in_day_order_whatever_order_they_come_in() {
        List<RecoveryStage> shuffled = new ArrayList<>(CATALOG_STAGES);
        Collections.reverse(shuffled);
        Plan plan = new Plan(START, TestPlans.BERLIN, CATALOG_SCHEDULE, shuffled);

        assertThat(plan.stages()).extracting(RecoveryStage::slug)
                .containsExactly("days-1-7", "weeks-2-4", "weeks-4-8", "weeks-8-12");
        assertThat(new History().compute(plan, TestPlans.day(30)).currentStage().slug()).isEqualTo("weeks-4-8");
    }

    @Test
    void without_a_timeline_there_is_no_stage() {
        Plan plan = new Plan(START, TestPlans.BERLIN, CATALOG_SCHEDULE, List.of());

        assertThat(new History().compute(plan, TestPlans.day(3)).currentStage()).isNull();
    }
}
