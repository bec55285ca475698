package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.Level.SEE_PROFESSIONAL;
import static dev.hipflex.triage.domain.Level.URGENT_CARE;
import static dev.hipflex.triage.domain.RuleSet.CLINICAL_GUIDANCE;
import static dev.hipflex.triage.domain.RuleSet.RELEASE_GUIDE;
import static dev.hipflex.triage.domain.RuleSet.ROOT_CAUSE_METHOD;
import static dev.hipflex.triage.domain.RuleSet.RUNNERS_CHRONIC_PAIN;

import static dev.hipflex.triage.domain.RuleSet.FRESH_STRAIN_DAYS;

import java.util.List;
import java.util.function.Predicate;

import dev.hipflex.triage.domain.CatalogSnapshot.Exercise;
import dev.hipflex.triage.domain.Decision.Fact;
import dev.hipflex.triage.domain.Recommendation.Note;
import dev.hipflex.triage.domain.SymptomReport.Onset;
import dev.hipflex.triage.domain.SymptomReport.PainLocation;

/**
 * Part of the triage rule set ({@link RuleSet}): how the level shapes what the person may do meanwhile, what the
 * report rules out beyond the level rules, where the first plan puts its focus, and which notes the session plan
 * carries. {@link Assessment}, {@link ExercisePolicy}, {@link Prescriber} and {@link PlanBuilder} apply these in
 * their listed order. Exercises are chosen by their catalog fields (category, target and supporting muscles,
 * contraindications, acute-safe, dose, progressions), never by a slug written here.
 */
final class PlanRules {

    /** What a mode decision switches on, on top of what the fired level rules switched on. */
    record Modes(boolean gentle, boolean noRunning, boolean exercisesOnHold) {
    }

    // ---- How the level shapes the modes ----

    static final Decision<Modes> URGENT_CARE_STOPS_EXERCISE = new Decision<>("AS-URGENT-STOPS-EXERCISE", "1",
            "The level is urgent care.", CLINICAL_GUIDANCE, List.of(Facts.LEVEL),
            reading -> reading.assessment().level() == URGENT_CARE,
            "No running and no exercises at all until the person has been seen.", new Modes(false, true, true));

    static final Decision<Modes> GENTLE_WHILE_WAITING = new Decision<>("AS-GENTLE-WHILE-WAITING", "1",
            "The level is see a professional or more: while someone waits to be seen, only what is gentle is safe "
                    + "to do meanwhile.", RELEASE_GUIDE, List.of(Facts.LEVEL),
            reading -> reading.assessment().level().isAtLeast(SEE_PROFESSIONAL),
            "Gentle mode: only acute-safe exercises.", new Modes(true, false, false));

    static final List<Decision<Modes>> MODES = List.of(URGENT_CARE_STOPS_EXERCISE, GENTLE_WHILE_WAITING);

    // ---- What the report rules out beyond the level rules ----

    /**
     * A catalog contraindication condition that applies to the person; exercises the catalog marks for it are left
     * out, with the catalog's reason, as for the conditions of the level rules.
     */
    static final Decision<String> OUTER_HIP_NO_CROSSING = new Decision<>("PS-OUTER-HIP-NO-CROSSING", "1",
            "Pain on the outside of the hip: positions that cross the leg over the body squeeze the tendons on the "
                    + "bony point of the hip (gluteal tendinopathy is common, in women of 40 to 60 most of all; "
                    + "Mellor R et al., BMJ 2018;361:k1662).", CLINICAL_GUIDANCE, List.of(Facts.PAIN_LOCATIONS),
            reading -> reading.report().painLocations().contains(PainLocation.OUTER_HIP),
            "Exercises the catalog marks as contraindicated for outer-hip-pain are left out.", "outer-hip-pain");

    /** Conditions beyond the level rules' own, in the order they are listed. */
    static final List<Decision<String>> CONDITIONS = List.of(OUTER_HIP_NO_CROSSING);

    /**
     * Catalog exercises ruled out by their catalog fields rather than by a contraindication the catalog lists.
     *
     * @param condition the word the exclusion is listed under
     * @param excludes which catalog exercises it rules out
     * @param reason what the person reads for each of them
     */
    record FieldExclusion(String condition, Predicate<Exercise> excludes, String reason) {

        /** Without the predicate, whose text names an object, not what it tests: the decision's effect says that. */
        @Override
        public String toString() {
            return "FieldExclusion[condition=" + condition + ", reason=" + reason + "]";
        }
    }

    static final Decision<FieldExclusion> FRESH_STRAIN = new Decision<>("PS-FRESH-STRAIN", "2",
            "Pain came on suddenly during exercise (a likely strain) " + FRESH_STRAIN_DAYS + " days ago or less. "
                    + "Counting the day it began as day 0, the first " + FRESH_STRAIN_DAYS + " days end with day "
                    + FRESH_STRAIN_DAYS + ": the more careful reading. A fresh strain is not stretched or rolled; "
                    + "pain-free holds keep it working, and gentle loading follows.", CLINICAL_GUIDANCE,
            List.of(Facts.ONSET, Facts.DAYS_SINCE_ONSET),
            reading -> reading.report().onset() == Onset.SUDDEN_DURING_EXERCISE
                    && reading.report().daysSinceOnset() != null
                    && reading.report().daysSinceOnset() <= FRESH_STRAIN_DAYS,
            "Every catalog exercise is left out under fresh-strain except strengthening exercises the catalog doses "
                    + "as isometric holds (an isometricHold with its own hold time, repetitions and sources): no "
                    + "release, stretching, mobility or moving strength work for now.",
            new FieldExclusion("fresh-strain", exercise -> !"strengthen".equals(exercise.category())
                    || exercise.isometricHold() == null,
                    "Your pain began suddenly during exercise only a few days ago, which points to a strained "
                            + "muscle. For the first " + FRESH_STRAIN_DAYS + " days it is not stretched, rolled or "
                            + "moved through its range: only still, pain-free holds."));

    static final List<Decision<FieldExclusion>> FIELD_EXCLUSIONS = List.of(FRESH_STRAIN);

    // ---- How the first plan is put together ----

    static final Decision<Boolean> GENTLER_FIRST = new Decision<>("PF-GENTLER-FIRST", "1",
            "Every recommendation's plan is a first plan, so it starts with the gentler stretches: where a protocol "
                    + "item names an alternative that the catalog lists as leading up to the item's exercise (the "
                    + "item is among the alternative's progressions), the alternative is done first. The couch "
                    + "stretch's own catalog text says to keep it for later, after the half-kneeling or supine "
                    + "passive stretch.", RELEASE_GUIDE, List.of(Facts.EXERCISES_ON_HOLD),
            reading -> !reading.assessment().exercisesOnHold(),
            "The alternative takes the item's place, with the item's dose; the item is listed as skipped for later.",
            true);

    /**
     * Catalog exercises a focus adds to one phase of the plan, after the protocol's own, where the policy allows
     * them and the plan does not already hold them.
     *
     * @param category the phase's exercise category
     * @param which the catalog fields an exercise needs to be picked
     * @param inWords the same, for a reviewer
     * @param instruction what the person reads with each picked exercise, or null
     * @param holdsFirst each picked exercise the catalog doses as isometric holds is prescribed with that dose
     */
    record FocusPick(String category, Predicate<Exercise> which, String inWords, String instruction,
            boolean holdsFirst) {

        FocusPick(String category, Predicate<Exercise> which, String inWords, String instruction) {
            this(category, which, inWords, instruction, false);
        }

        /**
         * Without the predicate, whose text names an object, not what it tests: {@code inWords} says that. Holds first
         * is named only where it is asked for.
         */
        @Override
        public String toString() {
            return "FocusPick[category=" + category + ", which=" + inWords + ", instruction=" + instruction
                    + (holdsFirst ? ", holdsFirst" : "") + "]";
        }
    }

    /**
     * What the plan focuses on when the most likely muscle is one of {@code muscles}.
     *
     * @param muscles catalog muscle slugs; empty for a focus that its decision's own condition sets, whichever muscle
     *        is most likely (PF-FOCUS-OUTER-HIP)
     */
    record Focus(List<String> muscles, List<FocusPick> picks) {
    }

    static final Decision<Focus> FOCUS_ILIOPSOAS = focus("PF-FOCUS-ILIOPSOAS", "1",
            "The psoas major or the iliacus is the most likely muscle: gentle hip flexor stretches (the deep psoas "
                    + "release only where the DR-* rules allow it).", RELEASE_GUIDE,
            new Focus(List.of("psoas-major", "iliacus"), List.of(
                    new FocusPick("stretch", exercise -> targets(exercise, "psoas-major", "iliacus")
                            && Boolean.TRUE.equals(exercise.acuteSafe()),
                            "stretches targeting psoas-major or iliacus that are acute-safe", null))));

    static final Decision<Focus> FOCUS_RECTUS_FEMORIS = focus("PF-FOCUS-RECTUS-FEMORIS", "1",
            "The rectus femoris is the most likely muscle: the quad foam roll and knee-friendly stretches.",
            RELEASE_GUIDE,
            new Focus(List.of("rectus-femoris"), List.of(
                    new FocusPick("release", exercise -> targets(exercise, "rectus-femoris"),
                            "releases targeting rectus-femoris", null),
                    new FocusPick("stretch", exercise -> targets(exercise, "rectus-femoris")
                            && !contraindicatedFor(exercise, "knee-pain"),
                            "stretches targeting rectus-femoris that the catalog does not contraindicate for knee-pain",
                            null))));

    /** The TFL release and abduction strength that starts with still holds, for the TFL and for outer-hip pain. */
    private static final List<FocusPick> OUTER_HIP_PICKS = List.of(
            new FocusPick("release", exercise -> targets(exercise, "tensor-fasciae-latae"),
                    "releases targeting tensor-fasciae-latae",
                    "Keep the roller on the soft muscle in front of and below the bony point on the outside "
                            + "of your hip, and never roll over the bony point itself."),
            new FocusPick("strengthen", exercise -> trains(exercise, "gluteus-medius"),
                    "strengthening whose supporting muscles include gluteus-medius, as the catalog's isometric holds "
                            + "where it doses them so",
                    "Begin with the still holds of the dose: raise the top leg a little and keep it there, only as "
                            + "long as it stays pain-free. Move on to the lifts once the holds are easy. Keep your "
                            + "legs stacked: never let the top leg cross in front of the other.", true));

    static final Decision<Focus> FOCUS_TFL = focus("PF-FOCUS-TFL", "2",
            "The tensor fasciae latae is the most likely muscle (outer hip): its release, never rolled over the bony "
                    + "point, and abduction strength that starts with still holds, dosed by the catalog (article 003 "
                    + "pairs the TFL release with side-lying abduction; starting with holds is general guidance for "
                    + "the tendons on the outer hip, Mellor R et al., BMJ 2018;361:k1662).", CLINICAL_GUIDANCE,
            new Focus(List.of("tensor-fasciae-latae"), OUTER_HIP_PICKS));

    /**
     * PRODUCT.md part two, "A plan that fits the person": "TFL or outer hip". Outer-hip pain points to the TFL, but a
     * muscle with more points, or the psoas major at equal points, can come first; the tendons on the outer hip still
     * want the abduction holds, so this focus adds to the most likely muscle's.
     */
    static final Decision<Focus> FOCUS_OUTER_HIP = new Decision<>("PF-FOCUS-OUTER-HIP", "1",
            "Pain on the outside of the hip, whichever muscle is most likely: the focus of PF-FOCUS-TFL as well as that "
                    + "of the most likely muscle (gluteal tendinopathy is common, in women of 40 to 60 most of all; "
                    + "Mellor R et al., BMJ 2018;361:k1662).", CLINICAL_GUIDANCE,
            List.of(Facts.PAIN_LOCATIONS, Facts.EXERCISES_ON_HOLD),
            reading -> reading.report().painLocations().contains(PainLocation.OUTER_HIP)
                    && !reading.assessment().exercisesOnHold(),
            picksInWords(OUTER_HIP_PICKS), new Focus(List.of(), OUTER_HIP_PICKS));

    /**
     * The focus decisions: the one whose muscles hold the most likely muscle applies, and each one without muscles
     * whose own condition holds.
     */
    static final List<Decision<Focus>> FOCUS = List.of(FOCUS_ILIOPSOAS, FOCUS_RECTUS_FEMORIS, FOCUS_TFL,
            FOCUS_OUTER_HIP);

    /**
     * A strengthening exercise the plan holds during a fresh strain is done as still holds, with the catalog's own dose
     * for them (isometricHold), not its repetitions.
     */
    static final Decision<String> HOLDS_ONLY = new Decision<>("PF-HOLDS-ONLY", "2",
            "PS-FRESH-STRAIN holds: what is left of the plan (and of the extras) is strengthening the catalog doses as "
                    + "isometric holds, done as still, pain-free holds.", CLINICAL_GUIDANCE,
            List.of(Facts.ONSET, Facts.DAYS_SINCE_ONSET), FRESH_STRAIN.condition(),
            "Each exercise is prescribed with the catalog's isometric-hold dose (hold seconds times repetitions, per "
                    + "side where it says so) instead of its usual or protocol dose, and each exercise of the plan "
                    + "carries the instruction: \u201cFor now, only hold still: take the position, hold it for the hold "
                    + "time without moving, as many times as the dose says, and only as far as it stays "
                    + "pain-free.\u201d",
            "For now, only hold still: take the position, hold it for the hold time without moving, as many times as "
                    + "the dose says, and only as far as it stays pain-free.");

    // ---- Notes of the session plan, in the order the plan lists them ----

    static final Decision<Note> SEEK_CARE = note("PN-SEEK-CARE", "1", "The level is urgent care.", List.of(Facts.LEVEL),
            reading -> reading.assessment().level() == URGENT_CARE,
            new Note("Get urgent care now. Do not exercise or stretch the hip until you have been seen.",
                    CLINICAL_GUIDANCE));

    static final Decision<Note> ON_HOLD = note("PN-ON-HOLD", "1",
            "The level is see a professional and exercises are on hold.",
            List.of(Facts.LEVEL, Facts.EXERCISES_ON_HOLD),
            reading -> reading.assessment().level() == SEE_PROFESSIONAL && reading.assessment().exercisesOnHold(),
            new Note("See a physiotherapist, a sports medicine doctor or an orthopaedic specialist before you start "
                    + "any of the exercises. Your plan begins once they have checked your hip.", RELEASE_GUIDE));

    static final Decision<Note> SEE_FIRST = note("PN-SEE-FIRST", "1",
            "The level is see a professional and exercises are not on hold.",
            List.of(Facts.LEVEL, Facts.EXERCISES_ON_HOLD),
            reading -> reading.assessment().level() == SEE_PROFESSIONAL && !reading.assessment().exercisesOnHold(),
            new Note("See a physiotherapist, a sports medicine doctor or an orthopaedic specialist first. Until then, "
                    + "only the gentle exercises below are safe to do.", RELEASE_GUIDE));

    static final Decision<Note> NO_RUNNING = note("PN-NO-RUNNING", "1",
            "No running until seen, and the level is below urgent care (whose note says it all).",
            List.of(Facts.LEVEL, Facts.NO_RUNNING),
            reading -> reading.assessment().level() != URGENT_CARE && reading.assessment().noRunning(),
            new Note("No running until a professional has seen you. Come back to it only once you are sure your hip "
                    + "is ready.", RUNNERS_CHRONIC_PAIN));

    static final Decision<Note> GENTLE = note("PN-GENTLE", "1", "Gentle mode, and exercises are not on hold.",
            List.of(Facts.GENTLE, Facts.EXERCISES_ON_HOLD),
            reading -> reading.assessment().gentle() && !reading.assessment().exercisesOnHold(),
            new Note("Gentle mode: for now your plan holds only exercises that are safe while pain is acute, such as "
                    + "the supine passive stretch instead of the couch stretch.", RELEASE_GUIDE));

    static final Decision<Note> FRESH_STRAIN_NOTE = note("PN-FRESH-STRAIN", "1",
            "PS-FRESH-STRAIN holds and exercises are not on hold.",
            List.of(Facts.ONSET, Facts.DAYS_SINCE_ONSET, Facts.EXERCISES_ON_HOLD),
            reading -> FRESH_STRAIN.holdsFor(reading) && !reading.assessment().exercisesOnHold(),
            new Note("Your pain started suddenly during exercise, so a muscle may be strained. For the first "
                    + FRESH_STRAIN_DAYS + " days do no stretching or rolling: only the still, pain-free holds below. "
                    + "After that, load the hip again gently and build up slowly.", CLINICAL_GUIDANCE));

    static final Decision<Note> NO_SHARP_PAIN = whileExercising("PN-NO-SHARP-PAIN", "1",
            new Note("A stretch should feel mild to moderate, never sharp or burning. If it does, ease off or stop.",
                    RELEASE_GUIDE));

    static final Decision<Note> BOTH_SIDES = whileExercising("PN-BOTH-SIDES", "1",
            new Note("Do every exercise on both sides, even if only one side hurts.", RELEASE_GUIDE));

    static final Decision<Note> IN_ORDER = whileExercising("PN-IN-ORDER", "1",
            new Note("Keep the order: release first, then stretch, then strengthen. Skipping the strengthening lets "
                    + "the tightness come back.", RELEASE_GUIDE));

    static final Decision<Note> ONE_CHANGE_AT_A_TIME = note("PN-ONE-CHANGE-AT-A-TIME", "1",
            "The level is below urgent care.", List.of(Facts.LEVEL),
            reading -> reading.assessment().level() != URGENT_CARE,
            new Note("To find what sets your pain off, work down the root-cause checklist from the most common cause "
                    + "and change one thing at a time, so you know what helped.", ROOT_CAUSE_METHOD));

    static final List<Decision<Note>> NOTES = List.of(SEEK_CARE, ON_HOLD, SEE_FIRST, NO_RUNNING, GENTLE,
            FRESH_STRAIN_NOTE, NO_SHARP_PAIN, BOTH_SIDES, IN_ORDER, ONE_CHANGE_AT_A_TIME);

    private PlanRules() {
    }

    private static Decision<Note> note(String id, String version, String description, List<Fact> inputs,
            Predicate<Case> condition, Note note) {
        return new Decision<>(id, version, description, note.source(), inputs, condition,
                "The plan carries the note: \u201c" + note.text() + "\u201d", note);
    }

    /** A note every plan with exercises carries. */
    private static Decision<Note> whileExercising(String id, String version, Note note) {
        return note(id, version, "Exercises are not on hold.", List.of(Facts.EXERCISES_ON_HOLD),
                reading -> !reading.assessment().exercisesOnHold(), note);
    }

    private static Decision<Focus> focus(String id, String version, String description, String source, Focus focus) {
        return new Decision<>(id, version, description, source, List.of(Facts.EXERCISES_ON_HOLD),
                reading -> !reading.assessment().exercisesOnHold(), picksInWords(focus.picks()), focus);
    }

    private static String picksInWords(List<FocusPick> picks) {
        StringBuilder effect = new StringBuilder("Adds to the plan, where allowed and not already in it:");
        for (FocusPick pick : picks) {
            effect.append(" to the ").append(pick.category()).append(" phase, the catalog's ").append(pick.inWords());
            if (pick.instruction() != null) {
                effect.append(", with the instruction \u201c").append(pick.instruction()).append("\u201d");
            }
            effect.append(';');
        }
        effect.setCharAt(effect.length() - 1, '.');
        return effect.toString();
    }

    private static boolean targets(Exercise exercise, String... muscles) {
        for (String muscle : muscles) {
            if (Catalogs.orEmpty(exercise.targetMuscles()).contains(muscle)) {
                return true;
            }
        }
        return false;
    }

    private static boolean trains(Exercise exercise, String muscle) {
        return Catalogs.orEmpty(exercise.supportingMuscles()).contains(muscle);
    }

    private static boolean contraindicatedFor(Exercise exercise, String condition) {
        return Catalogs.orEmpty(exercise.contraindications()).stream()
                .anyMatch(contraindication -> condition.equals(contraindication.condition()));
    }
}
