package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.Catalogs.orEmpty;
import static dev.hipflex.triage.domain.RuleSet.LONG_SITTING_HOURS;
import static dev.hipflex.triage.domain.RuleSet.ROOT_CAUSE_METHOD;
import static dev.hipflex.triage.domain.RuleSet.RUNNERS_CHRONIC_PAIN;
import static dev.hipflex.triage.domain.RuleSet.SHOE_SUPPORT_WEARS_OUT_MONTHS;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.hipflex.triage.domain.CatalogSnapshot.Exercise;
import dev.hipflex.triage.domain.CatalogSnapshot.Phase;
import dev.hipflex.triage.domain.ProfileExtras.CatalogPick;
import dev.hipflex.triage.domain.ProfileExtras.MovementBreaks;
import dev.hipflex.triage.domain.ProfileExtras.Runner;
import dev.hipflex.triage.domain.ProfileExtras.ShoeCheck;
import dev.hipflex.triage.domain.Recommendation.Note;
import dev.hipflex.triage.domain.SymptomReport.PainLocation;
import dev.hipflex.triage.domain.SymptomReport.Profile;

/** Builds the extras for runners, people who sit a lot, and low back or knee pain. */
final class ExtrasBuilder {

    static final String WARM_UP = "runners-warm-up";
    static final String POST_RUN_STRETCH = "post-run-stretch";
    static final String MOVEMENT_BREAKS = "movement-breaks";

    /** Strengthening that trains the core or the glutes, the muscles that take load off the low back and knee. */
    private static final Set<String> CORE_AND_GLUTES = Set.of("deep-core", "gluteus-maximus", "gluteus-medius");

    private static final Note GAIT = new Note("Have your running looked at: some running stores and physiotherapy "
            + "clinics analyse your gait, or ask a friend to film you from behind and from the side.",
            RUNNERS_CHRONIC_PAIN);
    private static final Note AFTER_PAINFUL_RUN = new Note("If your hip hurts during a run, ice the sore spot for at "
            + "least 20 minutes once you are home, then rest or switch to cardio that does not hurt.",
            RUNNERS_CHRONIC_PAIN);

    private ExtrasBuilder() {
    }

    /**
     * What extras depend on; the policy is one instance per combination of conditions and gentle mode, and the shoes'
     * age counts only for a runner who may run.
     */
    private record ExtrasKey(ExercisePolicy policy, boolean runs, Integer shoeAgeMonths, boolean sitsALot,
            boolean lowBackOrKnee) {
    }

    /** The extras for the report, built once per catalog snapshot and combination of what they depend on. */
    static ProfileExtras build(SymptomReport report, CatalogIndex catalog, Assessment assessment,
            ExercisePolicy policy) {
        if (assessment.exercisesOnHold()) {
            return ProfileExtras.NONE;
        }
        Profile profile = report.profile();
        boolean runs = Boolean.TRUE.equals(profile.runner()) && !assessment.noRunning();
        boolean sitsALot = Boolean.TRUE.equals(profile.deskWorker())
                || (profile.hoursSittingPerDay() != null && profile.hoursSittingPerDay() >= LONG_SITTING_HOURS);
        boolean lowBackOrKnee = report.painLocations().contains(PainLocation.LOW_BACK)
                || report.painLocations().contains(PainLocation.KNEE);
        ExtrasKey key = new ExtrasKey(policy, runs, runs ? profile.runningShoeAgeMonths() : null, sitsALot, lowBackOrKnee);
        return catalog.extras(key, () -> build(key, catalog));
    }

    private static ProfileExtras build(ExtrasKey key, CatalogIndex catalog) {
        ExercisePolicy policy = key.policy();
        Runner runner = key.runs() ? runner(key.shoeAgeMonths(), catalog, policy) : null;
        MovementBreaks breaks = key.sitsALot() ? movementBreaks(catalog, policy) : null;
        CatalogPick coreAndGlute = key.lowBackOrKnee()
                ? new Prescriber(policy).pick("strengthen", ExtrasBuilder::trainsCoreOrGlutes) : null;
        return new ProfileExtras(runner, breaks, coreAndGlute);
    }

    private static boolean trainsCoreOrGlutes(Exercise exercise) {
        for (String muscle : orEmpty(exercise.supportingMuscles())) {
            if (CORE_AND_GLUTES.contains(muscle)) {
                return true;
            }
        }
        return false;
    }

    private static Runner runner(Integer shoeAgeMonths, CatalogIndex catalog, ExercisePolicy policy) {
        List<Phase> phases = catalog.phasesInOrder(WARM_UP);
        Prescriber prescriber = new Prescriber(policy);
        // The stages first, then the first post-run stretch: the prescriber remembers what it prescribed in order.
        List<Plan.Phase> stages = new ArrayList<>();
        Phase postRunStretch = null;
        for (Phase phase : phases) {
            if (!POST_RUN_STRETCH.equals(phase.slug())) {
                stages.add(prescriber.phase(phase));
            } else if (postRunStretch == null) {
                postRunStretch = phase;
            }
        }
        Plan.Phase postRun = postRunStretch == null ? null : prescriber.phase(postRunStretch);
        CatalogPick mobility = new Prescriber(policy).pick("mobility", e -> true);
        return new Runner(WARM_UP, List.copyOf(stages), postRun, AFTER_PAINFUL_RUN, mobility,
                shoeCheck(shoeAgeMonths), GAIT);
    }

    /** Seed 000: running shoe support starts to wear out after 6 to 12 months. */
    private static ShoeCheck shoeCheck(Integer ageMonths) {
        if (ageMonths == null) {
            return new ShoeCheck(null, false, new Note("Check how old your running shoes are: their support starts "
                    + "to wear out after 6 to 12 months. Make sure they also suit the way you run.", ROOT_CAUSE_METHOD));
        }
        if (ageMonths >= SHOE_SUPPORT_WEARS_OUT_MONTHS) {
            return new ShoeCheck(ageMonths, true, new Note("Your running shoes are " + ageMonths + " months old, and "
                    + "support starts to wear out after 6 to 12 months. Replace them, ideally at a running store "
                    + "that looks at your stride.", ROOT_CAUSE_METHOD));
        }
        return new ShoeCheck(ageMonths, false, new Note("Your running shoes are still fairly new. Check that they "
                + "are the right type for you, for example with extra stability or heel support.", ROOT_CAUSE_METHOD));
    }

    private static MovementBreaks movementBreaks(CatalogIndex catalog, ExercisePolicy policy) {
        Prescriber prescriber = new Prescriber(policy);
        List<Plan.Phase> phases = new ArrayList<>();
        for (Phase phase : catalog.phasesInOrder(MOVEMENT_BREAKS)) {
            phases.add(prescriber.phase(phase));
        }
        return new MovementBreaks(MOVEMENT_BREAKS, List.copyOf(phases));
    }
}
