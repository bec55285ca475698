package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.Catalogs.orEmpty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import dev.hipflex.triage.domain.CatalogSnapshot.Condition;
import dev.hipflex.triage.domain.CatalogSnapshot.RedFlag;
import dev.hipflex.triage.domain.Explanation.FiredRule;
import dev.hipflex.triage.domain.Recommendation.Evidence;
import dev.hipflex.triage.domain.Recommendation.LikelyMuscle;
import dev.hipflex.triage.domain.Recommendation.Reason;

/**
 * Turns a symptom report into a recommendation, using the {@link RuleSet} and a catalog snapshot. Plain Java and a
 * pure function: no clock, no randomness, no state kept between calls, every list in a defined order, so the same
 * report and catalog always give an equal recommendation.
 */
public final class TriageEngine {

    private static final Comparator<Rule> MOST_SEVERE_FIRST =
            Comparator.comparing((Rule rule) -> rule.effect().minimumLevel()).reversed();

    /** The catalog protocols the engine builds plans and extras from; a snapshot without one of them is unusable. */
    public static final List<String> PROTOCOLS_USED = List.of(PlanBuilder.PROTOCOL,
            ProfileRules.RUNNER.outcome().warmUp(), ProfileRules.MOVEMENT_BREAKS.outcome());

    private TriageEngine() {
    }

    /** Assumes a valid report (see SymptomReportValidator). */
    public static Recommendation recommend(SymptomReport report, CatalogSnapshot snapshot) {
        return recommend(report, CatalogIndex.of(snapshot));
    }

    /** The same, with the snapshot's index built beforehand (once per snapshot, by whoever holds it). */
    public static Recommendation recommend(SymptomReport report, CatalogIndex catalog) {
        Assessment assessment = Assessment.of(report);
        Case reading = new Case(report, assessment);
        ExercisePolicy policy = catalog.policy(reading);
        List<LikelyMuscle> likelyMuscles = LikelyMuscles.rank(reading, catalog.muscles());
        return new Recommendation(report.reportId(), report.userId(), report.timeZone(), assessment.level(),
                RuleSet.referral(reading), reasons(assessment, catalog), RuleSet.notAsked(report),
                likelyMuscles, policy.exclusions(),
                RootCauseChecks.of(reading, catalog.checklistInOrder()),
                explanation(report, assessment, catalog.version()), RuleSet.VERSION, catalog.version(),
                PlanBuilder.build(catalog, reading, policy, likelyMuscles),
                ExtrasBuilder.build(reading, catalog, policy));
    }

    /**
     * One reason per fired rule whose effect shows in the recommendation, most severe first, then in rule set order
     * (the sort is stable).
     */
    private static List<Reason> reasons(Assessment assessment, CatalogIndex catalog) {
        List<Rule> bySeverity = new ArrayList<>(assessment.inTheOutcome());
        bySeverity.sort(MOST_SEVERE_FIRST);
        List<Reason> reasons = new ArrayList<>(bySeverity.size());
        for (Rule rule : bySeverity) {
            reasons.add(reason(rule, catalog));
        }
        return List.copyOf(reasons);
    }

    private static Reason reason(Rule rule, CatalogIndex catalog) {
        // The level never depends on the catalog; only the red flag's details do.
        Optional<RedFlag> flag = rule.effect().redFlag() == null ? Optional.empty()
                : catalog.redFlag(rule.effect().redFlag());
        List<String> conditions = flag.map(f -> orEmpty(f.possibleConditions()).stream().map(Condition::slug).toList())
                .orElse(List.of());
        return new Reason(rule.id(), rule.effect().minimumLevel(), rule.effect().reason(), rule.source(),
                flag.map(RedFlag::slug).orElse(null), conditions, flag.map(RedFlag::whatToDo).orElse(null));
    }

    private static Explanation explanation(SymptomReport report, Assessment assessment, String catalogVersion) {
        List<Rule> explained = assessment.inTheOutcome();
        List<FiredRule> rules = new ArrayList<>(explained.size());
        TreeSet<String> sources = new TreeSet<>();
        for (Rule rule : explained) {
            List<Evidence> inputs = new ArrayList<>(rule.inputs().size());
            for (Rule.Input input : rule.inputs()) {
                inputs.add(new Evidence(input.name(), input.valueIn(report)));
            }
            rules.add(new FiredRule(rule.id(), rule.version(), rule.source(), List.copyOf(inputs)));
            sources.add(rule.source());
        }
        return new Explanation(List.copyOf(rules), List.copyOf(sources), RuleSet.VERSION, catalogVersion);
    }
}
