package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.Catalogs.orEmpty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.hipflex.triage.domain.CatalogSnapshot.ChecklistStep;
import dev.hipflex.triage.domain.CatalogSnapshot.Exercise;
import dev.hipflex.triage.domain.CatalogSnapshot.Muscle;
import dev.hipflex.triage.domain.CatalogSnapshot.Phase;
import dev.hipflex.triage.domain.CatalogSnapshot.Protocol;
import dev.hipflex.triage.domain.CatalogSnapshot.RedFlag;

/**
 * What the engine looks up in a catalog snapshot, sorted and indexed. A value derived from one snapshot and never
 * changed: whoever holds the snapshot may build it once and pass it to {@link TriageEngine} for every report. Where a
 * slug occurs twice, the first one wins, as a search through the list would find it.
 */
public final class CatalogIndex {

    private final String version;
    private final List<Exercise> exercises;
    private final Map<String, Exercise> exerciseBySlug = new HashMap<>();
    private final Map<String, List<Exercise>> exercisesByCategory = new HashMap<>();
    private final Map<String, Protocol> protocolBySlug = new HashMap<>();
    private final Map<String, List<Phase>> phasesInOrderByProtocol = new HashMap<>();
    private final Map<String, RedFlag> redFlagBySlug = new HashMap<>();
    private final List<ChecklistStep> checklistInOrder;
    private final List<Muscle> muscles;

    private CatalogIndex(CatalogSnapshot catalog) {
        this.version = catalog.version();
        this.exercises = orEmpty(catalog.exercises()).stream().sorted(Comparator.comparing(Exercise::slug)).toList();
        for (Exercise exercise : exercises) {
            exerciseBySlug.putIfAbsent(exercise.slug(), exercise);
            if (exercise.category() != null) {
                exercisesByCategory.computeIfAbsent(exercise.category(), category -> new ArrayList<>()).add(exercise);
            }
        }
        exercisesByCategory.replaceAll((category, list) -> List.copyOf(list));
        // Unlike the optional lists, the protocols must be there: the engine is built around them.
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
        this.muscles = orEmpty(catalog.muscles());
    }

    public static CatalogIndex of(CatalogSnapshot catalog) {
        return new CatalogIndex(catalog);
    }

    /** The content version of the snapshot this index was built from. */
    public String version() {
        return version;
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

    /** The exercise policy for a case: its assessment, the plan rules' conditions and what the rule set leaves out. */
    ExercisePolicy policy(Case reading) {
        return new ExercisePolicy(this, reading);
    }

    /** The catalog muscles in the catalog's order. */
    List<Muscle> muscles() {
        return muscles;
    }
}
