package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.Catalogs.orEmpty;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.hipflex.triage.domain.CatalogSnapshot.Condition;
import dev.hipflex.triage.domain.CatalogSnapshot.RedFlag;
import dev.hipflex.triage.domain.Explanation.FiredRule;
import dev.hipflex.triage.domain.Recommendation.Evidence;
import dev.hipflex.triage.domain.Recommendation.Reason;

/**
 * Turns a symptom report into a recommendation, using the {@link RuleSet} and a catalog snapshot. Plain Java and a
 * pure function: no clock, no randomness, every list in a defined order, so the same report and catalog always give
 * an equal recommendation.
 */
public final class TriageEngine {

    private TriageEngine() {
    }

    /** Assumes a valid report (see SymptomReportValidator). */
    public static Recommendation recommend(SymptomReport report, CatalogSnapshot catalog) {
        Assessment assessment = Assessment.of(report);
        ExercisePolicy policy = new ExercisePolicy(catalog, assessment);
        return new Recommendation(report.reportId(), report.userId(), report.timeZone(), assessment.level(),
                reasons(assessment, catalog), LikelyMuscles.rank(report, catalog),
                PlanBuilder.build(catalog, assessment, policy), policy.exclusions(),
                ExtrasBuilder.build(report, catalog, assessment, policy),
                RootCauseChecks.of(report, catalog.rootCauseChecklist()),
                explanation(report, assessment, catalog), RuleSet.VERSION, catalog.version());
    }

    /** One reason per fired rule, most severe first, then in rule set order (the sort is stable). */
    private static List<Reason> reasons(Assessment assessment, CatalogSnapshot catalog) {
        return assessment.fired().stream()
                .sorted(Comparator.comparing((Rule rule) -> rule.effect().minimumLevel()).reversed())
                .map(rule -> reason(rule, catalog))
                .toList();
    }

    private static Reason reason(Rule rule, CatalogSnapshot catalog) {
        // The level never depends on the catalog; only the red flag's details do.
        Optional<RedFlag> flag = Optional.ofNullable(rule.effect().redFlag())
                .flatMap(slug -> Catalogs.redFlag(catalog, slug));
        List<String> conditions = flag.map(f -> orEmpty(f.possibleConditions()).stream().map(Condition::slug).toList())
                .orElse(List.of());
        return new Reason(rule.id(), rule.effect().minimumLevel(), rule.effect().reason(), rule.source(),
                flag.map(RedFlag::slug).orElse(null), conditions, flag.map(RedFlag::whatToDo).orElse(null));
    }

    private static Explanation explanation(SymptomReport report, Assessment assessment, CatalogSnapshot catalog) {
        List<FiredRule> rules = assessment.fired().stream()
                .map(rule -> new FiredRule(rule.id(), rule.version(), rule.source(), rule.inputs().stream()
                        .map(input -> new Evidence(input.name(), input.valueIn(report))).toList()))
                .toList();
        List<String> sources = assessment.fired().stream().map(Rule::source).distinct().sorted().toList();
        return new Explanation(rules, sources, RuleSet.VERSION, catalog.version());
    }
}
