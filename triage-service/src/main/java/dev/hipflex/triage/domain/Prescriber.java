package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.Catalogs.orEmpty;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import dev.hipflex.triage.domain.CatalogSnapshot.Dose;
import dev.hipflex.triage.domain.CatalogSnapshot.Exercise;
import dev.hipflex.triage.domain.CatalogSnapshot.ExerciseRef;
import dev.hipflex.triage.domain.CatalogSnapshot.PhaseItem;
import dev.hipflex.triage.domain.ProfileExtras.CatalogPick;
import dev.hipflex.triage.domain.Recommendation.Choice;
import dev.hipflex.triage.domain.Recommendation.Item;
import dev.hipflex.triage.domain.Recommendation.SkipReason;
import dev.hipflex.triage.domain.Recommendation.Skipped;

/**
 * Turns catalog protocol phases and exercise categories into prescribed items, asking the {@link ExercisePolicy}
 * about every exercise. One prescriber per section, so that an exercise is not prescribed twice within it.
 */
final class Prescriber {

    private final ExercisePolicy policy;
    /** {@link PlanRules#GENTLER_FIRST}: a protocol item gives way to an alternative that leads up to it. */
    private final boolean gentlerFirst;
    private final Set<String> prescribed = new HashSet<>();

    Prescriber(ExercisePolicy policy) {
        this(policy, false);
    }

    Prescriber(ExercisePolicy policy, boolean gentlerFirst) {
        this.policy = policy;
        this.gentlerFirst = gentlerFirst;
    }

    /**
     * Each protocol item becomes its own exercise, else its first allowed alternative, else a skip. A phase left
     * without any exercise gets the allowed catalog exercises of its category as stand-ins (in gentle mode: the
     * acute-safe ones, such as the supine passive stretch).
     */
    Plan.Phase phase(CatalogSnapshot.Phase phase) {
        List<Item> items = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (PhaseItem item : orEmpty(phase.items())) {
            if (item.exercise() == null) {
                items.add(new Item(null, Choice.PROTOCOL, item.dose(), false, item.instruction()));
                continue;
            }
            String slug = item.exercise().slug();
            Optional<SkipReason> objection = policy.objection(slug);
            // An exercise that a gentler alternative leads up to waits for a later plan even when that alternative is
            // itself ruled out for the person: another alternative stands in, or none.
            if (objection.isEmpty() && gentlerFirst && hasGentlerStep(slug, orEmpty(item.alternatives()))) {
                String gentler = leadingUpTo(slug, orEmpty(item.alternatives()));
                String instead = gentler != null ? gentler : firstAvailable(orEmpty(item.alternatives()));
                if (instead != null) {
                    items.add(prescribe(instead, Choice.ALTERNATIVE, item.dose(), null));
                }
                skipped.add(new Skipped(slug, SkipReason.LATER, instead));
                continue;
            }
            if (objection.isEmpty()) {
                items.add(prescribe(slug, Choice.PROTOCOL, item.dose(), item.instruction()));
                continue;
            }
            String alternative = firstAvailable(orEmpty(item.alternatives()));
            if (alternative != null) {
                // The item's instruction is written for the original exercise, so the alternative goes without it.
                items.add(prescribe(alternative, Choice.ALTERNATIVE, item.dose(), null));
            }
            skipped.add(new Skipped(slug, objection.get(), alternative));
        }
        if (phase.category() != null && noExerciseIn(items)) {
            for (Exercise exercise : policy.inCategory(phase.category())) {
                if (available(exercise.slug())) {
                    items.add(prescribe(exercise.slug(), Choice.STAND_IN, null, null));
                }
            }
        }
        return new Plan.Phase(phase.order() == null ? 0 : phase.order(), phase.slug(), phase.category(),
                phase.minutes(), List.copyOf(items), List.copyOf(skipped));
    }

    /** The catalog exercises of a category that pass a filter, each prescribed or skipped. */
    CatalogPick pick(String category, Predicate<Exercise> which) {
        List<Item> items = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Exercise exercise : policy.inCategory(category)) {
            if (!which.test(exercise)) {
                continue;
            }
            Optional<SkipReason> objection = policy.objection(exercise.slug());
            if (objection.isPresent()) {
                skipped.add(new Skipped(exercise.slug(), objection.get(), null));
            } else {
                items.add(prescribe(exercise.slug(), Choice.CATALOG, null, null));
            }
        }
        return new CatalogPick(category, List.copyOf(items), List.copyOf(skipped));
    }

    /**
     * The catalog exercises of a category with the fields a focus asks for, each prescribed with its own dose where
     * the policy allows it and this prescriber has not prescribed it yet; the others are left alone.
     */
    List<Item> focus(String category, Predicate<Exercise> which, String instruction, boolean holdsFirst) {
        List<Item> items = new ArrayList<>();
        for (Exercise exercise : policy.inCategory(category)) {
            if (which.test(exercise) && available(exercise.slug())) {
                Dose holds = holdsFirst && exercise.isometricHold() != null ? exercise.isometricHold().asDose() : null;
                items.add(prescribe(exercise.slug(), Choice.CATALOG, holds, instruction));
            }
        }
        return List.copyOf(items);
    }

    /** The first available alternative whose catalog progressions include the exercise: a step on the way to it. */
    private String leadingUpTo(String slug, List<ExerciseRef> alternatives) {
        for (ExerciseRef alternative : alternatives) {
            boolean leadsUp = policy.exercise(alternative.slug())
                    .map(exercise -> orEmpty(exercise.progressions()).contains(slug)).orElse(false);
            if (leadsUp && available(alternative.slug())) {
                return alternative.slug();
            }
        }
        return null;
    }

    private boolean hasGentlerStep(String slug, List<ExerciseRef> alternatives) {
        for (ExerciseRef alternative : alternatives) {
            if (policy.exercise(alternative.slug()).map(e -> orEmpty(e.progressions()).contains(slug)).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private String firstAvailable(List<ExerciseRef> alternatives) {
        for (ExerciseRef alternative : alternatives) {
            if (available(alternative.slug())) {
                return alternative.slug();
            }
        }
        return null;
    }

    private static boolean noExerciseIn(List<Item> items) {
        for (Item item : items) {
            if (item.exercise() != null) {
                return false;
            }
        }
        return true;
    }

    private boolean available(String slug) {
        return policy.allows(slug) && !prescribed.contains(slug);
    }

    /**
     * The protocol's dose when it gives one, else the exercise's own; while only holds are safe
     * ({@link PlanRules#HOLDS_ONLY}), the catalog's isometric holds instead of either. Both sides always (seed 003).
     */
    private Item prescribe(String slug, Choice choice, Dose protocolDose, String instruction) {
        prescribed.add(slug);
        Optional<Exercise> exercise = policy.exercise(slug);
        Dose dose = protocolDose != null ? protocolDose : exercise.map(Exercise::dose).orElse(null);
        if (policy.onlyHolds() && exercise.isPresent() && exercise.get().isometricHold() != null) {
            dose = exercise.get().isometricHold().asDose();
        }
        return new Item(slug, choice, dose, true, instruction);
    }
}
