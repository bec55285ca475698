package dev.hipflex.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import dev.hipflex.tracking.domain.Adherence.OneSideOnly;
import dev.hipflex.tracking.domain.Adherence.PhaseSkip;

/** Skipped phases and one-sided work: the common mistakes seed 003 names. */
class HabitsTest {

    private static PhaseSkip skipOf(Adherence adherence, Phase phase) {
        return adherence.skippedPhases().stream().filter(skip -> skip.phase() == phase).findFirst().orElseThrow();
    }

    @Test
    void strengthening_skipped_in_half_of_the_recent_sessions_is_skipped_repeatedly() {
        Adherence adherence = new History().daily(1, 2, s -> s.without(Phase.STRENGTHEN)).daily(3, 4).onDay(4);

        assertThat(adherence.skippedPhases().get(0))
                .returns(Phase.STRENGTHEN, PhaseSkip::phase)
                .returns(4, PhaseSkip::sessions)
                .returns(2, PhaseSkip::skipped)
                .returns(50.0, PhaseSkip::skippedPercent)
                .returns(2, PhaseSkip::recentSkipped)
                .returns(true, PhaseSkip::repeatedly);
    }

    @Test
    void once_in_three_sessions_is_not_repeatedly() {
        Adherence adherence = new History().daily(1, 1, s -> s.without(Phase.STRENGTHEN)).daily(2, 3).onDay(3);

        assertThat(skipOf(adherence, Phase.STRENGTHEN)).returns(1, PhaseSkip::skipped)
                .returns(33.3, PhaseSkip::skippedPercent).returns(false, PhaseSkip::repeatedly);
    }

    @Test
    void fewer_than_three_recent_sessions_say_nothing_yet() {
        Adherence adherence = new History().daily(1, 2, s -> s.without(Phase.STRENGTHEN)).onDay(2);

        assertThat(skipOf(adherence, Phase.STRENGTHEN)).returns(2, PhaseSkip::skipped)
                .returns(false, PhaseSkip::repeatedly);
    }

    @Test
    void only_the_last_14_days_decide_repeatedly_while_the_totals_cover_the_whole_plan() {
        History history = new History().daily(1, 10, s -> s.without(Phase.STRENGTHEN)).daily(11, 24);

        PhaseSkip strengthen = skipOf(history.onDay(24), Phase.STRENGTHEN);

        assertThat(strengthen).returns(24, PhaseSkip::sessions).returns(10, PhaseSkip::skipped)
                .returns(41.6, PhaseSkip::skippedPercent).returns(14, PhaseSkip::recentSessions)
                .returns(0, PhaseSkip::recentSkipped).returns(false, PhaseSkip::repeatedly);
        // Day 11 is the oldest day of the window on day 24.
        assertThat(skipOf(history.onDay(23), Phase.STRENGTHEN).recentSkipped()).isEqualTo(1);
    }

    @Test
    void phases_skipped_repeatedly_come_first_strengthening_first_among_them() {
        Adherence none = new History().daily(1, 4).onDay(4);
        Adherence stretch = new History().daily(1, 4, s -> s.without(Phase.STRETCH)).onDay(4);
        Adherence both = new History().daily(1, 4, s -> s.without(Phase.STRETCH).without(Phase.STRENGTHEN))
                .onDay(4);

        assertThat(none.skippedPhases()).extracting(PhaseSkip::phase)
                .containsExactly(Phase.STRENGTHEN, Phase.RELEASE, Phase.STRETCH);
        assertThat(stretch.skippedPhases()).extracting(PhaseSkip::phase)
                .containsExactly(Phase.STRETCH, Phase.STRENGTHEN, Phase.RELEASE);
        assertThat(both.skippedPhases()).extracting(PhaseSkip::phase, PhaseSkip::repeatedly)
                .containsExactly(tuple(Phase.STRENGTHEN, true), tuple(Phase.STRETCH, true),
                        tuple(Phase.RELEASE, false));
    }

    @Test
    void most_recent_sessions_on_one_side_only_are_flagged() {
        Adherence adherence = new History().daily(1, 1, s -> s.side(Side.LEFT)).daily(2, 2, s -> s.side(Side.RIGHT))
                .daily(3, 3).onDay(3);

        assertThat(adherence.oneSideOnly())
                .returns(3, OneSideOnly::sessions)
                .returns(1, OneSideOnly::leftOnly)
                .returns(1, OneSideOnly::rightOnly)
                .returns(66.6, OneSideOnly::percent)
                .returns(2, OneSideOnly::recentOneSided)
                .returns(true, OneSideOnly::mostlyOneSide);
    }

    @Test
    void half_of_the_recent_sessions_on_one_side_is_not_most_of_them() {
        Adherence adherence = new History().daily(1, 2, s -> s.side(Side.LEFT)).daily(3, 4).onDay(4);

        assertThat(adherence.oneSideOnly()).returns(2, OneSideOnly::leftOnly)
                .returns(false, OneSideOnly::mostlyOneSide);
    }

    @Test
    void one_sided_work_long_ago_no_longer_flags() {
        Adherence adherence = new History().daily(1, 10, s -> s.side(Side.RIGHT)).daily(11, 24).onDay(24);

        assertThat(adherence.oneSideOnly()).returns(10, OneSideOnly::rightOnly).returns(0, OneSideOnly::recentOneSided)
                .returns(false, OneSideOnly::mostlyOneSide);
    }

    @Test
    void no_sessions_no_shares() {
        Adherence adherence = new History().onDay(3);

        assertThat(adherence.skippedPhases()).allSatisfy(skip -> assertThat(skip.skippedPercent()).isZero());
        assertThat(adherence.oneSideOnly().percent()).isZero();
    }
}
