package dev.hipflex.tracking.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.hipflex.common.problem.Problem.FieldError;
import dev.hipflex.tracking.domain.AdherencePolicy.FunctionChange;

/**
 * The Patient-Specific Functional Scale (Stratford P et al., Physiotherapy Canada 1995;47:258–263): the person names
 * up to 5 activities their hip makes hard and rates each 0 (unable) to 10 (as before); the activities are fixed at the
 * start and rated again at weeks 4, 8 and 12.
 */
public final class FunctionalScale {

    /** The plan weeks an assessment is for: 0 is the start. */
    public static final List<Integer> WEEKS = List.of(0, 4, 8, 12);
    public static final int MAX_ACTIVITIES = 5;
    public static final int MAX_NAME = 80;

    /** One activity's rating, as the client sends it and as it is stored. */
    public record Rating(String activity, Integer rating) {
    }

    /** An assessment as the client sends it. */
    public record AssessmentRequest(Integer week, List<Rating> activities) {

        /**
         * Every problem, each naming its field.
         *
         * @param fixed the activities named at the start, or null before the start is recorded
         * @param currentWeek the person's current plan week (0 or less before the plan starts)
         */
        public List<FieldError> validate(List<String> fixed, int currentWeek) {
            List<FieldError> errors = new ArrayList<>();
            if (week == null || !WEEKS.contains(week)) {
                errors.add(new FieldError("week", "must be one of 0 (the start), 4, 8 or 12"));
            } else if (week > 0 && fixed == null) {
                errors.add(new FieldError("week", "comes after the start: record week 0 with your activities first"));
            } else if (week > 0 && currentWeek < week) {
                errors.add(new FieldError("week", "is not due yet: your plan is in week " + Math.max(currentWeek, 0)));
            }
            if (activities == null || activities.isEmpty() || activities.size() > MAX_ACTIVITIES) {
                errors.add(new FieldError("activities", "needs 1 to " + MAX_ACTIVITIES + " activities"));
                return errors;
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < activities.size(); i++) {
                Rating r = activities.get(i);
                String field = "activities[" + i + "]";
                if (r == null) {
                    errors.add(new FieldError(field, "must not be null"));
                    continue;
                }
                if (r.activity() == null || r.activity().isBlank() || r.activity().length() > MAX_NAME) {
                    errors.add(new FieldError(field + ".activity", "must be 1 to " + MAX_NAME + " characters"));
                } else if (!names.add(r.activity().strip())) {
                    errors.add(new FieldError(field + ".activity", "is named twice"));
                } else if (fixed != null && week != null && week > 0 && !fixed.contains(r.activity().strip())) {
                    errors.add(new FieldError(field + ".activity", "is not one of the activities named at the start"));
                }
                if (r.rating() == null || r.rating() < 0 || r.rating() > 10) {
                    errors.add(new FieldError(field + ".rating", "must be from 0 (unable) to 10 (as before)"));
                }
            }
            if (fixed != null && week != null && week > 0 && names.size() == activities.size()
                    && !names.equals(new HashSet<>(fixed))) {
                errors.add(new FieldError("activities", "must rate each activity named at the start: "
                        + String.join(", ", fixed)));
            }
            return errors;
        }

        /** The ratings in the order of {@code fixed} (the start's order), names stripped. */
        public List<Rating> inOrder(List<String> fixed) {
            Map<String, Integer> byName = activities.stream()
                    .collect(Collectors.toMap(r -> r.activity().strip(), Rating::rating));
            List<String> order = fixed != null ? fixed : activities.stream().map(r -> r.activity().strip()).toList();
            return order.stream().map(name -> new Rating(name, byName.get(name))).toList();
        }
    }

    /** A recorded assessment: its ratings in the start's order. */
    public record Assessment(int week, List<Rating> ratings) {

        public double mean() {
            return rounded(ratings.stream().mapToLong(Rating::rating).sum(), ratings.size());
        }

        List<Integer> values() {
            return ratings.stream().map(Rating::rating).toList();
        }
    }

    /**
     * The change of one assessment from the start.
     *
     * @param meanChange the mean's change, one decimal
     * @param activityChanges each activity's change, in the start's order
     */
    public record Change(int week, double startMean, double mean, double meanChange, List<Integer> activityChanges,
            FunctionChange change) {
    }

    private FunctionalScale() {
    }

    /** The change of {@code later} from {@code start} as {@link AdherencePolicy#MEANINGFUL_FUNCTION_CHANGE} judges it. */
    public static Change change(Assessment start, Assessment later) {
        List<Integer> before = start.values();
        Map<String, Integer> byName = later.ratings().stream()
                .collect(Collectors.toMap(Rating::activity, Rating::rating));
        List<Integer> now = start.ratings().stream().map(r -> byName.get(r.activity())).toList();
        List<Integer> changes = new ArrayList<>();
        long delta = 0;
        for (int i = 0; i < before.size(); i++) {
            changes.add(now.get(i) - before.get(i));
            delta += now.get(i) - before.get(i);
        }
        return new Change(later.week(), start.mean(), later.mean(), rounded(delta, before.size()), List.copyOf(changes),
                AdherencePolicy.MEANINGFUL_FUNCTION_CHANGE.change(before, now));
    }

    /**
     * The plan week whose assessment is due now: the start until it is recorded, then the latest week reached and not
     * recorded; null when none is.
     */
    public static Integer due(Set<Integer> recorded, int currentWeek) {
        if (!recorded.contains(0)) {
            return 0;
        }
        return WEEKS.stream().filter(w -> !recorded.contains(w) && w <= Math.max(currentWeek, 0))
                .reduce((a, b) -> b).orElse(null);
    }

    private static double rounded(long sum, int count) {
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP).doubleValue();
    }
}
