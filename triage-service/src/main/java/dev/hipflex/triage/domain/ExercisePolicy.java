package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.Catalogs.orEmpty;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.hipflex.triage.domain.CatalogSnapshot.Contraindication;
import dev.hipflex.triage.domain.CatalogSnapshot.Exercise;
import dev.hipflex.triage.domain.Recommendation.Exclusion;
import dev.hipflex.triage.domain.Recommendation.SkipReason;

/**
 * Which catalog exercises may be prescribed to this person: not contraindicated by the report (per the catalog's
 * structured contraindications) and, in gentle mode, acute-safe. The one place that decides it, for the plan and
 * every extra alike.
 */
final class ExercisePolicy {

    private final List<Exercise> exercises;
    private final List<String> conditions;
    private final boolean gentle;

    ExercisePolicy(CatalogSnapshot catalog, Assessment assessment) {
        this.exercises = orEmpty(catalog.exercises()).stream().sorted(Comparator.comparing(Exercise::slug)).toList();
        this.conditions = assessment.conditions();
        this.gentle = assessment.gentle();
    }

    /** Why the exercise may not be prescribed, or empty when it may. */
    Optional<SkipReason> objection(String slug) {
        Optional<Exercise> exercise = exercise(slug);
        if (exercise.isEmpty()) {
            return Optional.of(SkipReason.NOT_IN_CATALOG);
        }
        if (!matching(exercise.get()).isEmpty()) {
            return Optional.of(SkipReason.CONTRAINDICATED);
        }
        if (gentle && !Boolean.TRUE.equals(exercise.get().acuteSafe())) {
            return Optional.of(SkipReason.NOT_GENTLE);
        }
        return Optional.empty();
    }

    boolean allows(String slug) {
        return objection(slug).isEmpty();
    }

    Optional<Exercise> exercise(String slug) {
        return exercises.stream().filter(e -> e.slug().equals(slug)).findFirst();
    }

    /** Catalog exercises of a category, by slug. */
    List<Exercise> inCategory(String category) {
        return exercises.stream().filter(e -> category.equals(e.category())).toList();
    }

    /** Every excluded exercise with each condition that excludes it, by exercise then condition. */
    List<Exclusion> exclusions() {
        return exercises.stream()
                .flatMap(e -> matching(e).stream().map(c -> new Exclusion(e.slug(), c.condition(), c.reason())))
                .toList();
    }

    private List<Contraindication> matching(Exercise exercise) {
        return orEmpty(exercise.contraindications()).stream()
                .filter(c -> conditions.contains(c.condition()))
                .sorted(Comparator.comparing(Contraindication::condition))
                .toList();
    }
}
