package dev.hipflex.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.hipflex.tracking.domain.ExperimentStatistics.Outcome;
import dev.hipflex.tracking.domain.ExperimentStatistics.Rating;
import dev.hipflex.tracking.domain.ExperimentStatistics.Result;

/**
 * Property tests of the experiment result over generated daily waking ratings (PRODUCT.md "Root-cause experiments";
 * single-case design guards after Tarlow, Behav Modif 2017): too little data is never "helped", a large sustained
 * drop is, phases from one distribution rarely are, and natural recovery is not taken for an effect.
 */
class ExperimentStatisticsTest {

    static final LocalDate START = LocalDate.of(2026, 11, 2);
    static final int CASES = 2000;

    /** Daily ratings from {@code from} on: level + slope × day + noise (AR(1) with {@code phi}), rounded into 0–10. */
    static List<Rating> ratings(Random random, LocalDate from, int days, double level, double slope, double noise,
            double phi, double missing) {
        List<Rating> ratings = new ArrayList<>();
        double error = 0;
        for (int day = 0; day < days; day++) {
            error = phi * error + Math.sqrt(1 - phi * phi) * noise * random.nextGaussian();
            if (random.nextDouble() >= missing) {
                long pain = Math.round(level + slope * day + error);
                ratings.add(new Rating(from.plusDays(day), (int) Math.max(0, Math.min(10, pain))));
            }
        }
        return ratings;
    }

    @Test
    void fewerThanSevenRatingsInAPhaseIsNeverHelped() {
        Random random = new Random(19);
        for (int i = 0; i < CASES; i++) {
            int shortDays = random.nextInt(7);
            boolean baselineShort = random.nextBoolean();
            List<Rating> baseline = ratings(random, START, baselineShort ? shortDays : 7 + random.nextInt(14), 8, 0,
                    0.5, 0, 0);
            List<Rating> change = ratings(random, START.plusDays(30), baselineShort ? 7 + random.nextInt(14) : shortDays,
                    1, 0, 0.5, 0, 0);
            Result result = ExperimentStatistics.judge(baseline, change);
            assertThat(result.outcome()).as("case %d", i).isEqualTo(Outcome.NOT_ENOUGH_DATA);
            assertThat(result.tau()).isNull();
        }
        // Missing days count: 10 days with 4 missing leaves 6 ratings.
        List<Rating> gappy = ratings(new Random(1), START, 10, 8, 0, 0.3, 0, 0).subList(0, 6);
        assertThat(ExperimentStatistics.judge(gappy, ratings(new Random(2), START.plusDays(10), 7, 1, 0, 0.3, 0, 0))
                .outcome()).isEqualTo(Outcome.NOT_ENOUGH_DATA);
    }

    @Test
    void aLargeClearSustainedDropAfterAStableBaselineIsHelped() {
        Random random = new Random(7);
        int judged = 0;
        for (int i = 0; i < CASES; i++) {
            double before = 5 + 3 * random.nextDouble();
            double after = before * (0.2 + 0.3 * random.nextDouble());
            int baselineDays = 7 + random.nextInt(8);
            List<Rating> baseline = ratings(random, START, baselineDays, before, 0, 0.6, 0.3, 0.1);
            List<Rating> change = ratings(random, START.plusDays(baselineDays), 14, after, 0, 0.6, 0.3, 0.1);
            // The change starts only after a stable baseline (PRODUCT.md); a noisy week that looks like a trend waits.
            if (change.size() < 7 || !ExperimentStatistics.stable(baseline)) {
                continue;
            }
            judged++;
            Result result = ExperimentStatistics.judge(baseline, change);
            assertThat(result.outcome()).as("case %d: %s", i, result).isEqualTo(Outcome.HELPED);
            assertThat(result.p()).isLessThan(0.05);
        }
        assertThat(judged).isGreaterThan(CASES / 4);
    }

    @Test
    void theSameRiseIsWorse() {
        Random random = new Random(8);
        List<Rating> baseline = ratings(random, START, 7, 3, 0, 0.5, 0, 0);
        List<Rating> change = ratings(random, START.plusDays(7), 7, 7, 0, 0.5, 0, 0);
        assertThat(ExperimentStatistics.judge(baseline, change).outcome()).isEqualTo(Outcome.WORSE);
    }

    @Test
    void aStableBaselineIsOneWithoutATrendOfATenthOfAPointADay() {
        assertThat(ExperimentStatistics.stable(ratings(new Random(1), START, 7, 5, 0, 0, 0, 0))).isTrue();
        assertThat(ExperimentStatistics.stable(ratings(new Random(1), START, 7, 8, -0.5, 0, 0, 0))).isFalse();
        assertThat(ExperimentStatistics.stable(ratings(new Random(1), START, 6, 5, 0, 0, 0, 0))).isFalse();
    }

    @Test
    void phasesFromOneDistributionAreRarelyHelped() {
        int seeds = 20;
        int helped = 0;
        int cases = 0;
        for (int seed = 0; seed < seeds; seed++) {
            Random random = new Random(1000 + seed);
            for (int i = 0; i < CASES / 4; i++) {
                double level = 1 + 8 * random.nextDouble();
                double noise = 0.3 + 2 * random.nextDouble();
                double phi = random.nextBoolean() ? 0 : 0.5 * random.nextDouble();
                int baselineDays = 7 + random.nextInt(8);
                List<Rating> baseline = ratings(random, START, baselineDays, level, 0, noise, phi, 0.15);
                List<Rating> change = ratings(random, START.plusDays(baselineDays), 7 + random.nextInt(8), level, 0,
                        noise, phi, 0.15);
                cases++;
                if (ExperimentStatistics.judge(baseline, change).outcome() == Outcome.HELPED) {
                    helped++;
                }
            }
        }
        assertThat((double) helped / cases).as("%d helped of %d", helped, cases).isLessThanOrEqualTo(0.05);
    }

    @Test
    void aSteadilyFallingBaselineIsNotTakenForAnEffect() {
        Random random = new Random(31);
        int falling = 0;
        int helped = 0;
        for (int i = 0; i < CASES; i++) {
            double slope = -(0.15 + 0.25 * random.nextDouble());
            int baselineDays = 7 + random.nextInt(8);
            // Natural recovery: the same fall goes on through the change phase, which changes nothing.
            List<Rating> all = ratings(random, START, baselineDays + 10, 9, slope, 0.4, 0.2, 0.1);
            List<Rating> baseline = all.stream().filter(r -> r.day().isBefore(START.plusDays(baselineDays))).toList();
            List<Rating> change = all.stream().filter(r -> !r.day().isBefore(START.plusDays(baselineDays))).toList();
            // A baseline whose ratings do not show the fall looks stable, and a recovery then is beyond two phases.
            if (baseline.size() < 7 || change.size() < 7 || ExperimentStatistics.stable(baseline)) {
                continue;
            }
            falling++;
            Result result = ExperimentStatistics.judge(baseline, change);
            assertThat(result.trendCorrected()).isTrue();
            if (result.outcome() == Outcome.HELPED) {
                helped++;
            }
        }
        assertThat(falling).isGreaterThan(CASES / 2);
        assertThat(helped).as("%d helped of %d", helped, falling).isZero();
    }

    @Test
    void theOrderRatingsArriveInDoesNotMatter() {
        Random random = new Random(5);
        for (int i = 0; i < 200; i++) {
            List<Rating> baseline = new ArrayList<>(ratings(random, START, 10, 6, 0, 1, 0.2, 0.1));
            List<Rating> change = new ArrayList<>(ratings(random, START.plusDays(10), 10, 3, 0, 1, 0.2, 0.1));
            Result inOrder = ExperimentStatistics.judge(baseline, change);
            Collections.shuffle(baseline, random);
            Collections.shuffle(change, random);
            assertThat(ExperimentStatistics.judge(baseline, change)).isEqualTo(inOrder);
        }
    }

    @Test
    void theResultSaysWhatDecidedInWords() {
        Random random = new Random(3);
        Result result = ExperimentStatistics.judge(ratings(random, START, 7, 6, 0, 0.3, 0, 0),
                ratings(random, START.plusDays(7), 7, 2, 0, 0.3, 0, 0));
        assertThat(result.outcome()).isEqualTo(Outcome.HELPED);
        assertThat(result.rule()).startsWith("Helped:").contains("30 % of the baseline").contains("Tau");
        assertThat(ExperimentStatistics.normal(1.959964)).isCloseTo(0.975, org.assertj.core.data.Offset.offset(1e-6));
    }
}
