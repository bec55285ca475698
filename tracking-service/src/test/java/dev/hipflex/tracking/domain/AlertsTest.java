package dev.hipflex.tracking.domain;

import static dev.hipflex.tracking.domain.TestPlans.START;
import static dev.hipflex.tracking.domain.TestPlans.day;
import static dev.hipflex.tracking.domain.TestPlans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.hipflex.tracking.domain.Adherence.Alert;
import dev.hipflex.tracking.domain.Adherence.Alert.Level;

class AlertsTest {

    /** Every session of the catalog schedule up to plan day 28: daily for two weeks, then 3 a week. */
    private static History fullFourWeeks() {
        return new History().daily(1, 14).daily(15, 15).daily(17, 17).daily(19, 19).daily(22, 22).daily(24, 24)
                .daily(26, 26);
    }

    /** The same pain in week 1 and in week 4. */
    private static History steadyPain(History history) {
        return history.checkIn(day(1), 5).checkIn(day(22), 5);
    }

    @Test
    void exactly_80_percent_after_4_weeks_without_improvement_sends_to_a_professional() {
        // 10 of 14 days, then 3 + 3 sessions: 16 of 20 due
        History history = steadyPain(new History().daily(1, 5).daily(8, 12).daily(15, 15).daily(17, 17)
                .daily(19, 19).daily(22, 22).daily(24, 24).daily(26, 26));

        Adherence adherence = history.onDay(29);

        assertThat(adherence.overallPercent()).isEqualTo(80.0);
        assertThat(adherence.alert()).returns(Level.SEE_PROFESSIONAL, Alert::level)
                .returns("see-professional:no-improvement", Alert::key);
        assertThat(adherence.alert().reason()).contains("4 weeks", "physiotherapist");
    }

    @Test
    void below_80_percent_after_4_weeks_is_a_consistency_nudge_instead() {
        // 9 of 14 days, then 3 + 3 sessions: 15 of 20 due
        History history = steadyPain(new History().daily(1, 4).daily(8, 12).daily(15, 15).daily(17, 17)
                .daily(19, 19).daily(22, 22).daily(24, 24).daily(26, 26));

        Adherence adherence = history.onDay(29);

        assertThat(adherence.overallPercent()).isEqualTo(75.0);
        assertThat(adherence.alert()).returns(Level.CONSISTENCY, Alert::level)
                .returns("consistency:week-5", Alert::key);
    }

    @Test
    void a_session_logged_for_an_earlier_week_raises_no_consistency_nudge_but_a_referral_still_comes() {
        // Same figures as above (75 %, week 5): the nudge applies now...
        History history = steadyPain(new History().daily(1, 4).daily(8, 12).daily(15, 15).daily(17, 17)
                .daily(19, 19).daily(22, 22).daily(24, 24).daily(26, 26));
        Adherence adherence = history.onDay(29);
        assertThat(adherence.alert()).returns(Level.CONSISTENCY, Alert::level);

        // ...but a session dated in week 4 or before is the person catching up their log; one in week 5 is not.
        assertThat(adherence.alertOnSession(day(1))).isNull();
        assertThat(adherence.alertOnSession(day(28))).isNull();
        assertThat(adherence.alertOnSession(day(29))).isEqualTo(adherence.alert());

        // A referral never waits: worse or unimproved pain is raised whatever day the session is logged for.
        Adherence referral = steadyPain(new History().daily(1, 5).daily(8, 12).daily(15, 15).daily(17, 17)
                .daily(19, 19).daily(22, 22).daily(24, 24).daily(26, 26)).onDay(29);
        assertThat(referral.alertOnSession(day(1))).returns("see-professional:no-improvement", Alert::key);
    }

    @Test
    void at_79_9_percent_the_work_is_not_consistent_yet() {
        // 163 of 204 due days is 79.90 %, which needs a long daily schedule; 164 of 204 is 80.39 %.
        Schedule longDaily = new Schedule(30, 3, 4, 30);
        History almost = steadyPain(new History().daily(1, 163)).checkIn(day(200), 5);
        History enough = steadyPain(new History().daily(1, 164)).checkIn(day(200), 5);

        Adherence below = almost.compute(plan(START, longDaily), day(205));
        Adherence above = enough.compute(plan(START, longDaily), day(205));

        assertThat(below.overallPercent()).isEqualTo(79.9);
        assertThat(below.alert()).returns(Level.CONSISTENCY, Alert::level);
        assertThat(above.overallPercent()).isEqualTo(80.3);
        assertThat(above.alert()).returns("see-professional:no-improvement", Alert::key);
    }

    @Test
    void no_improvement_needs_4_complete_weeks() {
        History history = steadyPain(fullFourWeeks());

        assertThat(history.onDay(28).overallPercent()).isEqualTo(100.0);
        assertThat(history.onDay(28).alert()).isNull();
        assertThat(history.onDay(29).alert()).returns("see-professional:no-improvement", Alert::key);
    }

    @Test
    void the_consistency_nudge_starts_in_week_4_and_comes_once_a_week() {
        History nothing = new History().daily(1, 3);

        assertThat(nothing.onDay(21).alert()).isNull();
        assertThat(nothing.onDay(22).alert()).returns(Level.CONSISTENCY, Alert::level)
                .returns("consistency:week-4", Alert::key);
        assertThat(nothing.onDay(28).alert().key()).isEqualTo("consistency:week-4");
        assertThat(nothing.onDay(29).alert().key()).isEqualTo("consistency:week-5");
    }

    @Test
    void no_consistency_nudge_once_the_plan_is_over() {
        assertThat(new History().daily(1, 3).onDay(85).alert()).isNull();
    }

    @Test
    void a_meaningful_improvement_raises_nothing() {
        History history = fullFourWeeks().checkIn(day(1), 5).checkIn(day(22), 3);

        assertThat(history.onDay(29).alert()).isNull();
    }

    @Test
    void without_pain_data_reaching_week_4_no_lack_of_improvement_is_shown() {
        assertThat(fullFourWeeks().onDay(29).alert()).isNull();
        assertThat(fullFourWeeks().checkIn(day(1), 5).checkIn(day(8), 5).onDay(29).alert()).isNull();
    }

    @Test
    void meaningfully_worse_pain_after_week_2_sends_to_a_professional_at_once() {
        History history = new History().daily(1, 16).checkIn(day(1), 3).checkIn(day(15), 5);

        assertThat(history.onDay(16).alert()).returns(Level.SEE_PROFESSIONAL, Alert::level)
                .returns("see-professional:worsening", Alert::key);
    }

    @Test
    void worse_pain_in_the_first_two_weeks_is_expected_soreness() {
        History history = new History().daily(1, 10).checkIn(day(1), 3).checkIn(day(8), 6);

        assertThat(history.onDay(10).painTrend().direction()).isEqualTo(Adherence.Direction.WORSENING);
        assertThat(history.onDay(10).alert()).isNull();
    }

    @Test
    void worse_pain_comes_before_a_consistency_nudge() {
        History history = new History().checkIn(day(1), 3).checkIn(day(22), 6);

        assertThat(history.onDay(22).alert()).returns("see-professional:worsening", Alert::key);
    }

    @Test
    void pain_slightly_worse_is_no_improvement_not_worsening() {
        History history = fullFourWeeks().checkIn(day(1), 5).checkIn(day(22), 6);

        assertThat(history.onDay(29).alert().key()).isEqualTo("see-professional:no-improvement");
    }
}
