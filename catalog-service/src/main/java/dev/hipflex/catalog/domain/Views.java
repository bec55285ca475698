package dev.hipflex.catalog.domain;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.hipflex.catalog.domain.Content.Condition;
import dev.hipflex.catalog.domain.Content.Dose;
import dev.hipflex.catalog.domain.Content.Exercise;
import dev.hipflex.catalog.domain.Content.PhaseItem;
import dev.hipflex.catalog.domain.Content.Protocol;
import dev.hipflex.catalog.domain.Content.ProtocolPhase;
import dev.hipflex.catalog.domain.Content.ProtocolSchedule;
import dev.hipflex.catalog.domain.Content.RedFlag;
import dev.hipflex.catalog.domain.Vocabularies.ExerciseCategory;
import dev.hipflex.catalog.domain.Vocabularies.ProtocolKind;

/** Read models that resolve the slugs one item names into what a client needs to show them. */
public final class Views {

    private Views() {
    }

    public record ExerciseRef(String slug, String title, ExerciseCategory category, Boolean acuteSafe) {
        static ExerciseRef of(Exercise e) {
            return new ExerciseRef(e.slug(), e.title(), e.category(), e.acuteSafe());
        }
    }

    /** A protocol step with its exercise's title; the dose is the protocol's, or the exercise's own when the protocol gives none. */
    public record ResolvedItem(ExerciseRef exercise, List<ExerciseRef> alternatives, String instruction, Dose dose) {
    }

    public record ResolvedPhase(Integer order, String slug, String title, ExerciseCategory category, Integer minutes,
            String summary, List<ResolvedItem> items) {
    }

    public record ProtocolView(String slug, String title, ProtocolKind kind, String summary, Integer totalMinutes,
            ProtocolSchedule schedule, List<ResolvedPhase> phases, List<String> notes, List<String> sources) {
    }

    public record RedFlagView(String slug, String title, String summary, String whatToDo,
            List<Condition> possibleConditions, List<String> sources) {
    }

    public static ProtocolView protocol(Protocol p, List<Exercise> exercises) {
        Map<String, Exercise> bySlug = exercises.stream().collect(Collectors.toMap(Exercise::slug, Function.identity()));
        List<ResolvedPhase> phases = p.phases().stream().map(phase -> resolve(phase, bySlug)).toList();
        return new ProtocolView(p.slug(), p.title(), p.kind(), p.summary(), p.totalMinutes(), p.schedule(), phases,
                p.notes(), p.sources());
    }

    private static ResolvedPhase resolve(ProtocolPhase phase, Map<String, Exercise> exercises) {
        List<ResolvedItem> items = phase.items().stream().map(item -> resolve(item, exercises)).toList();
        return new ResolvedPhase(phase.order(), phase.slug(), phase.title(), phase.category(), phase.minutes(),
                phase.summary(), items);
    }

    private static ResolvedItem resolve(PhaseItem item, Map<String, Exercise> exercises) {
        Exercise exercise = item.exercise() == null ? null : exercises.get(item.exercise());
        List<ExerciseRef> alternatives = item.alternatives() == null ? List.of()
                : item.alternatives().stream().map(exercises::get).map(ExerciseRef::of).toList();
        Dose dose = item.dose() != null ? item.dose() : exercise == null ? null : exercise.dose();
        return new ResolvedItem(exercise == null ? null : ExerciseRef.of(exercise), alternatives, item.instruction(), dose);
    }

    public static RedFlagView redFlag(RedFlag flag, List<Condition> conditions) {
        List<Condition> named = flag.possibleConditions().stream()
                .flatMap(slug -> conditions.stream().filter(c -> c.slug().equals(slug)))
                .toList();
        return new RedFlagView(flag.slug(), flag.title(), flag.summary(), flag.whatToDo(), named, flag.sources());
    }
}
