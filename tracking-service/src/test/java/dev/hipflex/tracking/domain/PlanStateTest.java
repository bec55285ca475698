package dev.hipflex.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class PlanStateTest {

    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static RecommendationSummary recommendation(String level, String at, ZoneId zone) {
        return new RecommendationSummary(UUID.randomUUID(), "p-1", zone.getId(), Instant.parse(at), level,
                "complete-release-protocol", List.of("dead-bug"), List.of());
    }

    @Test
    void a_first_recommendation_starts_the_plan_on_the_persons_local_date() {
        // 11:30 UTC on the 20th is already the 21st in Auckland.
        PlanState plan = PlanState.after(null, recommendation("self-care", "2026-11-20T11:30:00Z", AUCKLAND));

        assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(plan.startDate()).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(plan.exercises()).containsExactly("dead-bug");
        assertThat(plan.nextWeekClose()).isEqualTo(WeekEnds.end(plan.startDate(), AUCKLAND, 1));
    }

    @Test
    void the_same_recommendation_again_changes_nothing() {
        RecommendationSummary first = recommendation("self-care", "2026-11-20T08:00:00Z", BERLIN);
        PlanState plan = PlanState.after(null, first);

        assertThat(PlanState.after(plan, first)).isNull();
    }

    @Test
    void a_see_professional_recommendation_does_not_start_the_plan_until_a_later_one_lets_it() {
        PlanState waiting = PlanState.after(null, recommendation("see-professional", "2026-11-20T08:00:00Z", BERLIN));

        assertThat(waiting.status()).isEqualTo(PlanStatus.SEE_PROFESSIONAL_FIRST);
        assertThat(waiting.nextWeekClose()).isNull();

        PlanState started = PlanState.after(waiting, recommendation("self-care", "2026-12-01T08:00:00Z", BERLIN));
        assertThat(started.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(started.startDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(started.nextWeekClose()).isEqualTo(WeekEnds.end(LocalDate.of(2026, 12, 1), BERLIN, 1));
    }

    @Test
    void a_running_plan_keeps_its_start_and_its_next_week_close() {
        PlanState running = PlanState.after(null, recommendation("self-care", "2026-11-20T08:00:00Z", BERLIN));
        PlanState announced = new PlanState(running.status(), running.startDate(), running.zone(), running.protocol(),
                running.level(), running.reportId(), running.exercises(), WeekEnds.end(running.startDate(), BERLIN, 3));

        PlanState later = PlanState.after(announced, recommendation("self-care-with-caution", "2026-12-08T08:00:00Z", BERLIN));

        assertThat(later.startDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(later.level()).isEqualTo("self-care-with-caution");
        assertThat(later.nextWeekClose()).isEqualTo(WeekEnds.end(running.startDate(), BERLIN, 3));
    }

    @Test
    void a_running_plan_in_another_zone_is_looked_at_again_from_week_1() {
        PlanState running = PlanState.after(null, recommendation("self-care", "2026-11-20T08:00:00Z", BERLIN));
        PlanState announced = new PlanState(running.status(), running.startDate(), running.zone(), running.protocol(),
                running.level(), running.reportId(), running.exercises(), WeekEnds.end(running.startDate(), BERLIN, 3));

        PlanState moved = PlanState.after(announced, recommendation("self-care", "2026-12-08T08:00:00Z", AUCKLAND));

        assertThat(moved.startDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(moved.zone()).isEqualTo(AUCKLAND);
        assertThat(moved.nextWeekClose()).isEqualTo(WeekEnds.end(running.startDate(), AUCKLAND, 1));
    }

    @Test
    void a_see_professional_recommendation_stops_a_running_plan_and_a_later_one_restarts_it() {
        PlanState running = PlanState.after(null, recommendation("self-care", "2026-11-20T08:00:00Z", BERLIN));

        PlanState stopped = PlanState.after(running, recommendation("urgent-care", "2026-11-25T08:00:00Z", BERLIN));
        PlanState restarted = PlanState.after(stopped, recommendation("self-care", "2026-12-10T08:00:00Z", BERLIN));

        assertThat(stopped.status()).isEqualTo(PlanStatus.SEE_PROFESSIONAL_FIRST);
        assertThat(stopped.nextWeekClose()).isNull();
        assertThat(restarted.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(restarted.startDate()).isEqualTo(LocalDate.of(2026, 12, 10));
    }
}
