package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.Catalogs.orEmpty;

import java.util.ArrayList;
import java.util.List;

import dev.hipflex.triage.domain.CatalogSnapshot.Exercise;
import dev.hipflex.triage.domain.CatalogSnapshot.Phase;
import dev.hipflex.triage.domain.ProfileExtras.CatalogPick;
import dev.hipflex.triage.domain.ProfileExtras.MovementBreaks;
import dev.hipflex.triage.domain.ProfileExtras.Runner;
import dev.hipflex.triage.domain.ProfileExtras.ShoeCheck;
import dev.hipflex.triage.domain.ProfileRules.CatalogChoice;
import dev.hipflex.triage.domain.ProfileRules.RunnerExtras;
import dev.hipflex.triage.domain.ProfileRules.ShoeAdvice;
import dev.hipflex.triage.domain.Recommendation.Note;

/** Builds the extras for who the person is, applying the extras decisions of {@link ProfileRules}. */
final class ExtrasBuilder {

    private ExtrasBuilder() {
    }

    static ProfileExtras build(Case reading, CatalogIndex catalog, ExercisePolicy policy) {
        if (ProfileRules.NO_EXTRAS_ON_HOLD.holdsFor(reading)) {
            return ProfileExtras.NONE;
        }
        Runner runner = ProfileRules.RUNNER.holdsFor(reading)
                ? runner(ProfileRules.RUNNER.outcome(), reading, catalog, policy) : null;
        MovementBreaks breaks = ProfileRules.MOVEMENT_BREAKS.holdsFor(reading)
                ? movementBreaks(ProfileRules.MOVEMENT_BREAKS.outcome(), catalog, policy) : null;
        CatalogPick coreAndGlute = ProfileRules.CORE_AND_GLUTES.holdsFor(reading)
                ? pick(ProfileRules.CORE_AND_GLUTES.outcome(), policy) : null;
        return new ProfileExtras(runner, breaks, coreAndGlute);
    }

    private static CatalogPick pick(CatalogChoice choice, ExercisePolicy policy) {
        return new Prescriber(policy).pick(choice.category(), exercise -> trains(exercise, choice));
    }

    private static boolean trains(Exercise exercise, CatalogChoice choice) {
        for (String muscle : orEmpty(exercise.supportingMuscles())) {
            if (choice.supportingMuscles().contains(muscle)) {
                return true;
            }
        }
        return false;
    }

    private static Runner runner(RunnerExtras extras, Case reading, CatalogIndex catalog, ExercisePolicy policy) {
        Prescriber prescriber = new Prescriber(policy);
        // The stages first, then the first post-run stretch: the prescriber remembers what it prescribed in order.
        List<Plan.Phase> stages = new ArrayList<>();
        Phase postRunStretch = null;
        for (Phase phase : catalog.phasesInOrder(extras.warmUp())) {
            if (!extras.postRunStretch().equals(phase.slug())) {
                stages.add(prescriber.phase(phase));
            } else if (postRunStretch == null) {
                postRunStretch = phase;
            }
        }
        Plan.Phase postRun = postRunStretch == null ? null : prescriber.phase(postRunStretch);
        CatalogPick mobility = new Prescriber(policy).pick(extras.mobility(), exercise -> true);
        return new Runner(extras.warmUp(), List.copyOf(stages), postRun, extras.afterPainfulRun(), mobility,
                shoeCheck(reading), extras.gaitAnalysis());
    }

    private static ShoeCheck shoeCheck(Case reading) {
        Integer ageMonths = reading.report().profile().runningShoeAgeMonths();
        for (Decision<ShoeAdvice> check : ProfileRules.SHOE_CHECKS) {
            if (check.holdsFor(reading)) {
                Note advice = check.outcome().advice();
                String text = advice.text().replace("{months}", String.valueOf(ageMonths));
                return new ShoeCheck(ageMonths, check.outcome().replace(), new Note(text, advice.source()));
            }
        }
        throw new IllegalStateException("no shoe check holds for a shoe age of " + ageMonths);
    }

    private static MovementBreaks movementBreaks(String protocol, CatalogIndex catalog, ExercisePolicy policy) {
        Prescriber prescriber = new Prescriber(policy);
        List<Plan.Phase> phases = new ArrayList<>();
        for (Phase phase : catalog.phasesInOrder(protocol)) {
            phases.add(prescriber.phase(phase));
        }
        return new MovementBreaks(protocol, List.copyOf(phases));
    }
}
