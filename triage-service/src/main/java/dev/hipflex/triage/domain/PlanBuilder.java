package dev.hipflex.triage.domain;

import java.util.ArrayList;
import java.util.List;

import dev.hipflex.triage.domain.CatalogSnapshot.Protocol;
import dev.hipflex.triage.domain.Plan.Status;
import dev.hipflex.triage.domain.PlanRules.Focus;
import dev.hipflex.triage.domain.PlanRules.FocusPick;
import dev.hipflex.triage.domain.Recommendation.Item;
import dev.hipflex.triage.domain.Recommendation.LikelyMuscle;
import dev.hipflex.triage.domain.Recommendation.Note;

/**
 * Builds the first session plan from the catalog's complete release protocol: gentler stretches first
 * ({@link PlanRules#GENTLER_FIRST}), the focus of the most likely muscle and of outer-hip pain
 * ({@link PlanRules#FOCUS}), holds only during a fresh strain ({@link PlanRules#HOLDS_ONLY}, dosed by the prescriber),
 * and the notes of {@link PlanRules#NOTES}.
 */
final class PlanBuilder {

    static final String PROTOCOL = "complete-release-protocol";

    private PlanBuilder() {
    }

    /** @param likelyMuscles most likely first, as {@link LikelyMuscles#rank} gives them */
    static Plan build(CatalogIndex catalog, Case reading, ExercisePolicy policy, List<LikelyMuscle> likelyMuscles) {
        Assessment assessment = reading.assessment();
        Protocol protocol = catalog.protocol(PROTOCOL);
        Status status = status(assessment);
        List<Note> notes = notes(reading);
        if (assessment.exercisesOnHold()) {
            return new Plan(PROTOCOL, status, assessment.gentle(), true, assessment.noRunning(), null, List.of(),
                    notes);
        }
        Prescriber prescriber = new Prescriber(policy, PlanRules.GENTLER_FIRST.holdsFor(reading));
        List<Plan.Phase> phases = new ArrayList<>();
        for (CatalogSnapshot.Phase phase : catalog.phasesInOrder(PROTOCOL)) {
            phases.add(prescriber.phase(phase));
        }
        for (Focus focus : focuses(reading, likelyMuscles)) {
            for (FocusPick pick : focus.picks()) {
                addToPhase(phases, pick, prescriber.focus(pick.category(), pick.which(), pick.instruction(),
                        pick.holdsFirst()), policy);
            }
        }
        if (PlanRules.HOLDS_ONLY.holdsFor(reading)) {
            phases.replaceAll(phase -> withInstruction(phase, PlanRules.HOLDS_ONLY.outcome()));
        }
        return new Plan(PROTOCOL, status, assessment.gentle(), true, assessment.noRunning(), protocol.schedule(),
                List.copyOf(phases), notes);
    }

    /**
     * The focus decision whose muscles hold the most likely muscle, then each focus decision without muscles that
     * holds by its own condition (outer-hip pain), in {@link PlanRules#FOCUS} order. Muscles further down the ranking
     * set no focus of their own: the first plan stays within the protocol's time, and the ranking is a guess, not a
     * diagnosis.
     */
    private static List<Focus> focuses(Case reading, List<LikelyMuscle> likelyMuscles) {
        String mostLikely = likelyMuscles.isEmpty() ? null : likelyMuscles.get(0).muscle();
        List<Focus> focuses = new ArrayList<>();
        boolean byMuscle = false;
        for (Decision<Focus> decision : PlanRules.FOCUS) {
            List<String> muscles = decision.outcome().muscles();
            boolean applies = muscles.isEmpty() || !byMuscle && mostLikely != null && muscles.contains(mostLikely);
            if (applies && decision.holdsFor(reading)) {
                focuses.add(decision.outcome());
                byMuscle |= !muscles.isEmpty();
            }
        }
        return List.copyOf(focuses);
    }

    /**
     * Appends the picked items to the first phase of the pick's category; the pick's instruction also goes to the
     * exercises of that phase it would have picked that the protocol put there already. A plan without such a phase
     * leaves them out.
     */
    private static void addToPhase(List<Plan.Phase> phases, FocusPick pick, List<Item> picked, ExercisePolicy policy) {
        for (int i = 0; i < phases.size(); i++) {
            Plan.Phase phase = phases.get(i);
            if (pick.category().equals(phase.category())) {
                List<Item> all = new ArrayList<>();
                for (Item item : phase.items()) {
                    boolean picks = pick.instruction() != null && item.exercise() != null
                            && policy.exercise(item.exercise()).filter(pick.which()).isPresent();
                    all.add(picks ? instructed(item, pick.instruction()) : item);
                }
                all.addAll(picked);
                phases.set(i, withItems(phase, all));
                return;
            }
        }
    }

    private static Plan.Phase withInstruction(Plan.Phase phase, String instruction) {
        return withItems(phase, phase.items().stream()
                .map(item -> item.exercise() == null ? item : instructed(item, instruction)).toList());
    }

    private static Item instructed(Item item, String instruction) {
        return new Item(item.exercise(), item.choice(), item.dose(), item.bothSides(), instruction);
    }

    private static Plan.Phase withItems(Plan.Phase phase, List<Item> items) {
        return new Plan.Phase(phase.order(), phase.phase(), phase.category(), phase.minutes(), List.copyOf(items),
                phase.skipped());
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
