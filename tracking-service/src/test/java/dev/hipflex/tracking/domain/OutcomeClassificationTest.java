package dev.hipflex.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.hipflex.tracking.domain.Adherence.Direction;
import dev.hipflex.tracking.domain.AdherencePolicy.FunctionChange;
import dev.hipflex.tracking.domain.FunctionalScale.Assessment;
import dev.hipflex.tracking.domain.FunctionalScale.Rating;

/**
 * Outcomes (PRODUCT.md part two, "Outcomes"): pain improved by ≥ 30 % and ≥ 1 point, worse by ≥ 2 points (Farrar
 * 2001); the PSFS changed meaningfully by ≥ 2 points on the mean or ≥ 3 on one activity (Abbott and Schmitt 2014).
 * Scenarios, then properties over seeded generated ratings against oracles in exact decimals.
 */
class OutcomeClassificationTest {

    private static final int CASES = 20_000;

    private static Assessment assessment(int week, int... ratings) {
        List<Rating> list = new ArrayList<>();
        for (int i = 0; i < ratings.length; i++) {
            list.add(new Rating("activity " + i, ratings[i]));
        }
        return new Assessment(week, list);
    }

    @Test
    void twoPointsOnTheMeanOrThreeOnOneActivityIsMeaningful_abbott2014() {
        assertThat(FunctionalScale.change(assessment(0, 3, 4), assessment(4, 5, 6)).change())
                .isEqualTo(FunctionChange.IMPROVED);
        assertThat(FunctionalScale.change(assessment(0, 3, 4, 5), assessment(4, 6, 4, 5)).change())
                .isEqualTo(FunctionChange.IMPROVED);
        assertThat(FunctionalScale.change(assessment(0, 3, 4, 5), assessment(4, 5, 5, 6)).change())
                .as("1.3 on the mean, no activity by 3").isEqualTo(FunctionChange.UNCHANGED);
        assertThat(FunctionalScale.change(assessment(0, 6, 6), assessment(8, 3, 6)).change())
                .isEqualTo(FunctionChange.WORSE);
        assertThat(FunctionalScale.change(assessment(0, 2, 8), assessment(12, 5, 5)).change())
                .isEqualTo(FunctionChange.MIXED);
        FunctionalScale.Change change = FunctionalScale.change(assessment(0, 3, 4), assessment(4, 5, 6));
        assertThat(change.meanChange()).isEqualTo(2.0);
        assertThat(change.activityChanges()).containsExactly(2, 2);
    }

    @Test
    void theFunctionClassificationMatchesTheThresholds() {
        Random random = new Random(12);
        for (int i = 0; i < CASES; i++) {
            int n = 1 + random.nextInt(5);
            int[] start = new int[n];
            int[] later = new int[n];
            for (int k = 0; k < n; k++) {
                start[k] = random.nextInt(11);
                later[k] = Math.max(0, Math.min(10, start[k] + random.nextInt(9) - 4));
            }
            FunctionChange got = FunctionalScale.change(assessment(0, start), assessment(4, later)).change();

            BigDecimal mean = BigDecimal.ZERO;
            boolean oneBetter = false;
            boolean oneWorse = false;
            for (int k = 0; k < n; k++) {
                mean = mean.add(BigDecimal.valueOf(later[k] - start[k]));
                oneBetter |= later[k] - start[k] >= 3;
                oneWorse |= start[k] - later[k] >= 3;
            }
            mean = mean.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128);
            FunctionChange expected = mean.compareTo(BigDecimal.valueOf(2)) >= 0 ? FunctionChange.IMPROVED
                    : mean.compareTo(BigDecimal.valueOf(-2)) <= 0 ? FunctionChange.WORSE
                    : oneBetter && oneWorse ? FunctionChange.MIXED
                    : oneBetter ? FunctionChange.IMPROVED
                    : oneWorse ? FunctionChange.WORSE : FunctionChange.UNCHANGED;
            assertThat(got).as("%s → %s", java.util.Arrays.toString(start), java.util.Arrays.toString(later))
                    .isEqualTo(expected);
        }
    }

    @Test
    void thePainClassificationMatchesTheThresholds_farrar2001() {
        Random random = new Random(30);
        int improving = 0;
        int worsening = 0;
        for (int i = 0; i < CASES; i++) {
            int firstCount = 1 + random.nextInt(10);
            int latestCount = 1 + random.nextInt(10);
            long firstSum = 0;
            long latestSum = 0;
            for (int k = 0; k < firstCount; k++) {
                firstSum += random.nextInt(11);
            }
            int centre = random.nextInt(11);
            for (int k = 0; k < latestCount; k++) {
                latestSum += Math.max(0, Math.min(10, centre + random.nextInt(3) - 1));
            }
            Direction got = AdherencePolicy.MEANINGFUL_PAIN_CHANGE.direction(firstSum, firstCount, latestSum,
                    latestCount);

            BigDecimal first = BigDecimal.valueOf(firstSum).divide(BigDecimal.valueOf(firstCount), MathContext.DECIMAL128);
            BigDecimal latest = BigDecimal.valueOf(latestSum).divide(BigDecimal.valueOf(latestCount),
                    MathContext.DECIMAL128);
            // Exact fractions compared by cross-multiplying, so no rounding decides a threshold.
            BigDecimal drop = BigDecimal.valueOf(firstSum * latestCount - latestSum * firstCount);
            BigDecimal denominator = BigDecimal.valueOf((long) firstCount * latestCount);
            boolean improved = drop.compareTo(denominator) >= 0
                    && drop.multiply(BigDecimal.valueOf(10)).compareTo(BigDecimal.valueOf(3 * firstSum * latestCount)) >= 0;
            boolean worse = drop.negate().compareTo(denominator.multiply(BigDecimal.valueOf(2))) >= 0;
            Direction expected = improved ? Direction.IMPROVING : worse ? Direction.WORSENING : Direction.STEADY;
            assertThat(got).as("first %s, latest %s", first, latest).isEqualTo(expected);
            improving += got == Direction.IMPROVING ? 1 : 0;
            worsening += got == Direction.WORSENING ? 1 : 0;
        }
        assertThat(improving).isPositive();
        assertThat(worsening).isPositive();
    }
}
