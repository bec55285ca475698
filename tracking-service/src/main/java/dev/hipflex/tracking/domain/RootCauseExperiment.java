package dev.hipflex.tracking.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import dev.hipflex.tracking.domain.AdherencePolicy.ExperimentChangePhase;
import dev.hipflex.tracking.domain.ExperimentStatistics.Outcome;
import dev.hipflex.tracking.domain.ExperimentStatistics.Rating;
import dev.hipflex.tracking.domain.ExperimentStatistics.Result;

/**
 * Where a root-cause experiment stands (PRODUCT.md "Root-cause experiments"; article 000's "change one thing at a
 * time"), worked out from what is stored about it and the person's waking ratings, with the rules
 * {@code TRK-EXP-*} of {@link AdherencePolicy}: the baseline until it is stable, the change until its phase is long
 * enough or the safety stop ends it, the result, and the A-B-A confirmation where the change was undone.
 */
public final class RootCauseExperiment {

    public enum Phase implements Word {
        /** Rating each morning, changing nothing yet. */
        BASELINE,
        /** With the change. */
        CHANGE,
        /** Over, with a result. */
        ENDED,
        /** The change undone to confirm a helped result (A-B-A). */
        UNDONE,
        /** Over, with a result and its confirmation. */
        CONFIRMED
    }

    public enum EndReason implements Word {
        COMPLETED, ENDED_BY_PERSON, SAFETY_STOP
    }

    /**
     * What is stored about one experiment.
     *
     * @param changeFrom the first day whose waking rating is with the change, once the baseline was stable; null before
     * @param endedByPerson the local day the person ended it, or null
     * @param undoFrom the first day of the confirmation (the change undone), or null
     * @param undoEndedByPerson the local day the person ended the confirmation, or null
     */
    public record Course(String item, LocalDate start, LocalDate changeFrom, LocalDate endedByPerson,
            LocalDate undoFrom, LocalDate undoEndedByPerson) {
    }

    /**
     * One phase after the baseline (with the change, or with it undone).
     *
     * @param ratings every waking rating of the phase up to its end (or today)
     * @param countedFrom the first day whose rating counts
     * @param end the last day of the phase; null while it runs
     * @param reason why it ended; null while it runs
     */
    public record Stage(LocalDate from, List<Rating> ratings, LocalDate countedFrom, int days, LocalDate end,
            EndReason reason) {

        public List<Rating> counted() {
            return ratings.stream().filter(r -> !r.day().isBefore(countedFrom)).toList();
        }

        public boolean running() {
            return end == null;
        }
    }

    /**
     * @param baseline the baseline's ratings (the latest window while it runs)
     * @param change the phase with the change; null during the baseline
     * @param result judged when the change phase ended; null before
     * @param undone the confirmation's phase; null unless the person undid a helped change
     * @param confirmation held, did-not-hold or not-enough-data once the undone phase ended; null before
     */
    public record Progress(Phase phase, List<Rating> baseline, LocalDate changeFrom, Stage change, Result result,
            boolean confirmationOffered, Stage undone, Result undoneResult, String confirmation) {

        public boolean running() {
            return phase == Phase.BASELINE || phase == Phase.CHANGE || phase == Phase.UNDONE;
        }

        /** The days the plan is frozen for this experiment: from its start to its end, and while it is undone. */
        public List<PlanAdaptation.Freeze> freezes(Course course) {
            List<PlanAdaptation.Freeze> freezes = new ArrayList<>();
            LocalDate end = phase == Phase.BASELINE || phase == Phase.CHANGE ? null
                    : change != null ? change.end() : course.endedByPerson();
            freezes.add(new PlanAdaptation.Freeze(course.start(), end));
            if (undone != null) {
                freezes.add(new PlanAdaptation.Freeze(undone.from(), undone.end()));
            }
            return freezes;
        }

        public double baselineMean() {
            return baseline.stream().mapToInt(Rating::pain).average().orElse(0);
        }
    }

    private RootCauseExperiment() {
    }

    /** @param waking the person's waking ratings by local day (the highest of a morning) */
    public static Progress progress(Course course, Map<LocalDate, Integer> waking, LocalDate today) {
        NavigableMap<LocalDate, Integer> ratings = new TreeMap<>(waking);
        LocalDate baselineLimit = earliest(today, course.endedByPerson());
        LocalDate changeFrom = course.changeFrom() != null ? course.changeFrom()
                : baselineReady(course.start(), ratings, baselineLimit);
        if (changeFrom == null || course.endedByPerson() != null && course.endedByPerson().isBefore(changeFrom)) {
            List<Rating> window = window(ratings, course.start(),
                    changeFrom == null ? baselineLimit : changeFrom.minusDays(1));
            if (course.endedByPerson() == null) {
                return new Progress(Phase.BASELINE, window, changeFrom, null, null, false, null, null, null);
            }
            Result result = AdherencePolicy.EXPERIMENT_RESULT.judge(window, List.of());
            return new Progress(Phase.ENDED, window, changeFrom, null, result, false, null, null, null);
        }
        List<Rating> baseline = window(ratings, course.start(), changeFrom.minusDays(1));
        double baselineMean = baseline.stream().mapToInt(Rating::pain).average().orElse(0);
        if (today.isBefore(changeFrom)) {
            return new Progress(Phase.BASELINE, baseline, changeFrom, null, null, false, null, null, null);
        }
        ExperimentChangePhase rule = AdherencePolicy.EXPERIMENT_CHANGE_PHASE;
        Stage change = stage(ratings, changeFrom, rule.settle(course.item()), rule.days(course.item()),
                rule.mostDays(course.item()), baselineMean, course.endedByPerson(), today);
        if (change.running()) {
            return new Progress(Phase.CHANGE, baseline, changeFrom, change, null, false, null, null, null);
        }
        Result result = AdherencePolicy.EXPERIMENT_RESULT.judge(baseline, change.counted());
        boolean offered = change.reason() != EndReason.SAFETY_STOP
                && AdherencePolicy.EXPERIMENT_CONFIRMATION.offered(course.item(), result.outcome());
        if (!offered || course.undoFrom() == null || today.isBefore(course.undoFrom())) {
            return new Progress(Phase.ENDED, baseline, changeFrom, change, result, offered, null, null, null);
        }
        AdherencePolicy.ExperimentConfirmation confirm = AdherencePolicy.EXPERIMENT_CONFIRMATION;
        Stage undone = stage(ratings, course.undoFrom(), 0, confirm.days(), confirm.days() + confirm.extraDays(),
                baselineMean, course.undoEndedByPerson(), today);
        if (undone.running()) {
            return new Progress(Phase.UNDONE, baseline, changeFrom, change, result, true, undone, null, null);
        }
        Result undoneResult = AdherencePolicy.EXPERIMENT_RESULT.judge(change.counted(), undone.counted());
        return new Progress(Phase.CONFIRMED, baseline, changeFrom, change, result, true, undone, undoneResult,
                confirm.confirmation(undoneResult));
    }

    /** The day after the first day whose window of ratings makes a stable baseline, or null. */
    static LocalDate baselineReady(LocalDate start, NavigableMap<LocalDate, Integer> ratings, LocalDate limit) {
        for (LocalDate day = start; !day.isAfter(limit); day = day.plusDays(1)) {
            if (ratings.containsKey(day)
                    && AdherencePolicy.EXPERIMENT_BASELINE.ready(window(ratings, start, day))) {
                return day.plusDays(1);
            }
        }
        return null;
    }

    /** The ratings of the baseline's window ending on {@code last}, not before {@code start}. */
    private static List<Rating> window(NavigableMap<LocalDate, Integer> ratings, LocalDate start, LocalDate last) {
        LocalDate from = last.minusDays(AdherencePolicy.EXPERIMENT_BASELINE.windowDays() - 1L);
        return between(ratings, from.isBefore(start) ? start : from, last);
    }

    private static Stage stage(NavigableMap<LocalDate, Integer> ratings, LocalDate from, int settle, int days,
            int mostDays, double baselineMean, LocalDate endedByPerson, LocalDate today) {
        AdherencePolicy.ExperimentSafetyStop stop = AdherencePolicy.EXPERIMENT_SAFETY_STOP;
        LocalDate countedFrom = from.plusDays(settle);
        LocalDate lastPossible = from.plusDays(mostDays - 1L);
        LocalDate limit = earliest(earliest(today, lastPossible), endedByPerson);
        int running = 0;
        for (LocalDate day = from; !day.isAfter(limit); day = day.plusDays(1)) {
            Integer pain = ratings.get(day);
            running = pain != null && stop.high(baselineMean, pain) ? running + 1 : 0;
            if (running >= stop.daysRunning()) {
                return new Stage(from, between(ratings, from, day), countedFrom, days, day, EndReason.SAFETY_STOP);
            }
            boolean longEnough = ChronoUnit.DAYS.between(from, day) >= days - 1L;
            if (longEnough && pain != null && between(ratings, countedFrom, day).size()
                    >= AdherencePolicy.EXPERIMENT_CHANGE_PHASE.minRatings()) {
                return new Stage(from, between(ratings, from, day), countedFrom, days, day, EndReason.COMPLETED);
            }
        }
        if (endedByPerson != null && !endedByPerson.isAfter(today)) {
            LocalDate end = endedByPerson.isBefore(from) ? from : endedByPerson;
            return new Stage(from, between(ratings, from, end), countedFrom, days, end, EndReason.ENDED_BY_PERSON);
        }
        if (today.isAfter(lastPossible)) {
            return new Stage(from, between(ratings, from, lastPossible), countedFrom, days, lastPossible,
                    EndReason.COMPLETED);
        }
        return new Stage(from, between(ratings, from, today), countedFrom, days, null, null);
    }

    private static List<Rating> between(NavigableMap<LocalDate, Integer> ratings, LocalDate from, LocalDate to) {
        List<Rating> list = new ArrayList<>();
        if (to.isBefore(from)) {
            return list;
        }
        ratings.subMap(from, true, to, true).forEach((day, pain) -> list.add(new Rating(day, pain)));
        return list;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return b == null || a.isBefore(b) ? a : b;
    }
}
