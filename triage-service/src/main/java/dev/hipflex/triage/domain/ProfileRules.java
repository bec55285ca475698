package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.RuleSet.LONG_SITTING_HOURS;
import static dev.hipflex.triage.domain.RuleSet.RELEASE_GUIDE;
import static dev.hipflex.triage.domain.RuleSet.ROOT_CAUSE_METHOD;
import static dev.hipflex.triage.domain.RuleSet.RUNNERS_CHRONIC_PAIN;
import static dev.hipflex.triage.domain.RuleSet.SHOE_SUPPORT_WEARS_OUT_MONTHS;
import static dev.hipflex.triage.domain.RuleSet.SHOE_SUPPORT_WORN_OUT_MONTHS;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import dev.hipflex.triage.domain.Decision.Fact;
import dev.hipflex.triage.domain.Recommendation.Note;
import dev.hipflex.triage.domain.SymptomReport.Activity;
import dev.hipflex.triage.domain.SymptomReport.PainLocation;
import dev.hipflex.triage.domain.SymptomReport.PainQuality;

/**
 * Part of the triage rule set ({@link RuleSet}): what the person's profile adds to the plan, which root-cause
 * checklist steps the report points to, and which muscles it points to. {@link ExtrasBuilder},
 * {@link RootCauseChecks} and {@link LikelyMuscles} apply these.
 */
final class ProfileRules {

    /** Seed 000: how running shoe support wears out, in the words every shoe note uses. */
    private static final String SHOE_WEAR = "support starts to wear out after " + SHOE_SUPPORT_WEARS_OUT_MONTHS + " to "
            + SHOE_SUPPORT_WORN_OUT_MONTHS + " months";

    // ---- Extras for who the person is ----

    static final Decision<Void> NO_EXTRAS_ON_HOLD = new Decision<>("EX-NONE-WHILE-ON-HOLD", "1",
            "Exercises are on hold.", RELEASE_GUIDE, List.of(Facts.EXERCISES_ON_HOLD),
            reading -> reading.assessment().exercisesOnHold(), "No extras at all: they are all exercise.", null);

    /**
     * What runners get.
     *
     * @param warmUp the warm-up protocol; its {@code postRunStretch} phase goes after the run, the others before
     * @param mobility the exercise category of the mobility drills
     */
    record RunnerExtras(String warmUp, String postRunStretch, String mobility, Note afterPainfulRun,
            Note gaitAnalysis) {
    }

    static final Decision<RunnerExtras> RUNNER = runner("EX-RUNNER", "1",
            "The person runs and may run (no rule says no running until seen).",
            reading -> Boolean.TRUE.equals(reading.report().profile().runner()) && !reading.assessment().noRunning(),
            new RunnerExtras("runners-warm-up", "post-run-stretch", "mobility",
                    new Note("If your hip hurts during a run, ice the sore spot for at least 20 minutes once you are "
                            + "home, then rest or switch to cardio that does not hurt.", RUNNERS_CHRONIC_PAIN),
                    new Note("Have your running looked at: some running stores and physiotherapy clinics analyse your "
                            + "gait, or ask a friend to film you from behind and from the side.",
                            RUNNERS_CHRONIC_PAIN)));

    /**
     * The runner's shoe check.
     *
     * @param replace the shoes are old enough for their support to be wearing out
     * @param advice the note; {@code {months}} stands for the shoes' age
     */
    record ShoeAdvice(boolean replace, Note advice) {
    }

    static final Decision<ShoeAdvice> SHOES_AGE_UNKNOWN = shoes("EX-SHOES-AGE-UNKNOWN", "1",
            "A runner did not give the age of their running shoes.",
            reading -> shoeAge(reading) == null, new ShoeAdvice(false, new Note("Check how old your running shoes "
                    + "are: their " + SHOE_WEAR + ". Make sure they also suit the way you run.", ROOT_CAUSE_METHOD)));

    static final Decision<ShoeAdvice> SHOES_WORN = shoes("EX-SHOES-WORN", "1",
            "A runner's shoes are " + SHOE_SUPPORT_WEARS_OUT_MONTHS + " months old or more.",
            reading -> shoeAge(reading) != null && shoeAge(reading) >= SHOE_SUPPORT_WEARS_OUT_MONTHS,
            new ShoeAdvice(true, new Note("Your running shoes are {months} months old, and " + SHOE_WEAR
                    + ". Replace them, ideally at a running store that looks at your stride.", ROOT_CAUSE_METHOD)));

    static final Decision<ShoeAdvice> SHOES_FINE = shoes("EX-SHOES-FINE", "1",
            "A runner's shoes are younger than " + SHOE_SUPPORT_WEARS_OUT_MONTHS + " months.",
            reading -> shoeAge(reading) != null && shoeAge(reading) < SHOE_SUPPORT_WEARS_OUT_MONTHS,
            new ShoeAdvice(false, new Note("Your running shoes are still fairly new. Check that they are the right "
                    + "type for you, for example with extra stability or heel support.", ROOT_CAUSE_METHOD)));

    static final List<Decision<ShoeAdvice>> SHOE_CHECKS = List.of(SHOES_AGE_UNKNOWN, SHOES_WORN, SHOES_FINE);

    private static final String MOVEMENT_BREAKS_PROTOCOL = "movement-breaks";

    static final Decision<String> MOVEMENT_BREAKS = new Decision<>("EX-MOVEMENT-BREAKS", "1",
            "The person works at a desk or sits " + LONG_SITTING_HOURS + " hours a day or more: movement breaks are "
                    + "worth it even for people who do not call themselves desk workers.", RELEASE_GUIDE,
            List.of(Facts.DESK_WORKER, Facts.HOURS_SITTING),
            reading -> Boolean.TRUE.equals(reading.report().profile().deskWorker())
                    || hoursSitting(reading) != null && hoursSitting(reading) >= LONG_SITTING_HOURS,
            "The phases of the " + MOVEMENT_BREAKS_PROTOCOL + " protocol.", MOVEMENT_BREAKS_PROTOCOL);

    /**
     * Catalog exercises picked for the person.
     *
     * @param category the catalog category to pick from
     * @param supportingMuscles an exercise is picked when it trains one of these
     */
    record CatalogChoice(String category, List<String> supportingMuscles) {
    }

    private static final CatalogChoice CORE_AND_GLUTE_EXERCISES = new CatalogChoice("strengthen",
            List.of("deep-core", "gluteus-maximus", "gluteus-medius"));

    static final Decision<CatalogChoice> CORE_AND_GLUTES = new Decision<>("EX-CORE-AND-GLUTES", "1",
            "Low back or knee pain: the core and the glutes take load off both.", RELEASE_GUIDE,
            List.of(Facts.PAIN_LOCATIONS),
            reading -> reading.report().painLocations().contains(PainLocation.LOW_BACK)
                    || reading.report().painLocations().contains(PainLocation.KNEE),
            "The catalog's exercises of the category " + CORE_AND_GLUTE_EXERCISES.category()
                    + " whose supporting muscles include any of " + String.join(", ",
                            CORE_AND_GLUTE_EXERCISES.supportingMuscles()) + ".", CORE_AND_GLUTE_EXERCISES);

    // ---- Root-cause checklist (seed 000's method) ----

    static final Decision<String> RUNNER_STEPS_FOR_RUNNERS = new Decision<>("RC-RUNNER-STEPS", "1",
            "The person does not run.", ROOT_CAUSE_METHOD, List.of(Facts.RUNNER),
            reading -> !Boolean.TRUE.equals(reading.report().profile().runner()),
            "Checklist steps for runners are left out.", "runner");

    /**
     * A checklist step the report points to.
     *
     * @param step the checklist step slug
     * @param value the reported value that points to it; null when it is the input's whole value
     */
    record StepPointer(String step, Word value) {
    }

    static final Decision<StepPointer> WORN_SHOES_STEP = new Decision<>("RC-WORN-SHOES", "1",
            "The running shoes are " + SHOE_SUPPORT_WEARS_OUT_MONTHS + " months old or more.", ROOT_CAUSE_METHOD,
            List.of(Facts.SHOE_AGE),
            reading -> shoeAge(reading) != null && shoeAge(reading) >= SHOE_SUPPORT_WEARS_OUT_MONTHS,
            pointsTo("running-shoes"), new StepPointer("running-shoes", null));

    static final Decision<StepPointer> RUNNING_STEP = activityPointer("RC-RUNNING", "1", Activity.RUNNING,
            "running-shoes");
    static final Decision<StepPointer> DEEP_SQUAT_STEP = activityPointer("RC-DEEP-SQUAT", "1", Activity.DEEP_SQUAT,
            "exercise-form");
    static final Decision<StepPointer> SLEEPING_STEP = activityPointer("RC-SLEEPING", "1", Activity.SLEEPING,
            "sleeping-posture");

    static final Decision<StepPointer> RAISED_HEELS_STEP = new Decision<>("RC-RAISED-HEELS", "1",
            "The person often wears raised heels.", ROOT_CAUSE_METHOD, List.of(Facts.RAISED_HEELS),
            reading -> Boolean.TRUE.equals(reading.report().profile().wearsRaisedHeels()),
            pointsTo("everyday-shoes"), new StepPointer("everyday-shoes", null));

    /** In the order their evidence is listed within a step. */
    static final List<Decision<StepPointer>> STEP_POINTERS = List.of(WORN_SHOES_STEP, RUNNING_STEP, DEEP_SQUAT_STEP,
            SLEEPING_STEP, RAISED_HEELS_STEP);

    // ---- Likely muscles ----

    /**
     * Reported values that point to muscles; each one reported adds its points to each of the muscles.
     *
     * @param values the reported values (of the decision's one input) that point to the muscles, in declaration order
     * @param muscles the muscles' catalog slugs; empty for the catalog's own pain referral areas
     */
    record MuscleHint(Set<? extends Word> values, List<String> muscles, int points) {
    }

    static final Decision<MuscleHint> REFERRED_PAIN = hint("LM-REFERRED-PAIN", "1",
            "A pain location is among a muscle's pain referral areas in the catalog.", Facts.PAIN_LOCATIONS,
            reading -> !reading.report().painLocations().isEmpty(),
            new MuscleHint(EnumSet.allOf(PainLocation.class), List.of(), 1));

    static final Decision<MuscleHint> SNAPPING_POINTS_TO_TFL = hint("LM-SNAPPING-TFL", "1", "The pain snaps.",
            Facts.QUALITIES, reading -> reading.report().qualities().contains(PainQuality.SNAPPING),
            new MuscleHint(EnumSet.of(PainQuality.SNAPPING), List.of("tensor-fasciae-latae"), 1));

    private static final Set<Activity> LOADS_THE_ILIOPSOAS = EnumSet.of(Activity.SITTING, Activity.STAIRS,
            Activity.DEEP_SQUAT, Activity.LIFTING_THE_KNEE);

    static final Decision<MuscleHint> LOADED_ILIOPSOAS = hint("LM-ILIOPSOAS-LOAD", "1",
            "Lifting the knee, stairs, sitting or deep squats make the pain worse: they load the iliopsoas.",
            Facts.AGGRAVATING_ACTIVITIES,
            reading -> reading.report().aggravatingActivities().stream().anyMatch(LOADS_THE_ILIOPSOAS::contains),
            new MuscleHint(LOADS_THE_ILIOPSOAS, List.of("psoas-major", "iliacus"), 1));

    /**
     * Muscles with equal points are ranked by how often each is the source of hip flexor pain: article 003 names the
     * psoas major the most common; after it, the order in which the article lists the hip flexors.
     */
    /** Hints beyond the catalog's referral areas, in the order their evidence is listed. */
    static final List<Decision<MuscleHint>> MUSCLE_HINTS = List.of(SNAPPING_POINTS_TO_TFL, LOADED_ILIOPSOAS);

    /**
     * Muscles with equal points are ranked by how often each is the source of hip flexor pain: article 003 names the
     * psoas major the most common; after it, the order in which the article lists the hip flexors.
     */
    static final Decision<List<String>> MOST_COMMON_FIRST = new Decision<>("LM-MOST-COMMON-FIRST", "1",
            "The report points to muscles (a pain location, snapping, or an activity that loads the iliopsoas), so "
                    + "two of them may have the same points.", RELEASE_GUIDE,
            List.of(Facts.PAIN_LOCATIONS, Facts.QUALITIES, Facts.AGGRAVATING_ACTIVITIES),
            reading -> !reading.report().painLocations().isEmpty()
                    || reading.report().qualities().contains(PainQuality.SNAPPING)
                    || reading.report().aggravatingActivities().stream().anyMatch(LOADS_THE_ILIOPSOAS::contains),
            "Muscles with the same points are ranked psoas-major, iliacus, rectus-femoris, tensor-fasciae-latae, "
                    + "sartorius; any other muscle after those, by slug.",
            List.of("psoas-major", "iliacus", "rectus-femoris", "tensor-fasciae-latae", "sartorius"));

    private ProfileRules() {
    }

    private static Decision<RunnerExtras> runner(String id, String version, String description,
            Predicate<Case> condition, RunnerExtras extras) {
        return new Decision<>(id, version, description, RUNNERS_CHRONIC_PAIN, List.of(Facts.RUNNER, Facts.NO_RUNNING),
                condition, "The runner's extras: the phases of the " + extras.warmUp() + " protocol before a run, "
                        + "except its " + extras.postRunStretch() + " phase after it; the catalog's "
                        + extras.mobility() + " exercises; a shoe check (EX-SHOES-*); and the notes \u201c"
                        + extras.afterPainfulRun().text() + "\u201d and \u201c" + extras.gaitAnalysis().text()
                        + "\u201d", extras);
    }

    private static Decision<MuscleHint> hint(String id, String version, String description, Fact input,
            Predicate<Case> condition, MuscleHint hint) {
        String muscles = hint.muscles().isEmpty() ? "every catalog muscle whose pain referral areas name it"
                : String.join(" and ", hint.muscles());
        return new Decision<>(id, version, description, RELEASE_GUIDE, List.of(input), condition,
                "Each of those values reported adds " + hint.points() + " point(s) to " + muscles + ".", hint);
    }

    private static Decision<ShoeAdvice> shoes(String id, String version, String description,
            Predicate<Case> condition, ShoeAdvice advice) {
        return new Decision<>(id, version, description, ROOT_CAUSE_METHOD, List.of(Facts.SHOE_AGE), condition,
                (advice.replace() ? "The shoe check says replace them. " : "")
                        + "The runner reads" + (advice.advice().text().contains("{months}")
                                ? " ({months} being the shoes' age)" : "") + ": \u201c" + advice.advice().text()
                        + "\u201d", advice);
    }

    private static Decision<StepPointer> activityPointer(String id, String version, Activity activity, String step) {
        String activityInWords = activity.word().replace('-', ' ');
        return new Decision<>(id, version, "The pain gets worse with " + activityInWords + ".", ROOT_CAUSE_METHOD,
                List.of(Facts.AGGRAVATING_ACTIVITIES),
                reading -> reading.report().aggravatingActivities().contains(activity), pointsTo(step),
                new StepPointer(step, activity));
    }

    private static String pointsTo(String step) {
        return "The checklist step " + step + " is marked worth checking first.";
    }

    private static Integer shoeAge(Case reading) {
        return reading.report().profile().runningShoeAgeMonths();
    }

    private static Integer hoursSitting(Case reading) {
        return reading.report().profile().hoursSittingPerDay();
    }
}
