package dev.hipflex.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.hipflex.tracking.domain.ExperimentStatistics.Outcome;
import dev.hipflex.tracking.domain.ExperimentStatistics.Rating;
import dev.hipflex.tracking.domain.RootCauseExperiment.Course;
import dev.hipflex.tracking.domain.RootCauseExperiment.EndReason;
import dev.hipflex.tracking.domain.RootCauseExperiment.Phase;
import dev.hipflex.tracking.domain.RootCauseExperiment.Progress;

/**
 * Where a root-cause experiment stands (PRODUCT.md "Root-cause experiments", article 000's one change at a time): the
 * phases, missing days, the settling days of shoes and sleeping posture, the safety stop, the person's end and the A-B-A
 * confirmation; and, over generated ratings, the safety stop always ends it and too little data is never helped.
 */
class RootCauseExperimentTest {

    static final LocalDate START = LocalDate.of(2026, 11, 2);

    /** Ratings {@code pains[i]} on START + from + i; a negative pain is a day without a rating. */
    static Map<LocalDate, Integer> ratings(Map<LocalDate, Integer> into, int from, int... pains) {
        for (int i = 0; i < pains.length; i++) {
            if (pains[i] >= 0) {
                into.put(START.plusDays(from + i), pains[i]);
            }
        }
        return into;
    }

    static Course course(String item) {
        return new Course(item, START, null, null, null, null);
    }

    @Test
    void theBaselineWaitsForSevenSteadyRatingsThenTheChangeStartsTheNextDay() {
        Map<LocalDate, Integer> waking = ratings(new TreeMap<>(), 0, 6, 6, 5, 6, 6);
        Progress early = RootCauseExperiment.progress(course("socks"), waking, START.plusDays(4));
        assertThat(early.phase()).isEqualTo(Phase.BASELINE);
        assertThat(early.changeFrom()).isNull();
        assertThat(early.baseline()).hasSize(5);

        // A missing day (day 5) only makes the baseline a day longer; day 7 brings the seventh rating.
        ratings(waking, 6, 6, 5);
        Progress ready = RootCauseExperiment.progress(course("socks"), waking, START.plusDays(7));
        assertThat(ready.phase()).isEqualTo(Phase.BASELINE);
        assertThat(ready.changeFrom()).isEqualTo(START.plusDays(8));
        assertThat(ready.baseline()).hasSize(7);
        assertThat(ready.running()).isTrue();
        assertThat(ready.freezes(course("socks"))).containsExactly(new PlanAdaptation.Freeze(START, null));
    }

    @Test
    void aFallingBaselineIsNotStableAndKeepsTheChangeWaiting() {
        Map<LocalDate, Integer> waking = ratings(new TreeMap<>(), 0, 9, 9, 8, 8, 7, 7, 6, 6, 5);
        Progress p = RootCauseExperiment.progress(course("socks"), waking, START.plusDays(8));
        assertThat(p.phase()).isEqualTo(Phase.BASELINE);
        assertThat(p.changeFrom()).isNull();
    }

    @Test
    void aChangeThatHelpsIsHelpedAfterSevenDaysAndOffersTheConfirmation() {
        Map<LocalDate, Integer> waking = ratings(new TreeMap<>(), 0, 6, 6, 6, 5, 6, 6, 6, 3, 2, 2, 2, 1, 2, 2);
        Course course = course("socks");
        Progress during = RootCauseExperiment.progress(course, waking, START.plusDays(10));
        assertThat(during.phase()).isEqualTo(Phase.CHANGE);
        assertThat(during.change().counted()).hasSize(4);

        Progress done = RootCauseExperiment.progress(course, waking, START.plusDays(13));
        assertThat(done.phase()).isEqualTo(Phase.ENDED);
        assertThat(done.change().reason()).isEqualTo(EndReason.COMPLETED);
        assertThat(done.change().end()).isEqualTo(START.plusDays(13));
        assertThat(done.result().outcome()).isEqualTo(Outcome.HELPED);
        assertThat(done.confirmationOffered()).isTrue();
        assertThat(done.freezes(course)).containsExactly(new PlanAdaptation.Freeze(START, START.plusDays(13)));
    }

    @Test
    void shoesRunFourteenDaysAndTheirFirstThreeDoNotCount() {
        Map<LocalDate, Integer> waking = ratings(new TreeMap<>(), 0, 6, 6, 6, 5, 6, 6, 6);
        ratings(waking, 7, 6, 6, 5, 3, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2);
        Course course = course("everyday-shoes");
        Progress day13 = RootCauseExperiment.progress(course, waking, START.plusDays(13));
        assertThat(day13.phase()).as("a socks experiment would be over; shoes need 14 days").isEqualTo(Phase.CHANGE);
        Progress done = RootCauseExperiment.progress(course, waking, START.plusDays(20));
        assertThat(done.phase()).isEqualTo(Phase.ENDED);
        assertThat(done.change().end()).isEqualTo(START.plusDays(20));
        assertThat(done.change().countedFrom()).isEqualTo(START.plusDays(10));
        assertThat(done.change().counted()).hasSize(11).allMatch(r -> r.pain() <= 3);
        assertThat(done.result().changeRatings()).isEqualTo(11);
        assertThat(done.result().outcome()).isEqualTo(Outcome.HELPED);
    }

    @Test
    void missingDaysLengthenTheChangeUntilSevenRatingsOrAWeekMore() {
        Map<LocalDate, Integer> waking = ratings(new TreeMap<>(), 0, 6, 6, 6, 5, 6, 6, 6);
        // With the change from day 7: only 5 ratings in its first 7 days.
        ratings(waking, 7, 2, -1, 2, -1, 2, 2, 2, -1, -1, -1, -1, -1, -1, -1);
        Course course = course("socks");
        assertThat(RootCauseExperiment.progress(course, waking, START.plusDays(15)).phase()).isEqualTo(Phase.CHANGE);
        Progress over = RootCauseExperiment.progress(course, waking, START.plusDays(21));
        assertThat(over.phase()).isEqualTo(Phase.ENDED);
        assertThat(over.change().end()).isEqualTo(START.plusDays(20));
        assertThat(over.result().outcome()).as("5 ratings are too few, however low").isEqualTo(Outcome.NOT_ENOUGH_DATA);
    }

    @Test
    void painTwoAboveTheBaselineTwoDaysRunningStopsIt() {
        Map<LocalDate, Integer> waking = ratings(new TreeMap<>(), 0, 3, 3, 3, 4, 3, 3, 3);
        // Mean 3.14: 5 is not enough, 6 is; one high day alone does not stop it.
        ratings(waking, 7, 6, 5, 6, 6, 3);
        Progress p = RootCauseExperiment.progress(course("socks"), waking, START.plusDays(11));
        assertThat(p.phase()).isEqualTo(Phase.ENDED);
        assertThat(p.change().reason()).isEqualTo(EndReason.SAFETY_STOP);
        assertThat(p.change().end()).isEqualTo(START.plusDays(10));
        assertThat(p.result().outcome()).isEqualTo(Outcome.NOT_ENOUGH_DATA);
        assertThat(p.confirmationOffered()).isFalse();
        assertThat(p.running()).isFalse();
    }

    @Test
    void endedByThePersonWithFewerThanSevenRatingsIsNotEnoughDataNeverHelped() {
        Map<LocalDate, Integer> waking = ratings(new TreeMap<>(), 0, 7, 7, 7, 7, 7, 7, 7, 1, 1, 0, 1);
        Course ended = new Course("socks", START, START.plusDays(7), START.plusDays(10), null, null);
        Progress p = RootCauseExperiment.progress(ended, waking, START.plusDays(12));
        assertThat(p.phase()).isEqualTo(Phase.ENDED);
        assertThat(p.change().reason()).isEqualTo(EndReason.ENDED_BY_PERSON);
        assertThat(p.result().outcome()).isEqualTo(Outcome.NOT_ENOUGH_DATA);
        assertThat(p.result().changeRatings()).isEqualTo(4);

        Course inBaseline = new Course("socks", START, null, START.plusDays(3), null, null);
        Progress early = RootCauseExperiment.progress(inBaseline, waking, START.plusDays(12));
        assertThat(early.phase()).isEqualTo(Phase.ENDED);
        assertThat(early.change()).isNull();
        assertThat(early.result().outcome()).isEqualTo(Outcome.NOT_ENOUGH_DATA);
        assertThat(early.freezes(inBaseline)).containsExactly(new PlanAdaptation.Freeze(START, START.plusDays(3)));
    }

    @Test
    void undoingAChangeThatHelpedConfirmsItWhenThePainComesBack() {
        Map<LocalDate, Integer> waking = ratings(new TreeMap<>(), 0, 6, 6, 6, 5, 6, 6, 6, 2, 2, 2, 1, 2, 2, 2);
        ratings(waking, 15, 5, 6, 6, 6, 5, 6, 6);
        Course undone = new Course("socks", START, START.plusDays(7), null, START.plusDays(15), null);
        Progress running = RootCauseExperiment.progress(undone, waking, START.plusDays(17));
        assertThat(running.phase()).isEqualTo(Phase.UNDONE);
        assertThat(running.running()).isTrue();
        Progress p = RootCauseExperiment.progress(undone, waking, START.plusDays(21));
        assertThat(p.phase()).isEqualTo(Phase.CONFIRMED);
        assertThat(p.confirmation()).isEqualTo("held");
        assertThat(p.freezes(undone)).containsExactly(new PlanAdaptation.Freeze(START, START.plusDays(13)),
                new PlanAdaptation.Freeze(START.plusDays(15), START.plusDays(21)));

        Map<LocalDate, Integer> stays = ratings(new TreeMap<>(waking), 15, 2, 2, 1, 2, 2, 2, 2);
        assertThat(RootCauseExperiment.progress(undone, stays, START.plusDays(21)).confirmation())
                .isEqualTo("did-not-hold");
        // Exercise form is never undone: going back to poor form is not advised.
        Progress form = RootCauseExperiment.progress(new Course("exercise-form", START, START.plusDays(7), null,
                START.plusDays(15), null), waking, START.plusDays(21));
        assertThat(form.confirmationOffered()).isFalse();
        assertThat(form.phase()).isEqualTo(Phase.ENDED);
    }

    @Test
    void overGeneratedRatingsTheSafetyStopAlwaysEndsItAndTooLittleDataIsNeverHelped() {
        Random random = new Random(1919);
        List<String> items = List.of("socks", "everyday-shoes", "sleeping-posture", "pillow-height", "exercise-form");
        int stopped = 0;
        for (int i = 0; i < 3000; i++) {
            String item = items.get(random.nextInt(items.size()));
            Map<LocalDate, Integer> waking = new TreeMap<>();
            int level = random.nextInt(9);
            int shift = random.nextInt(7) - 4;
            double missing = random.nextDouble() * 0.5;
            for (int day = 0; day < 40; day++) {
                if (random.nextDouble() >= missing) {
                    int pain = (day < 10 ? level : level + shift) + (int) Math.round(random.nextGaussian() * 1.2);
                    waking.put(START.plusDays(day), Math.max(0, Math.min(10, pain)));
                }
            }
            LocalDate today = START.plusDays(random.nextInt(40));
            LocalDate endedOn = random.nextInt(4) == 0 ? START.plusDays(random.nextInt(30)) : null;
            if (endedOn != null && endedOn.isAfter(today)) {
                endedOn = today;
            }
            Course course = new Course(item, START, null, endedOn, null, null);
            Progress p = RootCauseExperiment.progress(course, waking, today);
            if (p.result() != null && p.result().outcome() == Outcome.HELPED) {
                assertThat(p.baseline()).as("case %d", i).hasSizeGreaterThanOrEqualTo(7);
                assertThat(p.change().counted()).as("case %d", i).hasSizeGreaterThanOrEqualTo(7);
            }
            if (p.change() == null) {
                continue;
            }
            double mean = p.baselineMean();
            LocalDate last = p.change().end() != null ? p.change().end() : today;
            LocalDate firstHighPair = null;
            for (LocalDate day = p.change().from().plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
                Integer a = waking.get(day.minusDays(1));
                Integer b = waking.get(day);
                if (a != null && b != null && a >= mean + 2 && b >= mean + 2) {
                    firstHighPair = day;
                    break;
                }
            }
            if (firstHighPair != null) {
                stopped++;
                assertThat(p.change().reason()).as("case %d", i).isEqualTo(EndReason.SAFETY_STOP);
                assertThat(p.change().end()).as("case %d", i).isEqualTo(firstHighPair);
                assertThat(p.running()).isFalse();
            } else {
                assertThat(p.change().reason()).as("case %d", i).isNotEqualTo(EndReason.SAFETY_STOP);
            }
            for (Rating r : p.change().counted()) {
                assertThat(r.day()).isAfterOrEqualTo(p.change().countedFrom());
            }
        }
        assertThat(stopped).isGreaterThan(100);
    }
}
