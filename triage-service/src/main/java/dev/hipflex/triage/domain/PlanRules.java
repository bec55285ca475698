package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.Level.SEE_PROFESSIONAL;
import static dev.hipflex.triage.domain.Level.URGENT_CARE;
import static dev.hipflex.triage.domain.RuleSet.CLINICAL_GUIDANCE;
import static dev.hipflex.triage.domain.RuleSet.RELEASE_GUIDE;
import static dev.hipflex.triage.domain.RuleSet.ROOT_CAUSE_METHOD;
import static dev.hipflex.triage.domain.RuleSet.RUNNERS_CHRONIC_PAIN;

import java.util.List;
import java.util.function.Predicate;

import dev.hipflex.triage.domain.Decision.Fact;
import dev.hipflex.triage.domain.Recommendation.Note;

/**
 * Part of the triage rule set ({@link RuleSet}): how the level shapes what the person may do meanwhile, and which
 * notes the session plan carries. {@link Assessment} and {@link PlanBuilder} apply these in their listed order.
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
            NO_SHARP_PAIN, BOTH_SIDES, IN_ORDER, ONE_CHANGE_AT_A_TIME);

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
}
