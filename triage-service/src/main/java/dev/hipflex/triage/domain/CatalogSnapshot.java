package dev.hipflex.triage.domain;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of the catalog the triage engine decides with, as catalog-service's REST API serves it
 * (fields the engine does not use are ignored). The catalog is the source of exercise details and
 * contraindications; the engine never hard-codes a dose.
 *
 * @param version the catalog content version, recorded in every recommendation
 */
public record CatalogSnapshot(String version, List<Exercise> exercises, List<Protocol> protocols,
        List<RedFlag> redFlags, RootCauseChecklist rootCauseChecklist, List<Muscle> muscles) {

    public Optional<Exercise> exercise(String slug) {
        return exercises.stream().filter(e -> e.slug().equals(slug)).findFirst();
    }

    public Optional<Protocol> protocol(String slug) {
        return protocols.stream().filter(p -> p.slug().equals(slug)).findFirst();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Range(Integer min, Integer max) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dose(Range holdSeconds, Range sets, Range reps, Range minutes, Boolean perSide, String note) {
    }

    /** {@code condition} is a catalog word: pregnancy, abdominal-condition, acute-pain, hip-surgery-or-structural-issue, knee-pain, low-back-pain. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contraindication(String condition, String reason) {
    }

    /**
     * A strengthening exercise's dose as still, pain-free holds: {@code reps} holds of {@code holdSeconds} each.
     *
     * @param sources where the figures come from
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IsometricHold(Range holdSeconds, Range reps, Boolean perSide, String note, List<String> sources) {

        /** The holds as a dose the plan prescribes: no sets, no minutes. */
        public Dose asDose() {
            return new Dose(holdSeconds, null, reps, null, perSide, note);
        }
    }

    /**
     * {@code category} is release, stretch, strengthen or mobility; {@code startingPosition} is a catalog word such as
     * lying-on-back (see {@link ExerciseKind}); {@code isometricHold} is given for the strengthening exercises the
     * catalog doses as still holds.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Exercise(String slug, String title, String category, List<String> targetMuscles,
            List<String> supportingMuscles, String startingPosition, Dose dose,
            List<Contraindication> contraindications, List<String> progressions, List<String> regressions,
            Boolean acuteSafe, List<String> sources, IsometricHold isometricHold) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExerciseRef(String slug, String title) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PhaseItem(ExerciseRef exercise, List<ExerciseRef> alternatives, String instruction, Dose dose) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Phase(Integer order, String slug, String title, String category, Integer minutes, List<PhaseItem> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Schedule(Integer dailyForWeeks, Range thenSessionsPerWeek, Integer totalWeeks) {
    }

    /** {@code kind} is session, movement-breaks or warm-up. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Protocol(String slug, String title, String kind, Integer totalMinutes, Schedule schedule,
            List<Phase> phases, List<String> sources) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Condition(String slug, String title) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RedFlag(String slug, String title, String summary, String whatToDo, List<Condition> possibleConditions,
            List<String> sources) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChecklistStep(Integer order, String slug, String title, String summary, String check, String change,
            String appliesTo) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RootCauseChecklist(String method, List<String> sources, List<ChecklistStep> steps) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PainReferral(List<String> areas, String description) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Muscle(String slug, String title, PainReferral painReferral) {
    }
}
