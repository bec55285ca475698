package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.Catalogs.orEmpty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.hipflex.triage.domain.CatalogSnapshot.ChecklistStep;
import dev.hipflex.triage.domain.CatalogSnapshot.Exercise;
import dev.hipflex.triage.domain.CatalogSnapshot.Phase;
import dev.hipflex.triage.domain.CatalogSnapshot.Protocol;
import dev.hipflex.triage.domain.CatalogSnapshot.RedFlag;

/**
 * What the engine looks up in a catalog snapshot, sorted and indexed once per snapshot instead of once per report
 * (the snapshot changes only when the catalog's content version does). Worker threads share it: it is immutable
 * apart from the thread-safe memos of exercise policies, plans and extras. Where a slug occurs twice, the first one wins, as a search
 * through the list would find it.
 */
final class CatalogIndex {

    /**
     * The index of the snapshot last asked for. The service holds one snapshot at a time, so one entry is enough;
     * the snapshot is a record whose equals compares its whole content, hence the identity check. Racing threads
     * may each build an index for a new snapshot, which is harmless: either gives the same answers.
     */
    private static volatile CatalogIndex last;

    private final CatalogSnapshot catalog;
    private final List<Exercise> exercises;
    private final Map<String, Exercise> exerciseBySlug = new HashMap<>();
    private final Map<String, List<Exercise>> exercisesByCategory = new HashMap<>();
    private final Map<String, Protocol> protocolBySlug = new HashMap<>();
    private final Map<String, List<Phase>> phasesInOrderByProtocol = new HashMap<>();
    private final Map<String, RedFlag> redFlagBySlug = new HashMap<>();
    private final List<ChecklistStep> checklistInOrder;
    private final List<LikelyMuscles.Pointers> musclePointers;
    /**
     * One per combination of contraindication conditions and gentle mode that occurred: the conditions are words of
     * the rule set (six of them), so the map stays small.
     */
    private final Map<PolicyKey, ExercisePolicy> policies = new ConcurrentHashMap<>();

    private record PolicyKey(List<String> conditions, boolean gentle) {
    }

    /**
     * Plans and profile extras already built, by what they depend on (a policy and a few words of the assessment and
     * the profile): the same inputs give the same instance, which the pipeline writes as JSON and stores once, and
     * recognises by identity (a record's equals and hashCode walk its whole tree).
     */
    private final Map<Object, Plan> plans = new ConcurrentHashMap<>();
    private final Map<Object, ProfileExtras> extras = new ConcurrentHashMap<>();

    private CatalogIndex(CatalogSnapshot catalog) {
        this.catalog = catalog;
        this.exercises = orEmpty(catalog.exercises()).stream().sorted(Comparator.comparing(Exercise::slug)).toList();
        for (Exercise exercise : exercises) {
            exerciseBySlug.putIfAbsent(exercise.slug(), exercise);
            if (exercise.category() != null) {
                exercisesByCategory.computeIfAbsent(exercise.category(), category -> new ArrayList<>()).add(exercise);
            }
        }
        exercisesByCategory.replaceAll((category, list) -> List.copyOf(list));
        // Unlike the optional lists, the protocols must be there: without them every report failed before too.
        for (Protocol protocol : catalog.protocols()) {
            if (protocolBySlug.putIfAbsent(protocol.slug(), protocol) == null) {
                phasesInOrderByProtocol.put(protocol.slug(), orEmpty(protocol.phases()).stream()
                        .sorted(Comparator.comparing(Phase::order, Comparator.nullsLast(Comparator.naturalOrder())))
                        .toList());
            }
        }
        for (RedFlag flag : orEmpty(catalog.redFlags())) {
            redFlagBySlug.putIfAbsent(flag.slug(), flag);
        }
        this.checklistInOrder = catalog.rootCauseChecklist() == null ? List.of()
                : orEmpty(catalog.rootCauseChecklist().steps()).stream()
                        .sorted(Comparator.comparing(ChecklistStep::order,
                                Comparator.nullsLast(Comparator.naturalOrder())))
                        .toList();
        this.musclePointers = LikelyMuscles.pointers(orEmpty(catalog.muscles()));
    }

    static CatalogIndex of(CatalogSnapshot catalog) {
        CatalogIndex index = last;
        if (index == null || index.catalog != catalog) {
            index = new CatalogIndex(catalog);
            last = index;
        }
        return index;
    }

    /** Every catalog exercise, by slug. */
    List<Exercise> exercises() {
        return exercises;
    }

    Optional<Exercise> exercise(String slug) {
        return Optional.ofNullable(exerciseBySlug.get(slug));
    }

    /** The catalog exercises of a category, by slug. */
    List<Exercise> inCategory(String category) {
        return exercisesByCategory.getOrDefault(category, List.of());
    }

    /** A protocol the engine is built around; its absence is a catalog error, not something to paper over. */
    Protocol protocol(String slug) {
        Protocol protocol = protocolBySlug.get(slug);
        if (protocol == null) {
            throw new IllegalStateException("the catalog has no protocol " + slug);
        }
        return protocol;
    }

    /** The phases of {@link #protocol(String)} by their order, phases without one last. */
    List<Phase> phasesInOrder(String protocol) {
        protocol(protocol);
        return phasesInOrderByProtocol.get(protocol);
    }

    Optional<RedFlag> redFlag(String slug) {
        return Optional.ofNullable(redFlagBySlug.get(slug));
    }

    /** The root-cause checklist's steps by their order, steps without one last; empty without a checklist. */
    List<ChecklistStep> checklistInOrder() {
        return checklistInOrder;
    }

    /** The exercise policy for an assessment; built once per combination of what it depends on. */
    ExercisePolicy policy(Assessment assessment) {
        PolicyKey key = new PolicyKey(assessment.conditions(), assessment.gentle());
        ExercisePolicy policy = policies.get(key);
        return policy != null ? policy
                : policies.computeIfAbsent(key, k -> new ExercisePolicy(this, k.conditions(), k.gentle()));
    }

    /** The plan for {@code key} (a record of everything the plan depends on), built once. */
    Plan plan(Object key, Supplier<Plan> build) {
        Plan plan = plans.get(key);
        return plan != null ? plan : plans.computeIfAbsent(key, k -> build.get());
    }

    /** The profile extras for {@code key} (a record of everything they depend on), built once. */
    ProfileExtras extras(Object key, Supplier<ProfileExtras> build) {
        ProfileExtras built = extras.get(key);
        return built != null ? built : extras.computeIfAbsent(key, k -> build.get());
    }

    List<LikelyMuscles.Pointers> musclePointers() {
        return musclePointers;
    }
}
