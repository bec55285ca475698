package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.RuleSet.SHOE_SUPPORT_WEARS_OUT_MONTHS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.hipflex.triage.domain.CatalogSnapshot.ChecklistStep;
import dev.hipflex.triage.domain.Recommendation.Evidence;
import dev.hipflex.triage.domain.Recommendation.RootCauseCheck;
import dev.hipflex.triage.domain.SymptomReport.Activity;

/**
 * The catalog's root-cause checklist (seed 000's method) in its order, most common cause first, each step marked
 * relevant when something in the report points to it. Steps for runners are left out for everyone else.
 */
final class RootCauseChecks {

    private static final String RUNNER_ONLY = "runner";

    /** What in a report makes a checklist step worth checking first, by step slug. */
    private static final Map<String, Function<SymptomReport, List<Evidence>>> POINTERS = Map.of(
            "running-shoes", RootCauseChecks::runningShoes,
            "exercise-form", report -> activity(report, Activity.DEEP_SQUAT),
            "sleeping-posture", report -> activity(report, Activity.SLEEPING),
            "everyday-shoes", report -> Boolean.TRUE.equals(report.profile().wearsRaisedHeels())
                    ? List.of(new Evidence("profile.wearsRaisedHeels", "true")) : List.of());

    private RootCauseChecks() {
    }

    /** @param steps the catalog checklist's steps in their order (see {@link CatalogIndex#checklistInOrder()}) */
    static List<RootCauseCheck> of(SymptomReport report, List<ChecklistStep> steps) {
        boolean runner = Boolean.TRUE.equals(report.profile().runner());
        List<RootCauseCheck> checks = new ArrayList<>(steps.size());
        for (ChecklistStep step : steps) {
            if (runner || !RUNNER_ONLY.equals(step.appliesTo())) {
                checks.add(check(report, step));
            }
        }
        return List.copyOf(checks);
    }

    private static RootCauseCheck check(SymptomReport report, ChecklistStep step) {
        Function<SymptomReport, List<Evidence>> pointer = POINTERS.get(step.slug());
        List<Evidence> because = pointer == null ? List.of() : pointer.apply(report);
        return new RootCauseCheck(step.order() == null ? 0 : step.order(), step.slug(), !because.isEmpty(), because);
    }

    private static List<Evidence> runningShoes(SymptomReport report) {
        List<Evidence> because = new ArrayList<>();
        Integer age = report.profile().runningShoeAgeMonths();
        if (age != null && age >= SHOE_SUPPORT_WEARS_OUT_MONTHS) {
            because.add(new Evidence("profile.runningShoeAgeMonths", age.toString()));
        }
        because.addAll(activity(report, Activity.RUNNING));
        return List.copyOf(because);
    }

    private static List<Evidence> activity(SymptomReport report, Activity activity) {
        return report.aggravatingActivities().contains(activity)
                ? List.of(new Evidence("aggravatingActivities", activity.word())) : List.of();
    }
}
