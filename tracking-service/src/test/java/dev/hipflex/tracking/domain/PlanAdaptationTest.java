package dev.hipflex.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.hipflex.tracking.domain.PlanAdaptation.Adapted;
import dev.hipflex.tracking.domain.PlanAdaptation.Change;
import dev.hipflex.tracking.domain.PlanAdaptation.DoseStep;
import dev.hipflex.tracking.domain.PlanAdaptation.ExerciseSteps;
import dev.hipflex.tracking.domain.PlanAdaptation.Feedback;
import dev.hipflex.tracking.domain.PlanAdaptation.Prescription;

/**
 * The adapting plan (pain-monitoring model, PRODUCT.md part two): scenarios, then properties over seeded generated
 * histories of sessions and waking ratings. The oracles recompute what they need from the history itself.
 */
class PlanAdaptationTest {

    private static final LocalDate START = LocalDate.of(2026, 3, 2);
    private static final int HISTORIES = 1_000;

    /** A slice of the catalog as the content files give it: the glute and hip flexor chains. */
    static final Map<String, ExerciseSteps> CATALOG = Map.of(
            "glute-bridge-hold", new ExerciseSteps("glute-bridge-hold", Map.of("reps", 12, "sets", 3),
                    List.of(new DoseStep("reps", 8, 16, 2), new DoseStep("sets", 2, 4, 1)),
                    List.of("banded-standing-hip-extension"), List.of()),
            "banded-standing-hip-extension", new ExerciseSteps("banded-standing-hip-extension",
                    Map.of("reps", 12, "sets", 3), List.of(new DoseStep("reps", 8, 16, 2), new DoseStep("sets", 2, 4, 1)),
                    List.of(), List.of("glute-bridge-hold")),
            "couch-stretch", new ExerciseSteps("couch-stretch", Map.of("holdSeconds", 60),
                    List.of(new DoseStep("holdSeconds", 30, 90, 15)), List.of(),
                    List.of("half-kneeling-hip-flexor-stretch", "supine-passive-hip-flexor-stretch")),
            "half-kneeling-hip-flexor-stretch", new ExerciseSteps("half-kneeling-hip-flexor-stretch",
                    Map.of("holdSeconds", 45, "sets", 2),
                    List.of(new DoseStep("holdSeconds", 30, 60, 15), new DoseStep("sets", 2, 3, 1)),
                    List.of("couch-stretch"), List.of("supine-passive-hip-flexor-stretch")),
            "supine-passive-hip-flexor-stretch", new ExerciseSteps("supine-passive-hip-flexor-stretch",
                    Map.of("holdSeconds", 60), List.of(new DoseStep("holdSeconds", 30, 120, 15)),
                    List.of("half-kneeling-hip-flexor-stretch", "couch-stretch"), List.of()),
            "foam-roll-quads-rectus-femoris", new ExerciseSteps("foam-roll-quads-rectus-femoris", Map.of(), List.of(),
                    List.of(), List.of()));

    private record History(List<String> exercises, Set<String> excluded, List<Feedback> sessions,
            Map<LocalDate, Integer> waking, LocalDate today) {

        Adapted adapt() {
            return PlanAdaptation.adapt(exercises, CATALOG, excluded, sessions, waking, START, today);
        }
    }

    private static Map<LocalDate, Integer> steadyMornings(int days, int pain) {
        Map<LocalDate, Integer> waking = new HashMap<>();
        for (int d = -7; d <= days; d++) {
            waking.put(START.plusDays(d), pain);
        }
        return waking;
    }

    @Test
    void tolerableAboutRightSessionsStepTheDoseForwardAfterAWeek_silbernagel2007() {
        List<Feedback> sessions = new ArrayList<>();
        for (int d = 0; d < 8; d++) {
            sessions.add(new Feedback(START.plusDays(d), 3, Effort.ABOUT_RIGHT));
        }
        Adapted adapted = PlanAdaptation.adapt(List.of("glute-bridge-hold"), CATALOG, Set.of(), sessions,
                steadyMornings(9, 2), START, START.plusDays(9));
        assertThat(adapted.changes()).singleElement().satisfies(c -> {
            assertThat(c.rule()).isEqualTo(AdherencePolicy.ADAPT_STEP_FORWARD);
            assertThat(c.day()).isEqualTo(START.plusDays(7));
            assertThat(c.variable()).isEqualTo("reps");
            assertThat(c.from()).isEqualTo(12);
            assertThat(c.to()).isEqualTo(14);
            assertThat(c.sentence(Map.of("glute-bridge-hold", "Glute bridge with hold")::get)).contains("went well")
                    .endsWith("so Glute bridge with hold: repetitions from 12 to 14.");
        });
        assertThat(adapted.plan()).containsExactly(new Prescription("glute-bridge-hold", Map.of("reps", 14, "sets", 3)));
    }

    @Test
    void oneSessionWithPainAboveFiveStepsBackTheSameDay() {
        List<Feedback> sessions = List.of(new Feedback(START.plusDays(2), 6, Effort.TOO_HARD));
        Adapted adapted = PlanAdaptation.adapt(List.of("couch-stretch"), CATALOG, Set.of(), sessions,
                steadyMornings(1, 2), START, START.plusDays(2));
        assertThat(adapted.changes()).singleElement().satisfies(c -> {
            assertThat(c.rule()).isEqualTo(AdherencePolicy.ADAPT_STEP_BACK);
            assertThat(c.day()).isEqualTo(START.plusDays(2));
            assertThat(c.to()).isEqualTo(45);
            assertThat(c.sentence(slug -> slug)).startsWith("Pain during your session reached 6, above 5")
                    .endsWith("couch-stretch: hold from 60 to 45 seconds.");
        });
    }

    @Test
    void atTheBottomOfTheRangeTheRegressionComesNextButNeverAnExcludedOne() {
        List<Feedback> sessions = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            sessions.add(new Feedback(START.plusDays(d), 8, Effort.TOO_HARD));
        }
        Adapted adapted = PlanAdaptation.adapt(List.of("couch-stretch"), CATALOG,
                Set.of("half-kneeling-hip-flexor-stretch"), sessions, steadyMornings(3, 2), START, START.plusDays(3));
        // 60 -> 45 -> 30 s, then the regression the recommendation allows.
        assertThat(adapted.changes()).extracting(Change::to).containsExactly(45, 30, null);
        assertThat(adapted.changes().get(2).toExercise()).isEqualTo("supine-passive-hip-flexor-stretch");
        assertThat(adapted.plan()).extracting(Prescription::exercise).containsExactly("supine-passive-hip-flexor-stretch");
    }

    @Test
    void wakingPainTwoAboveTheBaselineStepsBack_childs2005() {
        Map<LocalDate, Integer> waking = steadyMornings(3, 2);
        waking.put(START.plusDays(3), 4);
        Adapted adapted = PlanAdaptation.adapt(List.of("glute-bridge-hold"), CATALOG, Set.of(),
                List.of(new Feedback(START.plusDays(2), 3, Effort.ABOUT_RIGHT)), waking, START, START.plusDays(3));
        assertThat(adapted.changes()).singleElement().satisfies(c -> {
            assertThat(c.rule()).isEqualTo(AdherencePolicy.ADAPT_STEP_BACK);
            assertThat(c.facts().nextWakingPain()).isEqualTo(4);
            assertThat(c.facts().baseline()).isEqualTo(2.0);
            assertThat(c.variable()).isEqualTo("sets");
        });
    }

    @Test
    void sessionsWithoutAMorningRatingHoldThePlan() {
        List<Feedback> sessions = new ArrayList<>();
        for (int d = 0; d < 12; d++) {
            sessions.add(new Feedback(START.plusDays(d), 1, Effort.TOO_EASY));
        }
        Map<LocalDate, Integer> waking = steadyMornings(12, 1);
        for (int d = 2; d <= 12; d += 3) {
            waking.remove(START.plusDays(d));
        }
        Adapted adapted = PlanAdaptation.adapt(List.of("glute-bridge-hold"), CATALOG, Set.of(), sessions, waking, START,
                START.plusDays(12));
        assertThat(adapted.changes()).isEmpty();
    }

    @Test
    void whileARootCauseExperimentRunsThePlanDoesNotStepForwardButStillStepsBack() {
        List<Feedback> sessions = new ArrayList<>();
        for (int d = 0; d < 20; d++) {
            sessions.add(new Feedback(START.plusDays(d), 3, Effort.ABOUT_RIGHT));
        }
        sessions.add(new Feedback(START.plusDays(20), 7, Effort.TOO_HARD));
        List<PlanAdaptation.Freeze> experiment = List.of(new PlanAdaptation.Freeze(START.plusDays(3), START.plusDays(16)));
        Adapted frozen = PlanAdaptation.adapt(List.of("glute-bridge-hold"), CATALOG, Set.of(), sessions,
                steadyMornings(21, 2), experiment, START, START.plusDays(21));
        // Without the experiment the dose steps forward on day 7 and day 14; with it, not before day 17 (the first
        // morning after it ended) and the step back on day 20 still comes: pain is never held still.
        Adapted free = PlanAdaptation.adapt(List.of("glute-bridge-hold"), CATALOG, Set.of(), sessions,
                steadyMornings(21, 2), START, START.plusDays(21));
        assertThat(free.changes()).extracting(Change::day).contains(START.plusDays(7), START.plusDays(14));
        assertThat(frozen.changes()).allSatisfy(c -> {
            if (c.rule() == AdherencePolicy.ADAPT_STEP_FORWARD) {
                assertThat(experiment.get(0).covers(c.day())).as("forward on " + c.day()).isFalse();
            }
        });
        assertThat(frozen.changes()).extracting(Change::rule).contains(AdherencePolicy.ADAPT_STEP_FORWARD,
                AdherencePolicy.ADAPT_STEP_BACK);
        assertThat(frozen.changes()).filteredOn(c -> c.rule() == AdherencePolicy.ADAPT_STEP_FORWARD)
                .extracting(Change::day).containsExactly(START.plusDays(17));
        // A running experiment (no end yet) holds every step forward from its start.
        Adapted running = PlanAdaptation.adapt(List.of("glute-bridge-hold"), CATALOG, Set.of(), sessions,
                steadyMornings(21, 2), List.of(new PlanAdaptation.Freeze(START, null)), START, START.plusDays(21));
        assertThat(running.changes()).extracting(Change::rule).containsExactly(AdherencePolicy.ADAPT_STEP_BACK);
    }

    @Test
    void overGeneratedHistoriesNoStepForwardFallsOnAnExperimentsDays() {
        Random random = new Random(19);
        forEachHistory(h -> {
            LocalDate from = START.plusDays(random.nextInt(30));
            LocalDate to = random.nextBoolean() ? null : from.plusDays(random.nextInt(30));
            PlanAdaptation.Freeze freeze = new PlanAdaptation.Freeze(from, to);
            Adapted adapted = PlanAdaptation.adapt(h.exercises(), CATALOG, h.excluded(), h.sessions(), h.waking(),
                    List.of(freeze), START, h.today());
            assertThat(adapted.changes()).filteredOn(c -> c.rule() == AdherencePolicy.ADAPT_STEP_FORWARD)
                    .allSatisfy(c -> assertThat(freeze.covers(c.day())).as("forward on " + c.day()).isFalse());
            // Steps back are the same as without the freeze up to its start.
            assertThat(adapted.changes()).filteredOn(c -> c.day().isBefore(from))
                    .isEqualTo(h.adapt().changes().stream().filter(c -> c.day().isBefore(from)).toList());
        });
    }

    // ---- properties over generated histories ----

    @Test
    void neverAStepForwardAfterASessionThatWasNotToleratedNorWithinSevenDaysOfTheLastChange() {
        forEachHistory(h -> {
            Adapted adapted = h.adapt();
            LocalDate previous = START;
            for (Change c : adapted.changes()) {
                if (c.rule() == AdherencePolicy.ADAPT_STEP_FORWARD) {
                    assertThat(ChronoUnit.DAYS.between(previous, c.day())).as("days since the last change")
                            .isGreaterThanOrEqualTo(7);
                    assertThat(tolerated(h, c.sessionDay())).as("session of " + c.sessionDay() + " tolerated").isTrue();
                }
                previous = c.day();
            }
        });
    }

    @Test
    void neverBeyondTheCatalogsRangeNorIntoAnExcludedExercise() {
        forEachHistory(h -> {
            Adapted adapted = h.adapt();
            for (Prescription p : adapted.plan()) {
                assertThat(h.excluded()).doesNotContain(p.exercise());
                for (DoseStep step : CATALOG.get(p.exercise()).steps()) {
                    assertThat(p.dose().get(step.variable())).isBetween(step.min(), step.max());
                }
            }
            for (Change c : adapted.changes()) {
                assertThat(h.excluded()).doesNotContain(c.toExercise());
                if (c.variable() != null) {
                    DoseStep step = CATALOG.get(c.toExercise()).step(c.variable());
                    assertThat(c.to()).isBetween(step.min(), step.max());
                    assertThat(Math.abs(c.to() - c.from())).isBetween(1, step.step());
                }
            }
        });
    }

    @Test
    void theSameHistoryAlwaysGivesTheSamePlanWhateverOrderItArrivesIn() {
        forEachHistory(h -> {
            List<Feedback> shuffled = new ArrayList<>(h.sessions());
            Collections.shuffle(shuffled, new Random(h.sessions().size()));
            Adapted again = new History(h.exercises(), h.excluded(), shuffled, new LinkedHashMap<>(h.waking()), h.today())
                    .adapt();
            assertThat(again).isEqualTo(h.adapt());
        });
    }

    @Test
    void everyChangeIsExplainedByARuleThatReallyFired() {
        forEachHistory(h -> {
            for (Change c : h.adapt().changes()) {
                assertThat(c.rule().fires(c.facts())).isTrue();
                // The facts are the history's, not made up.
                assertThat(h.sessions()).anySatisfy(s -> {
                    assertThat(s.day()).isEqualTo(c.sessionDay());
                    assertThat(s.painDuring()).isEqualTo(c.facts().painDuring());
                });
                if (c.facts().nextWakingPain() != null) {
                    assertThat(h.waking().get(c.sessionDay().plusDays(1))).isEqualTo(c.facts().nextWakingPain());
                }
                if (c.rule() == AdherencePolicy.ADAPT_STEP_FORWARD) {
                    assertThat(AdherencePolicy.ADAPT_STEP_BACK.fires(c.facts())).isFalse();
                }
                assertThat(c.sentence(slug -> slug)).isNotBlank();
            }
        });
    }

    @Test
    void aSteadyHistoryOfToleratedEasySessionsDoesStepForward() {
        Random random = new Random(18);
        for (int i = 0; i < 200; i++) {
            int pain = random.nextInt(6);
            int morning = random.nextInt(4);
            List<Feedback> sessions = new ArrayList<>();
            for (int d = 0; d < 42; d++) {
                sessions.add(new Feedback(START.plusDays(d), pain, random.nextBoolean() ? Effort.TOO_EASY : Effort.ABOUT_RIGHT));
            }
            Adapted adapted = PlanAdaptation.adapt(List.of("half-kneeling-hip-flexor-stretch", "glute-bridge-hold"),
                    CATALOG, Set.of(), sessions, steadyMornings(43, morning), START, START.plusDays(42));
            // One change a week at most, and a steady week always brings one.
            assertThat(adapted.changes()).hasSize(6)
                    .allSatisfy(c -> assertThat(c.rule()).isEqualTo(AdherencePolicy.ADAPT_STEP_FORWARD));
        }
    }

    /** Whether the session of {@code day} was tolerated, recomputed from the history. */
    private static boolean tolerated(History h, LocalDate day) {
        List<Integer> last = new ArrayList<>();
        for (LocalDate d = day; last.size() < 7 && !d.isBefore(START.minusDays(30)); d = d.minusDays(1)) {
            if (h.waking().containsKey(d)) {
                last.add(h.waking().get(d));
            }
        }
        Integer next = h.waking().get(day.plusDays(1));
        if (last.size() < 3 || next == null) {
            return false;
        }
        Collections.sort(last);
        int n = last.size();
        double median = n % 2 == 1 ? last.get(n / 2) : (last.get(n / 2 - 1) + last.get(n / 2)) / 2.0;
        return h.sessions().stream().anyMatch(s -> s.day().equals(day) && s.painDuring() <= 5) && next <= median + 1;
    }

    private static void forEachHistory(java.util.function.Consumer<History> property) {
        Random random = new Random(1818);
        List<String> all = new ArrayList<>(CATALOG.keySet());
        Collections.sort(all);
        for (int i = 0; i < HISTORIES; i++) {
            List<String> exercises = new ArrayList<>();
            Set<String> excluded = new java.util.TreeSet<>();
            for (String exercise : all) {
                double roll = random.nextDouble();
                if (roll < 0.4) {
                    exercises.add(exercise);
                } else if (roll < 0.6) {
                    excluded.add(exercise);
                }
            }
            if (exercises.isEmpty()) {
                exercises.add("couch-stretch");
                excluded.remove("couch-stretch");
            }
            int days = 5 + random.nextInt(80);
            double sessionRate = 0.3 + random.nextDouble() * 0.7;
            double ratingRate = 0.6 + random.nextDouble() * 0.4;
            int usual = random.nextInt(8);
            int spread = random.nextInt(4);
            List<Feedback> sessions = new ArrayList<>();
            Map<LocalDate, Integer> waking = new HashMap<>();
            for (int d = -10; d <= days; d++) {
                LocalDate day = START.plusDays(d);
                if (random.nextDouble() < ratingRate) {
                    waking.put(day, Math.max(0, Math.min(10, usual + random.nextInt(2 * spread + 1) - spread)));
                }
                if (d >= 0 && random.nextDouble() < sessionRate) {
                    int during = Math.min(10, Math.max(0, usual + random.nextInt(5) - 2));
                    Effort effort = random.nextInt(5) == 0 ? null : Effort.values()[random.nextInt(3)];
                    sessions.add(new Feedback(day, during, effort));
                }
            }
            property.accept(new History(exercises, excluded, sessions, waking, START.plusDays(days)));
        }
    }
}
