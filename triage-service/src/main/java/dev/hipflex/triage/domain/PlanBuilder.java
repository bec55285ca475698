package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.RuleSet.CLINICAL_GUIDANCE;
import static dev.hipflex.triage.domain.RuleSet.RELEASE_GUIDE;
import static dev.hipflex.triage.domain.RuleSet.ROOT_CAUSE_METHOD;
import static dev.hipflex.triage.domain.RuleSet.RUNNERS_CHRONIC_PAIN;

import java.util.ArrayList;
import java.util.List;

import dev.hipflex.triage.domain.CatalogSnapshot.Protocol;
import dev.hipflex.triage.domain.Plan.Status;
import dev.hipflex.triage.domain.Recommendation.Note;

/** Builds the session plan from the catalog's complete release protocol. */
final class PlanBuilder {

    static final String PROTOCOL = "complete-release-protocol";

    private static final Note SEEK_CARE = new Note("Get urgent care now. Do not exercise or stretch the hip until "
            + "you have been seen.", CLINICAL_GUIDANCE);
    private static final Note ON_HOLD = new Note("See a physiotherapist, a sports medicine doctor or an orthopaedic "
            + "specialist before you start any of the exercises. Your plan begins once they have checked your hip.",
            RELEASE_GUIDE);
    private static final Note SEE_FIRST = new Note("See a physiotherapist, a sports medicine doctor or an orthopaedic "
            + "specialist first. Until then, only the gentle exercises below are safe to do.", RELEASE_GUIDE);
    private static final Note NO_RUNNING = new Note("No running until a professional has seen you. Come back to it "
            + "only once you are sure your hip is ready.", RUNNERS_CHRONIC_PAIN);
    private static final Note GENTLE = new Note("Gentle mode: for now your plan holds only exercises that are safe "
            + "while pain is acute, such as the supine passive stretch instead of the couch stretch.", RELEASE_GUIDE);
    private static final Note NO_SHARP_PAIN = new Note("A stretch should feel mild to moderate, never sharp or "
            + "burning. If it does, ease off or stop.", RELEASE_GUIDE);
    private static final Note BOTH_SIDES = new Note("Do every exercise on both sides, even if only one side hurts.",
            RELEASE_GUIDE);
    private static final Note IN_ORDER = new Note("Keep the order: release first, then stretch, then strengthen. "
            + "Skipping the strengthening lets the tightness come back.", RELEASE_GUIDE);
    private static final Note ONE_CHANGE_AT_A_TIME = new Note("To find what sets your pain off, work down the "
            + "root-cause checklist from the most common cause and change one thing at a time, so you know what "
            + "helped.", ROOT_CAUSE_METHOD);

    private PlanBuilder() {
    }

    /** What a plan depends on; the policy is one instance per combination of conditions and gentle mode. */
    private record PlanKey(ExercisePolicy policy, Level level, boolean gentle, boolean noRunning,
            boolean exercisesOnHold) {
    }

    /** The plan for the assessment, built once per catalog snapshot and combination of what it depends on. */
    static Plan build(CatalogIndex catalog, Assessment assessment, ExercisePolicy policy) {
        return catalog.plan(new PlanKey(policy, assessment.level(), assessment.gentle(), assessment.noRunning(),
                assessment.exercisesOnHold()), () -> buildAfresh(catalog, assessment, policy));
    }

    private static Plan buildAfresh(CatalogIndex catalog, Assessment assessment, ExercisePolicy policy) {
        Protocol protocol = catalog.protocol(PROTOCOL);
        Status status = status(assessment);
        if (assessment.exercisesOnHold()) {
            return new Plan(PROTOCOL, status, assessment.gentle(), true, assessment.noRunning(), null, List.of(),
                    notes(status, assessment));
        }
        Prescriber prescriber = new Prescriber(policy);
        List<Plan.Phase> phases = new ArrayList<>();
        for (CatalogSnapshot.Phase phase : catalog.phasesInOrder(PROTOCOL)) {
            phases.add(prescriber.phase(phase));
        }
        return new Plan(PROTOCOL, status, assessment.gentle(), true, assessment.noRunning(), protocol.schedule(),
                List.copyOf(phases), notes(status, assessment));
    }

    static Status status(Assessment assessment) {
        return switch (assessment.level()) {
            case URGENT_CARE -> Status.SEEK_CARE_NOW;
            case SEE_PROFESSIONAL -> assessment.exercisesOnHold()
                    ? Status.ON_HOLD_UNTIL_SEEN : Status.SEE_PROFESSIONAL_FIRST;
            case SELF_CARE_WITH_CAUTION -> Status.START_WITH_CARE;
            case SELF_CARE -> Status.START_PROTOCOL;
        };
    }

    private static List<Note> notes(Status status, Assessment assessment) {
        if (status == Status.SEEK_CARE_NOW) {
            return List.of(SEEK_CARE);
        }
        List<Note> notes = new ArrayList<>();
        if (status == Status.ON_HOLD_UNTIL_SEEN) {
            notes.add(ON_HOLD);
        } else if (status == Status.SEE_PROFESSIONAL_FIRST) {
            notes.add(SEE_FIRST);
        }
        if (assessment.noRunning()) {
            notes.add(NO_RUNNING);
        }
        if (!assessment.exercisesOnHold()) {
            if (assessment.gentle()) {
                notes.add(GENTLE);
            }
            notes.addAll(List.of(NO_SHARP_PAIN, BOTH_SIDES, IN_ORDER));
        }
        notes.add(ONE_CHANGE_AT_A_TIME);
        return List.copyOf(notes);
    }
}
