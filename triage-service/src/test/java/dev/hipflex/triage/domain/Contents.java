package dev.hipflex.triage.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import dev.hipflex.triage.domain.ProfileExtras.CatalogPick;
import dev.hipflex.triage.domain.ProfileExtras.Runner;
import dev.hipflex.triage.domain.Recommendation.Item;
import dev.hipflex.triage.domain.Recommendation.Skipped;

/** Reads what a recommendation prescribes, wherever it sits (plan phases and every extra). */
final class Contents {

    private Contents() {
    }

    static List<Item> planItems(Recommendation r) {
        return r.plan().phases().stream().flatMap(p -> p.items().stream()).toList();
    }

    static List<String> planExercises(Recommendation r) {
        return exercises(planItems(r).stream());
    }

    /** Every exercise the person is told to do: plan and extras. */
    static List<String> prescribedExercises(Recommendation r) {
        return exercises(Stream.concat(planItems(r).stream(), extraItems(r).stream()));
    }

    static List<Item> extraItems(Recommendation r) {
        List<Item> items = new ArrayList<>();
        extraPhases(r).forEach(phase -> items.addAll(phase.items()));
        picks(r).forEach(pick -> items.addAll(pick.items()));
        return items;
    }

    static List<Skipped> skipped(Recommendation r) {
        List<Skipped> skipped = new ArrayList<>();
        Stream.concat(r.plan().phases().stream(), extraPhases(r).stream()).forEach(p -> skipped.addAll(p.skipped()));
        picks(r).forEach(pick -> skipped.addAll(pick.skipped()));
        return skipped;
    }

    static List<Plan.Phase> extraPhases(Recommendation r) {
        List<Plan.Phase> phases = new ArrayList<>();
        Runner runner = r.extras().runner();
        if (runner != null) {
            phases.addAll(runner.warmUpStages());
            if (runner.postRunStretch() != null) {
                phases.add(runner.postRunStretch());
            }
        }
        if (r.extras().movementBreaks() != null) {
            phases.addAll(r.extras().movementBreaks().phases());
        }
        return phases;
    }

    static List<CatalogPick> picks(Recommendation r) {
        List<CatalogPick> picks = new ArrayList<>();
        if (r.extras().runner() != null) {
            picks.add(r.extras().runner().mobilityDrills());
        }
        if (r.extras().coreAndGlute() != null) {
            picks.add(r.extras().coreAndGlute());
        }
        return picks;
    }

    static List<String> ruleIdsInReasons(Recommendation r) {
        return r.reasons().stream().map(Recommendation.Reason::rule).toList();
    }

    static List<String> ruleIdsExplained(Recommendation r) {
        return r.explanation().rules().stream().map(Explanation.FiredRule::rule).toList();
    }

    private static List<String> exercises(Stream<Item> items) {
        return items.map(Item::exercise).filter(Objects::nonNull).toList();
    }
}
