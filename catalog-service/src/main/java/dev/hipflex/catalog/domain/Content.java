package dev.hipflex.catalog.domain;

import java.util.List;
import java.util.Map;

import dev.hipflex.catalog.domain.Vocabularies.Audience;
import dev.hipflex.catalog.domain.Vocabularies.BodyArea;
import dev.hipflex.catalog.domain.Vocabularies.CauseCategory;
import dev.hipflex.catalog.domain.Vocabularies.ContraindicationCondition;
import dev.hipflex.catalog.domain.Vocabularies.Equipment;
import dev.hipflex.catalog.domain.Vocabularies.ExerciseCategory;
import dev.hipflex.catalog.domain.Vocabularies.GuidanceTopic;
import dev.hipflex.catalog.domain.Vocabularies.ProtocolKind;
import dev.hipflex.catalog.domain.Vocabularies.StartingPosition;
import dev.hipflex.catalog.domain.Vocabularies.SupportingMuscle;
import dev.hipflex.catalog.domain.Vocabularies.SymptomType;

/**
 * The shapes of catalog content, exactly as content files and the API carry them. The field order
 * here is the order in every JSON body, which keeps the content version stable.
 */
public final class Content {

    private Content() {
    }

    /** Anything stored under a stable slug. */
    public interface Slugged {
        String slug();
    }

    /** Any catalog item that has a slug and names its sources. */
    public interface Item extends Slugged {
        String title();

        List<String> sources();
    }

    /**
     * An item whose fields may rest on general clinical guidance instead of the articles: {@code generalGuidance} names
     * those fields ({@code origin}, {@code steps}, {@code painReferral.description}, {@code contraindications.knee-pain}),
     * so that a reader can tell which claims no article makes. Absent or empty when every field comes from the articles.
     */
    public interface Attributed extends Item {
        List<String> generalGuidance();
    }

    /** An inclusive range; a fixed value has {@code min == max}. */
    public record Range(Integer min, Integer max) {
    }

    public record Dose(Range holdSeconds, Range sets, Range reps, Range minutes, Boolean perSide, String note) {
    }

    public record Contraindication(ContraindicationCondition condition, String reason) {
    }

    /**
     * A dose variable that an adapting plan may change, one step at a time, within {@code range}. {@code variable} names
     * a field of {@link Dose}: sets, reps, holdSeconds or minutes. The plan starts at the dose's own minimum.
     */
    public record DoseStep(String variable, Range range, Integer step, List<String> sources) {

        /** The dose variables that can step, in the order a plan tries them. */
        public static final List<String> VARIABLES = List.of("sets", "reps", "holdSeconds", "minutes");
    }

    /**
     * The dose of a strengthening exercise done as still, pain-free holds (isometric): the person takes the position
     * and holds it, {@code reps} times, for {@code holdSeconds} each. Triage prescribes it where only holds are safe,
     * such as the first days after a sudden strain; {@code sources} name where the figures come from.
     */
    public record IsometricHold(Range holdSeconds, Range reps, Boolean perSide, String note, List<String> sources) {
    }

    /**
     * @param startingPosition the position the steps start in
     * @param isometricHold optional: the exercise's dose as still holds, for strengthening exercises only
     */
    public record Exercise(String slug, String title, ExerciseCategory category, String summary,
            List<String> targetMuscles, List<SupportingMuscle> supportingMuscles, List<Equipment> equipment,
            StartingPosition startingPosition, List<String> steps, Dose dose, List<String> cautions,
            List<Contraindication> contraindications, List<String> commonMistakes, List<String> progressions,
            List<String> regressions, Boolean acuteSafe, String whyItWorks, List<String> sources,
            List<String> generalGuidance, List<DoseStep> doseSteps, IsometricHold isometricHold)
            implements Item, Attributed {
    }

    public record PainReferral(List<BodyArea> areas, String description) {
    }

    public record Muscle(String slug, String title, String summary, String origin, String insertion,
            List<String> actions, PainReferral painReferral, List<String> sources, List<String> generalGuidance)
            implements Item, Attributed {
    }

    public record Cause(String slug, String title, String summary, CauseCategory category, String details,
            List<String> relatedMuscles, List<String> sources) implements Item {
    }

    public record Symptom(String slug, String title, String summary, SymptomType type, BodyArea bodyArea,
            List<String> relatedMuscles, List<String> sources) implements Item {
    }

    public record Condition(String slug, String title, String summary, List<String> sources) implements Item {
    }

    public record RedFlag(String slug, String title, String summary, String whatToDo,
            List<String> possibleConditions, List<String> sources) implements Item {
    }

    public record CommonMistake(String slug, String title, String summary, String whyItMatters,
            String whatToDoInstead, List<String> relatedExercises, List<String> sources) implements Item {
    }

    public record RecoveryStage(String slug, Integer order, String title, Integer fromDay, Integer toDay,
            String summary, List<String> whatToExpect) {
    }

    public record RecoveryTimeline(String summary, String consistencyNote, List<String> sources,
            List<RecoveryStage> stages) {
    }

    public record RootCauseStep(Integer order, String slug, String title, String summary, String check,
            String change, Audience appliesTo) {
    }

    public record RootCauseChecklist(String method, List<String> sources, List<RootCauseStep> steps) {
    }

    public record Guidance(String slug, String title, String summary, GuidanceTopic topic, List<String> points,
            List<String> sources) implements Item {
    }

    public record Reference(String slug, String authors, Integer year, String title, String publication,
            String doi, String finding, List<String> citedBy, List<String> sources) implements Item {
    }

    public record Source(String slug, String title, String author, String publisher, String seedFile,
            String summary) implements Slugged {
    }

    /** How often a session protocol is meant to be done: what tracking measures adherence against. */
    public record ProtocolSchedule(Integer dailyForWeeks, Range thenSessionsPerWeek, Integer totalWeeks) {
    }

    public record PhaseItem(String exercise, List<String> alternatives, String instruction, Dose dose) {
    }

    public record ProtocolPhase(Integer order, String slug, String title, ExerciseCategory category, Integer minutes,
            String summary, List<PhaseItem> items) {
    }

    public record Protocol(String slug, String title, ProtocolKind kind, String summary, Integer totalMinutes,
            ProtocolSchedule schedule, List<ProtocolPhase> phases, List<String> notes, List<String> sources)
            implements Item {
    }

    /**
     * A step of the symptom check: its title and the report fields it asks, in order. Fields are named as the report
     * names them, nested ones with a dot ({@code screening.groinLump}, {@code profile.runner}).
     */
    public record CheckStep(Integer order, String slug, String title, List<String> fields) {
    }

    /**
     * How the symptom check asks one report field: {@code question} is the full question, {@code label} its few words
     * for summaries and explanations ("Where it hurts"), and {@code answers} the wording of each vocabulary word the
     * field takes, in the order they are offered (for warning signs, each word's own yes-or-no question).
     */
    public record CheckQuestion(String field, String question, String label, Map<String, String> answers) {
    }

    /** The symptom check's wording: its steps, and a question for every report field that a person answers. */
    public record SymptomCheck(String title, List<String> sources, List<CheckStep> steps, List<CheckQuestion> questions) {
    }
}
