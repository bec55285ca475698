package dev.hipflex.triage.domain;

import java.util.ArrayList;
import java.util.List;

import dev.hipflex.triage.domain.CatalogSnapshot.ChecklistStep;
import dev.hipflex.triage.domain.ProfileRules.StepPointer;
import dev.hipflex.triage.domain.Recommendation.Evidence;
import dev.hipflex.triage.domain.Recommendation.RootCauseCheck;

/**
 * The catalog's root-cause checklist (seed 000's method) in its order, most common cause first, each step marked
 * relevant when one of the rule set's step pointers ({@link ProfileRules#STEP_POINTERS}) holds for the report.
 */
final class RootCauseChecks {

    private RootCauseChecks() {
    }

    /** @param steps the catalog checklist's steps in their order (see {@link CatalogIndex#checklistInOrder()}) */
    static List<RootCauseCheck> of(Case reading, List<ChecklistStep> steps) {
        String leftOut = ProfileRules.RUNNER_STEPS_FOR_RUNNERS.holdsFor(reading)
                ? ProfileRules.RUNNER_STEPS_FOR_RUNNERS.outcome() : null;
        List<RootCauseCheck> checks = new ArrayList<>(steps.size());
        for (ChecklistStep step : steps) {
            if (leftOut == null || !leftOut.equals(step.appliesTo())) {
                List<Evidence> because = because(reading, step.slug());
                checks.add(new RootCauseCheck(step.order() == null ? 0 : step.order(), step.slug(),
                        !because.isEmpty(), because));
            }
        }
        return List.copyOf(checks);
    }

    private static List<Evidence> because(Case reading, String step) {
        List<Evidence> because = new ArrayList<>();
        for (Decision<StepPointer> pointer : ProfileRules.STEP_POINTERS) {
            if (pointer.outcome().step().equals(step) && pointer.holdsFor(reading)) {
                Decision.Fact input = pointer.inputs().get(0);
                Word value = pointer.outcome().value();
                because.add(new Evidence(input.name(), value != null ? value.word() : input.valueIn(reading)));
            }
        }
        return List.copyOf(because);
    }
}
