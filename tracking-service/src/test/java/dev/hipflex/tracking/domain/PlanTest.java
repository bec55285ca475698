package dev.hipflex.tracking.domain;

import static dev.hipflex.tracking.domain.TestPlans.BERLIN;
import static dev.hipflex.tracking.domain.TestPlans.CATALOG_STAGES;
import static dev.hipflex.tracking.domain.TestPlans.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PlanTest {

    @Test
    void plan_days_count_from_1_on_the_start_date() {
        Plan plan = TestPlans.plan(START);

        assertThat(plan.dayNumber(START)).isEqualTo(1);
        assertThat(plan.dayNumber(START.plusDays(7))).isEqualTo(8);
        assertThat(plan.dayNumber(START.minusDays(1))).isZero();
    }

    @Test
    void a_schedule_that_cannot_be_counted_is_rejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Plan(START, BERLIN, new Schedule(2, 8, 8, 12), CATALOG_STAGES));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Plan(START, BERLIN, new Schedule(-1, 3, 4, 12), CATALOG_STAGES));
    }
}
