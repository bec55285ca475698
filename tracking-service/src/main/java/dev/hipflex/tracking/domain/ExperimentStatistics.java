package dev.hipflex.tracking.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of a root-cause experiment (PRODUCT.md "Root-cause experiments"; article 000's "change one thing at a
 * time"): the daily waking pain ratings of the baseline and of the change phase (its counted days only), judged as
 * {@code helped}, {@code worse}, {@code no-clear-change} or {@code not-enough-data}.
 *
 * <p>A change is {@code helped} only when two things agree: the size (mean pain lower by at least 30 % and at least 1
 * point; Farrar et al., Pain 2001) and a statistic fit for short, serially correlated daily series: Kendall's Tau
 * between phase and pain, corrected for a baseline trend (Tarlow, Behav Modif 2017), significant at 5 % (two-sided).
 * {@code worse} is the same upward. The correction keeps natural recovery (a falling baseline, carried on into the
 * change phase) from passing for an effect: when the baseline is not stable (a Theil–Sen slope of 0.1 points a day or
 * more, PRODUCT.md's bound; Tarlow's own trigger, a significant baseline Tau, corrects noise in a stable week of seven
 * ratings and then misses real effects), the baseline's line is taken away from every rating before Tau,
 * and the size must be reached both on the ratings as given and against the line (where the baseline was heading), so
 * a trend correction can only take a result away, never make one. A recovery that starts just when the change does
 * cannot be told from an effect in two phases; undoing the change for a week (A-B-A) is what tells them apart.
 */
public final class ExperimentStatistics {

    /** Fewer ratings than this in a phase is {@link Outcome#NOT_ENOUGH_DATA}. */
    public static final int FEWEST_RATINGS = 7;
    /** The share of the baseline mean a change must reach (Farrar et al., Pain 2001). */
    public static final double SMALLEST_SHARE = 0.30;
    /** The points a change must reach, whatever the share. */
    public static final double SMALLEST_POINTS = 1.0;
    /** The significance level the statistic must reach. */
    public static final double ALPHA = 0.05;
    /** A baseline slope this steep (points a day, either way) counts as a trend (PRODUCT.md: stable is under 0.1). */
    public static final double STABLE_SLOPE = 0.1;

    private ExperimentStatistics() {
    }

    /** A daily waking pain rating, 0–10, on the person's local date. */
    public record Rating(LocalDate day, int pain) {
    }

    public enum Outcome implements Word {
        HELPED, WORSE, NO_CLEAR_CHANGE, NOT_ENOUGH_DATA
    }

    /**
     * @param tau Kendall's Tau-b between phase (baseline 0, change 1) and pain, after the trend correction when there was
     *        one; negative is less pain; null without enough data
     * @param p its two-sided p-value (normal approximation with ties); null without enough data
     * @param baselineSlope the baseline's Theil–Sen slope in points a day; null without enough data
     * @param trendCorrected whether the baseline's line was taken away before Tau
     * @param rule what decided, in words
     */
    public record Result(Outcome outcome, int baselineRatings, int changeRatings, Double baselineMean,
            Double changeMean, Double tau, Double p, Double baselineSlope, boolean trendCorrected, String rule) {
    }

    /**
     * Whether a baseline is stable enough to start the change (PRODUCT.md: a trend under 0.1 points a day, here its
     * Theil–Sen slope); the app keeps the baseline going until it is. With at least {@link #FEWEST_RATINGS} ratings.
     */
    public static boolean stable(List<Rating> baseline) {
        List<Rating> a = sorted(baseline);
        return a.size() >= FEWEST_RATINGS
                && Math.abs(theilSen(days(a, a.get(0).day()), pains(a))) < STABLE_SLOPE;
    }

    /** The ratings' Theil–Sen slope in points a day (0 with fewer than two). */
    public static double slope(List<Rating> ratings) {
        List<Rating> a = sorted(ratings);
        return a.isEmpty() ? 0 : theilSen(days(a, a.get(0).day()), pains(a));
    }

    public static Result judge(List<Rating> baseline, List<Rating> change) {
        List<Rating> a = sorted(baseline);
        List<Rating> b = sorted(change);
        Double meanA = a.isEmpty() ? null : mean(pains(a));
        Double meanB = b.isEmpty() ? null : mean(pains(b));
        if (a.size() < FEWEST_RATINGS || b.size() < FEWEST_RATINGS) {
            return new Result(Outcome.NOT_ENOUGH_DATA, a.size(), b.size(), meanA, meanB, null, null, null, false,
                    "Each phase needs at least " + FEWEST_RATINGS + " daily ratings; the baseline has " + a.size()
                            + " and the change phase " + b.size() + ".");
        }
        LocalDate first = a.get(0).day();
        double[] daysA = days(a, first);
        double[] painA = pains(a);
        double slope = theilSen(daysA, painA);
        boolean trend = Math.abs(slope) >= STABLE_SLOPE;
        double intercept = trend ? median(residuals(daysA, painA, slope, 0)) : 0;
        double[] values = new double[a.size() + b.size()];
        double[] phase = new double[values.length];
        double[] all = concat(daysA, days(b, first));
        double[] pains = concat(painA, pains(b));
        for (int i = 0; i < values.length; i++) {
            values[i] = trend ? pains[i] - (intercept + slope * all[i]) : pains[i];
            phase[i] = i < a.size() ? 0 : 1;
        }
        Tau tau = kendall(phase, values);
        // With a trend, the change must also beat where the baseline was heading by the same size.
        double drop = Math.min(meanA - meanB, trend ? mean(Arrays.copyOf(values, a.size()))
                - mean(Arrays.copyOfRange(values, a.size(), values.length)) : Double.MAX_VALUE);
        double rise = Math.min(meanB - meanA, trend ? mean(Arrays.copyOfRange(values, a.size(), values.length))
                - mean(Arrays.copyOf(values, a.size())) : Double.MAX_VALUE);
        double threshold = Math.max(SMALLEST_POINTS, SMALLEST_SHARE * meanA);
        boolean significant = tau.p() < ALPHA;
        Outcome outcome = Outcome.NO_CLEAR_CHANGE;
        if (drop >= threshold && significant && tau.tau() < 0) {
            outcome = Outcome.HELPED;
        } else if (rise >= threshold && significant && tau.tau() > 0) {
            outcome = Outcome.WORSE;
        }
        return new Result(outcome, a.size(), b.size(), meanA, meanB, tau.tau(), tau.p(), slope, trend,
                rule(outcome, meanA, meanB, threshold, tau, trend, slope));
    }

    private static String rule(Outcome outcome, double meanA, double meanB, double threshold, Tau tau, boolean trend,
            double slope) {
        String figures = String.format(Locale.ROOT, "Mean waking pain %.1f before, %.1f with the change (a change "
                + "must reach %.1f points: 30 %% of the baseline and at least 1 point); Tau %.2f, p = %.3f%s.", meanA,
                meanB, threshold, tau.tau(), tau.p(), trend ? String.format(Locale.ROOT,
                        ", after taking away the baseline's trend of %.2f points a day", slope) : "");
        return switch (outcome) {
            case HELPED -> "Helped: pain fell by enough and the fall is unlikely to be chance. " + figures;
            case WORSE -> "Worse: pain rose by enough and the rise is unlikely to be chance. " + figures;
            default -> "No clear change: the size and the statistic do not both show one. " + figures;
        };
    }

    private record Tau(double tau, double p) {
    }

    /** Kendall's Tau-b of x and y, with its two-sided p-value from the normal approximation corrected for ties. */
    static Tau kendall(double[] x, double[] y) {
        int n = x.length;
        long s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                s += (long) Math.signum(x[j] - x[i]) * (long) Math.signum(y[j] - y[i]);
            }
        }
        double pairs = n * (n - 1) / 2.0;
        double tiesX = tiedPairs(x);
        double tiesY = tiedPairs(y);
        double denominator = Math.sqrt((pairs - tiesX) * (pairs - tiesY));
        double tau = denominator == 0 ? 0 : s / denominator;
        double variance = variance(x, y);
        if (variance <= 0) {
            return new Tau(tau, 1);
        }
        // Continuity correction: S moves in steps of 2.
        double z = Math.max(0, Math.abs(s) - 1) / Math.sqrt(variance);
        return new Tau(tau, Math.min(1, 2 * (1 - normal(z))));
    }

    /** The variance of Kendall's S under no association, with ties in either variable. */
    private static double variance(double[] x, double[] y) {
        double n = x.length;
        List<Integer> tx = ties(x);
        List<Integer> ty = ties(y);
        double v0 = n * (n - 1) * (2 * n + 5);
        double vt = tx.stream().mapToDouble(t -> t * (t - 1.0) * (2 * t + 5)).sum();
        double vu = ty.stream().mapToDouble(u -> u * (u - 1.0) * (2 * u + 5)).sum();
        double t2 = tx.stream().mapToDouble(t -> t * (t - 1.0) * (t - 2)).sum();
        double u2 = ty.stream().mapToDouble(u -> u * (u - 1.0) * (u - 2)).sum();
        double t1 = tx.stream().mapToDouble(t -> t * (t - 1.0)).sum();
        double u1 = ty.stream().mapToDouble(u -> u * (u - 1.0)).sum();
        return (v0 - vt - vu) / 18 + t2 * u2 / (9 * n * (n - 1) * (n - 2)) + t1 * u1 / (2 * n * (n - 1));
    }

    private static double tiedPairs(double[] values) {
        return ties(values).stream().mapToDouble(t -> t * (t - 1) / 2.0).sum();
    }

    /** The sizes of the groups of equal values (of two or more). */
    private static List<Integer> ties(double[] values) {
        Map<Double, Integer> counts = new HashMap<>();
        for (double value : values) {
            counts.merge(value, 1, Integer::sum);
        }
        return counts.values().stream().filter(c -> c > 1).toList();
    }

    /** The Theil–Sen slope: the median of the slopes between every two ratings. */
    static double theilSen(double[] x, double[] y) {
        List<Double> slopes = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                if (x[j] != x[i]) {
                    slopes.add((y[j] - y[i]) / (x[j] - x[i]));
                }
            }
        }
        return slopes.isEmpty() ? 0 : median(slopes.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double[] residuals(double[] x, double[] y, double slope, double intercept) {
        double[] residuals = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            residuals[i] = y[i] - intercept - slope * x[i];
        }
        return residuals;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The standard normal distribution function (Abramowitz and Stegun 26.2.17, error under 7.5e-8). */
    static double normal(double z) {
        if (z < 0) {
            return 1 - normal(-z);
        }
        double t = 1 / (1 + 0.2316419 * z);
        double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        return 1 - Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * poly;
    }

    private static List<Rating> sorted(List<Rating> ratings) {
        return ratings.stream().sorted(Comparator.comparing(Rating::day)).toList();
    }

    private static double[] days(List<Rating> ratings, LocalDate first) {
        return ratings.stream().mapToDouble(r -> ChronoUnit.DAYS.between(first, r.day())).toArray();
    }

    private static double[] pains(List<Rating> ratings) {
        return ratings.stream().mapToDouble(Rating::pain).toArray();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
