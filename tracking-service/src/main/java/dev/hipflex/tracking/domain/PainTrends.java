package dev.hipflex.tracking.domain;

import static dev.hipflex.tracking.domain.Plan.DAYS_PER_WEEK;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import dev.hipflex.tracking.domain.Adherence.Direction;
import dev.hipflex.tracking.domain.Adherence.PainTrend;
import dev.hipflex.tracking.domain.Adherence.WeeklyPain;

/**
 * The pain trend: first vs latest weekly average, judged by {@link AdherencePolicy#MEANINGFUL_PAIN_CHANGE} on the
 * exact fractions; the change shown is rounded to one decimal.
 */
final class PainTrends {

    /** One plan week's pain samples. */
    private record Samples(int week, long sum, int count) {

        WeeklyPain shown() {
            return new WeeklyPain(week, rounded(sum, count), count);
        }
    }

    private PainTrends() {
    }

    static PainTrend of(PlanDays days) {
        List<Samples> weeks = weeks(days);
        List<WeeklyPain> shown = weeks.stream().map(Samples::shown).toList();
        if (weeks.size() < 2) {
            return new PainTrend(shown, shown.isEmpty() ? null : shown.get(0), null, null, null, null);
        }
        Samples first = weeks.get(0);
        Samples latest = weeks.get(weeks.size() - 1);
        // change = latest − first = delta / (first.count × latest.count), kept as a fraction.
        long delta = latest.sum() * first.count() - first.sum() * latest.count();
        long denominator = (long) first.count() * latest.count();
        Direction direction = AdherencePolicy.MEANINGFUL_PAIN_CHANGE.direction(first.sum(), first.count(), latest.sum(),
                latest.count());
        boolean meaningful = direction != Direction.STEADY;
        return new PainTrend(shown, first.shown(), latest.shown(), rounded(delta, denominator), meaningful, direction);
    }

    private static List<Samples> weeks(PlanDays days) {
        List<Samples> weeks = new ArrayList<>();
        for (int first = 0; first < days.count(); first += DAYS_PER_WEEK) {
            long sum = 0;
            int count = 0;
            for (int offset = first; offset < Math.min(first + DAYS_PER_WEEK, days.count()); offset++) {
                sum += days.painSum(offset);
                count += days.painCount(offset);
            }
            if (count > 0) {
                weeks.add(new Samples(first / DAYS_PER_WEEK + 1, sum, count));
            }
        }
        return weeks;
    }

    private static double rounded(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
