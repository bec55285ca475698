package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.Catalogs.orEmpty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import dev.hipflex.triage.domain.CatalogSnapshot.Contraindication;
import dev.hipflex.triage.domain.CatalogSnapshot.Exercise;
import dev.hipflex.triage.domain.PlanRules.FieldExclusion;
import dev.hipflex.triage.domain.Recommendation.Exclusion;
import dev.hipflex.triage.domain.Recommendation.SkipReason;

/**
 * Which catalog exercises may be prescribed to this person: not contraindicated by the report (per the catalog's
 * structured contraindications, for the conditions of the level rules and of {@link PlanRules#CONDITIONS}), not ruled
 * out by their catalog fields ({@link PlanRules#FIELD_EXCLUSIONS}), not of a kind the rule set leaves out for them
 * ({@link RuleSet#LEAVE_OUTS}, e.g. the deep psoas release unless asked for and safe) and, in gentle mode, acute-safe.
 * The one place that decides it, for the plan and every extra alike.
 */
final class ExercisePolicy {

    /**
     * What a decision of the rule set leaves out: every catalog exercise of a kind, for a reason the person reads.
     *
     * @param condition names why in the recommendation's exclusions, like a catalog contraindication condition
     * @param onRequestOnly the exercise is left out because the person did not ask for it, not because it is unsafe:
     *        it is skipped as {@link SkipReason#ON_REQUEST_ONLY} and not listed among the exclusions
     */
    record LeaveOut(ExerciseKind kind, String condition, String reason, boolean onRequestOnly) {
    }

    private static final Optional<SkipReason> ALLOWED = Optional.empty();
    private static final Optional<SkipReason> CONTRAINDICATED = Optional.of(SkipReason.CONTRAINDICATED);
    private static final Optional<SkipReason> NOT_GENTLE = Optional.of(SkipReason.NOT_GENTLE);
    private static final Optional<SkipReason> NOT_IN_CATALOG = Optional.of(SkipReason.NOT_IN_CATALOG);
    private static final Optional<SkipReason> ON_REQUEST_ONLY = Optional.of(SkipReason.ON_REQUEST_ONLY);

    private final CatalogIndex catalog;
    /** Each catalog exercise's verdict, by slug: the plan and the extras ask about most of them. */
    private final Map<String, Optional<SkipReason>> verdicts = new HashMap<>();
    private final List<Exclusion> exclusions;
    private final boolean onlyHolds;

    ExercisePolicy(CatalogIndex catalog, Case reading) {
        this.catalog = catalog;
        this.onlyHolds = PlanRules.HOLDS_ONLY.holdsFor(reading);
        List<String> conditions = conditions(reading);
        List<FieldExclusion> fieldExclusions = new ArrayList<>();
        for (Decision<FieldExclusion> decision : PlanRules.FIELD_EXCLUSIONS) {
            if (decision.holdsFor(reading)) {
                fieldExclusions.add(decision.outcome());
            }
        }
        List<LeaveOut> leaveOuts = RuleSet.leftOut(reading);
        boolean gentle = reading.assessment().gentle();
        List<Exclusion> excluded = new ArrayList<>();
        for (Exercise exercise : catalog.exercises()) {
            List<Exclusion> matching = matching(exercise, conditions, fieldExclusions);
            boolean onRequestOnly = false;
            for (LeaveOut leaveOut : leaveOuts) {
                if (!leaveOut.kind().includes(exercise)) {
                    continue;
                }
                if (leaveOut.onRequestOnly()) {
                    onRequestOnly = true;
                } else {
                    matching.add(new Exclusion(exercise.slug(), leaveOut.condition(), leaveOut.reason()));
                }
            }
            matching.sort(Comparator.comparing(Exclusion::condition));
            excluded.addAll(matching);
            // Where a slug occurs twice, the first exercise decides, as it does for exercise(slug).
            verdicts.putIfAbsent(exercise.slug(), !matching.isEmpty() ? CONTRAINDICATED
                    : onRequestOnly ? ON_REQUEST_ONLY
                    : gentle && !Boolean.TRUE.equals(exercise.acuteSafe()) ? NOT_GENTLE : ALLOWED);
        }
        this.exclusions = List.copyOf(excluded);
    }

    /** The level rules' conditions and those of the decisions that hold, sorted. */
    private static List<String> conditions(Case reading) {
        TreeSet<String> conditions = new TreeSet<>(reading.assessment().conditions());
        for (Decision<String> decision : PlanRules.CONDITIONS) {
            if (decision.holdsFor(reading)) {
                conditions.add(decision.outcome());
            }
        }
        return List.copyOf(conditions);
    }

    /**
     * Whether what may be prescribed is done as still holds only ({@link PlanRules#HOLDS_ONLY}): the prescribers then
     * give each exercise the catalog's isometric-hold dose, in the plan and the extras alike.
     */
    boolean onlyHolds() {
        return onlyHolds;
    }

    /** Why the exercise may not be prescribed, or empty when it may. */
    Optional<SkipReason> objection(String slug) {
        return verdicts.getOrDefault(slug, NOT_IN_CATALOG);
    }

    boolean allows(String slug) {
        return objection(slug).isEmpty();
    }

    Optional<Exercise> exercise(String slug) {
        return catalog.exercise(slug);
    }

    /** Catalog exercises of a category, by slug. */
    List<Exercise> inCategory(String category) {
        return catalog.inCategory(category);
    }

    /** Every excluded exercise with each condition that excludes it, by exercise then condition. */
    List<Exclusion> exclusions() {
        return exclusions;
    }

    /** Each condition and field exclusion that rules the exercise out (a list the caller may add to). */
    private static List<Exclusion> matching(Exercise exercise, List<String> conditions,
            List<FieldExclusion> fieldExclusions) {
        List<Exclusion> matching = new ArrayList<>();
        for (Contraindication contraindication : orEmpty(exercise.contraindications())) {
            if (conditions.contains(contraindication.condition())) {
                matching.add(new Exclusion(exercise.slug(), contraindication.condition(), contraindication.reason()));
            }
        }
        for (FieldExclusion fieldExclusion : fieldExclusions) {
            if (fieldExclusion.excludes().test(exercise)) {
                matching.add(new Exclusion(exercise.slug(), fieldExclusion.condition(), fieldExclusion.reason()));
            }
        }
        return matching;
    }
}
