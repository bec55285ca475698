package dev.hipflex.triage.domain;

import java.util.ArrayList;
import java.util.List;

import dev.hipflex.triage.domain.CatalogSnapshot.Protocol;
import dev.hipflex.triage.domain.Plan.Status;
import dev.hipflex.triage.domain.Recommendation.Note;

/** Builds the session plan from the catalog's complete release protocol, with the notes of {@link PlanRules#NOTES}. */
final class PlanBuilder {

    static final String PROTOCOL = "complete-release-protocol";

    private PlanBuilder() {
    }

    static Plan build(CatalogIndex catalog, Case reading, ExercisePolicy policy) {
        Assessment assessment = reading.assessment();
        Protocol protocol = catalog.protocol(PROTOCOL);
        Status status = status(assessment);
        List<Note> notes = notes(reading);
        if (assessment.exercisesOnHold()) {
            return new Plan(PROTOCOL, status, assessment.gentle(), true, assessment.noRunning(), null, List.of(),
                    notes);
        }
        Prescriber prescriber = new Prescriber(policy);
        List<Plan.Phase> phases = new ArrayList<>();
        for (CatalogSnapshot.Phase phase : catalog.phasesInOrder(PROTOCOL)) {
            phases.add(prescriber.phase(phase));
        }
        return new Plan(PROTOCOL, status, assessment.gentle(), true, assessment.noRunning(), protocol.schedule(),
                List.copyOf(phases), notes);
    }

    /** The level in the plan's words, telling apart waiting with gentle exercises from waiting without any. */
    static Status status(Assessment assessment) {
        return switch (assessment.level()) {
            case URGENT_CARE -> Status.SEEK_CARE_NOW;
            case SEE_PROFESSIONAL -> assessment.exercisesOnHold()
                    ? Status.ON_HOLD_UNTIL_SEEN : Status.SEE_PROFESSIONAL_FIRST;
            case SELF_CARE_WITH_CAUTION -> Status.START_WITH_CARE;
            case SELF_CARE -> Status.START_PROTOCOL;
        };
    }

    private static List<Note> notes(Case reading) {
        List<Note> notes = new ArrayList<>();
        for (Decision<Note> note : PlanRules.NOTES) {
            if (note.holdsFor(reading)) {
                notes.add(note.outcome());
            }
        }
        return List.copyOf(notes);
    }
}
