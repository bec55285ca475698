package dev.hipflex.catalog.domain;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.hipflex.catalog.domain.Content.Attributed;
import dev.hipflex.catalog.domain.Content.Contraindication;
import dev.hipflex.catalog.domain.Content.Dose;
import dev.hipflex.catalog.domain.Content.Exercise;
import dev.hipflex.catalog.domain.Content.Item;
import dev.hipflex.catalog.domain.Content.PhaseItem;
import dev.hipflex.catalog.domain.Content.Protocol;
import dev.hipflex.catalog.domain.Content.ProtocolPhase;
import dev.hipflex.catalog.domain.Content.Range;
import dev.hipflex.catalog.domain.Content.RecoveryStage;
import dev.hipflex.catalog.domain.Content.RootCauseStep;
import dev.hipflex.catalog.domain.Vocabularies.ExerciseCategory;
import dev.hipflex.catalog.domain.Vocabularies.ProtocolKind;

/**
 * Checks catalog content as a whole: required fields, sensible numbers, unique slugs, and that every
 * slug one item names in another resolves. The same rules guard the build, start-up and editor writes.
 */
public final class ContentValidator {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** The source that stands for claims no article makes; {@code generalGuidance} says which fields carry them. */
    public static final String GENERAL_GUIDANCE = "general-clinical-guidance";

    private static final Set<String> UNATTRIBUTABLE = Set.of("slug", "sources", "generalGuidance");

    private final List<ContentViolation> violations = new ArrayList<>();
    private String item = "";

    private ContentValidator() {
    }

    public static List<ContentViolation> validate(CatalogContent content) {
        ContentValidator v = new ContentValidator();
        v.check(content);
        return List.copyOf(v.violations);
    }

    private void check(CatalogContent c) {
        Set<String> sources = slugs(c.sources(), Content.Slugged::slug, "sources");
        Set<String> muscles = slugs(c.muscles(), Item::slug, "muscles");
        Set<String> exercises = slugs(c.exercises(), Item::slug, "exercises");
        Set<String> conditions = slugs(c.conditions(), Item::slug, "conditions");
        slugs(c.causes(), Item::slug, "causes");
        slugs(c.symptoms(), Item::slug, "symptoms");
        slugs(c.protocols(), Item::slug, "protocols");
        slugs(c.commonMistakes(), Item::slug, "common-mistakes");
        slugs(c.redFlags(), Item::slug, "red-flags");
        slugs(c.guidance(), Item::slug, "guidance");
        slugs(c.references(), Item::slug, "references");

        for (Content.Source s : c.sources()) {
            at("sources/" + s.slug());
            text("title", s.title());
            text("summary", s.summary());
        }
        for (Content.Muscle m : c.muscles()) {
            item(m, "muscles", sources);
            generalGuidance(m);
            text("summary", m.summary());
            text("origin", m.origin());
            text("insertion", m.insertion());
            nonEmpty("actions", m.actions());
            if (present("painReferral", m.painReferral())) {
                nonEmpty("painReferral.areas", m.painReferral().areas());
                text("painReferral.description", m.painReferral().description());
            }
        }
        for (Content.Cause x : c.causes()) {
            item(x, "causes", sources);
            text("summary", x.summary());
            present("category", x.category());
            refs("relatedMuscles", x.relatedMuscles(), muscles, "muscle");
        }
        for (Content.Symptom x : c.symptoms()) {
            item(x, "symptoms", sources);
            text("summary", x.summary());
            present("type", x.type());
            present("bodyArea", x.bodyArea());
            refs("relatedMuscles", x.relatedMuscles(), muscles, "muscle");
        }
        for (Exercise e : c.exercises()) {
            exercise(e, muscles, exercises, sources);
        }
        for (Protocol p : c.protocols()) {
            protocol(p, exercises, sources);
        }
        timeline(c.recoveryTimeline(), sources);
        for (Content.CommonMistake x : c.commonMistakes()) {
            item(x, "common-mistakes", sources);
            text("summary", x.summary());
            text("whyItMatters", x.whyItMatters());
            text("whatToDoInstead", x.whatToDoInstead());
            refs("relatedExercises", x.relatedExercises(), exercises, "exercise");
        }
        for (Content.Condition x : c.conditions()) {
            item(x, "conditions", sources);
            text("summary", x.summary());
        }
        for (Content.RedFlag x : c.redFlags()) {
            item(x, "red-flags", sources);
            text("summary", x.summary());
            text("whatToDo", x.whatToDo());
            nonEmpty("possibleConditions", x.possibleConditions());
            refs("possibleConditions", x.possibleConditions(), conditions, "condition");
        }
        checklist(c.rootCauseChecklist(), sources);
        for (Content.Guidance x : c.guidance()) {
            item(x, "guidance", sources);
            text("summary", x.summary());
            present("topic", x.topic());
            nonEmpty("points", x.points());
        }
        for (Content.Reference x : c.references()) {
            item(x, "references", sources);
            text("authors", x.authors());
            present("year", x.year());
            text("finding", x.finding());
            nonEmpty("citedBy", x.citedBy());
            refs("citedBy", x.citedBy(), sources, "source");
        }
        symptomCheck(c.symptomCheck(), sources);
    }

    /** Checks one exercise against the rest of the content; editors' writes go through here too. */
    private void exercise(Exercise e, Set<String> muscles, Set<String> exercises, Set<String> sources) {
        item(e, "exercises", sources);
        generalGuidance(e);
        present("category", e.category());
        text("summary", e.summary());
        refs("targetMuscles", e.targetMuscles(), muscles, "muscle");
        present("supportingMuscles", e.supportingMuscles());
        nonEmpty("equipment", e.equipment());
        present("startingPosition", e.startingPosition());
        nonEmpty("steps", e.steps());
        texts("steps", e.steps());
        dose("dose", e.dose());
        present("cautions", e.cautions());
        if (present("contraindications", e.contraindications())) {
            for (int i = 0; i < e.contraindications().size(); i++) {
                Content.Contraindication ci = e.contraindications().get(i);
                present("contraindications[" + i + "].condition", ci.condition());
                text("contraindications[" + i + "].reason", ci.reason());
            }
        }
        present("commonMistakes", e.commonMistakes());
        refs("progressions", e.progressions(), exercises, "exercise");
        refs("regressions", e.regressions(), exercises, "exercise");
        if (e.progressions() != null && e.progressions().contains(e.slug())
                || e.regressions() != null && e.regressions().contains(e.slug())) {
            violation("progressions", "an exercise cannot progress or regress to itself");
        }
        present("acuteSafe", e.acuteSafe());
        text("whyItWorks", e.whyItWorks());
        doseSteps(e, sources);
        isometricHold(e, sources);
    }

    /**
     * An isometric hold is optional; given, it belongs to a strengthening exercise and says how long and how often to
     * hold, on which sides, and where the figures come from.
     */
    private void isometricHold(Exercise e, Set<String> sources) {
        Content.IsometricHold hold = e.isometricHold();
        if (hold == null) {
            return;
        }
        if (e.category() != null && e.category() != ExerciseCategory.STRENGTHEN) {
            violation("isometricHold", "only a strengthening exercise is done as isometric holds");
        }
        if (present("isometricHold.holdSeconds", hold.holdSeconds())) {
            range("isometricHold.holdSeconds", hold.holdSeconds(), 1, 120);
        }
        if (present("isometricHold.reps", hold.reps())) {
            range("isometricHold.reps", hold.reps(), 1, 20);
        }
        present("isometricHold.perSide", hold.perSide());
        sourceRefs("isometricHold.sources", hold.sources(), sources);
    }

    /**
     * Dose steps are optional (an exercise without them keeps its dose), but each one given must name a variable the
     * exercise's dose has, once, with a range that holds the dose's minimum (where the plan starts) and a step that fits.
     */
    private void doseSteps(Exercise e, Set<String> sources) {
        if (e.doseSteps() == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < e.doseSteps().size(); i++) {
            Content.DoseStep s = e.doseSteps().get(i);
            String at = "doseSteps[" + i + "]";
            if (s == null) {
                violation(at, "is required");
                continue;
            }
            if (!Content.DoseStep.VARIABLES.contains(s.variable())) {
                violation(at + ".variable", "must be one of " + String.join(", ", Content.DoseStep.VARIABLES));
            } else if (!seen.add(s.variable())) {
                violation(at + ".variable", "steps twice");
            }
            Range start = doseRange(e.dose(), s.variable());
            if (present(at + ".range", s.range()) && s.range().min() != null && s.range().max() != null) {
                if (s.range().min() < 1 || s.range().min() >= s.range().max()) {
                    violation(at + ".range", "must satisfy 1 <= min < max");
                }
                if (start == null || start.min() == null) {
                    if (Content.DoseStep.VARIABLES.contains(s.variable())) {
                        violation(at + ".variable", "is not part of the exercise's dose");
                    }
                } else if (start.min() < s.range().min() || start.min() > s.range().max()) {
                    violation(at + ".range", "must hold the dose's minimum " + start.min() + ", where a plan starts");
                }
                if (s.step() == null || s.step() < 1 || s.step() > s.range().max() - s.range().min()) {
                    violation(at + ".step", "must be from 1 to max - min");
                }
            } else if (s.range() != null) {
                violation(at + ".range", "needs both min and max");
            }
            sourceRefs(at + ".sources", s.sources(), sources);
        }
    }

    /** The dose's range for a dose-step variable, or null. */
    static Range doseRange(Dose d, String variable) {
        if (d == null || variable == null) {
            return null;
        }
        return switch (variable) {
            case "sets" -> d.sets();
            case "reps" -> d.reps();
            case "holdSeconds" -> d.holdSeconds();
            case "minutes" -> d.minutes();
            default -> null;
        };
    }

    private void protocol(Protocol p, Set<String> exercises, Set<String> sources) {
        item(p, "protocols", sources);
        present("kind", p.kind());
        text("summary", p.summary());
        if (p.kind() == ProtocolKind.SESSION && present("schedule", p.schedule())) {
            positive("schedule.dailyForWeeks", p.schedule().dailyForWeeks());
            range("schedule.thenSessionsPerWeek", p.schedule().thenSessionsPerWeek(), 1, 7);
            positive("schedule.totalWeeks", p.schedule().totalWeeks());
        }
        if (!nonEmpty("phases", p.phases())) {
            return;
        }
        for (int i = 0; i < p.phases().size(); i++) {
            ProtocolPhase phase = p.phases().get(i);
            String at = "phases[" + i + "]";
            if (phase.order() == null || phase.order() != i + 1) {
                violation(at + ".order", "phases must be numbered 1, 2, 3... in file order");
            }
            slug(at + ".slug", phase.slug());
            text(at + ".title", phase.title());
            if (!nonEmpty(at + ".items", phase.items())) {
                continue;
            }
            fitsItsMinutes(at, phase);
            for (int j = 0; j < phase.items().size(); j++) {
                PhaseItem pi = phase.items().get(j);
                String itemAt = at + ".items[" + j + "]";
                if (pi.exercise() == null && (pi.instruction() == null || pi.instruction().isBlank())) {
                    violation(itemAt, "needs an exercise or an instruction");
                }
                if (pi.exercise() != null) {
                    refs(itemAt + ".exercise", List.of(pi.exercise()), exercises, "exercise");
                }
                refs(itemAt + ".alternatives", pi.alternatives(), exercises, "exercise");
                if (pi.dose() != null) {
                    dose(itemAt + ".dose", pi.dose());
                }
            }
        }
    }

    /**
     * A phase that states its length must leave room for the least its timed items ask (minutes, or a hold without
     * reps, twice when done on each side): a release phase of 5 minutes cannot hold 2 minutes a leg plus 1 a side.
     */
    private void fitsItsMinutes(String at, ProtocolPhase phase) {
        if (phase.minutes() == null) {
            return;
        }
        int seconds = 0;
        for (PhaseItem pi : phase.items()) {
            seconds += leastSeconds(pi.dose());
        }
        if (seconds > phase.minutes() * 60) {
            violation(at + ".minutes", "is " + phase.minutes() + " but its items take at least " + seconds + " seconds");
        }
    }

    /** The least time a dose takes, as far as it says: its minutes, or its holds when it counts no reps. */
    private static int leastSeconds(Dose d) {
        if (d == null) {
            return 0;
        }
        int once = 0;
        if (d.minutes() != null && d.minutes().min() != null) {
            once = d.minutes().min() * 60;
        } else if (d.holdSeconds() != null && d.holdSeconds().min() != null && d.reps() == null) {
            once = d.holdSeconds().min() * (d.sets() != null && d.sets().min() != null ? d.sets().min() : 1);
        }
        return Boolean.TRUE.equals(d.perSide()) ? 2 * once : once;
    }

    /**
     * The fields an item marks as general clinical guidance must be fields it has, and such an item names that
     * source; an item naming that source says which of its fields rest on it.
     */
    private void generalGuidance(Attributed a) {
        List<String> fields = a.generalGuidance() == null ? List.of() : a.generalGuidance();
        boolean named = a.sources() != null && a.sources().contains(GENERAL_GUIDANCE);
        if (!fields.isEmpty() && !named) {
            violation("sources", "must name '" + GENERAL_GUIDANCE + "', since generalGuidance marks fields");
        }
        if (fields.isEmpty() && named) {
            violation("generalGuidance", "must name the fields that rest on '" + GENERAL_GUIDANCE + "'");
        }
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i) == null || !resolves(a, fields.get(i))) {
                violation("generalGuidance[" + i + "]", "names no field of this item: '" + fields.get(i) + "'");
            }
        }
    }

    /** Whether {@code path} names a field of the record {@code value}: a component, a nested one, or a contraindication. */
    private static boolean resolves(Object value, String path) {
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        RecordComponent component = null;
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            if (c.getName().equals(head) && !UNATTRIBUTABLE.contains(head)) {
                component = c;
            }
        }
        if (component == null) {
            return false;
        }
        if (dot < 0) {
            return true;
        }
        String rest = path.substring(dot + 1);
        Object part;
        try {
            part = component.getAccessor().invoke(value);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
        if (part instanceof List<?> list) {
            return list.stream().anyMatch(e -> e instanceof Contraindication ci && ci.condition() != null
                    && ci.condition().slug().equals(rest));
        }
        return part != null && part.getClass().isRecord() && resolves(part, rest);
    }

    private void timeline(Content.RecoveryTimeline t, Set<String> sources) {
        at("recovery-timeline");
        if (!present("recoveryTimeline", t)) {
            return;
        }
        text("summary", t.summary());
        text("consistencyNote", t.consistencyNote());
        sourceRefs(t.sources(), sources);
        if (!nonEmpty("stages", t.stages())) {
            return;
        }
        int nextDay = 1;
        for (int i = 0; i < t.stages().size(); i++) {
            RecoveryStage s = t.stages().get(i);
            String at = "stages[" + i + "]";
            slug(at + ".slug", s.slug());
            text(at + ".title", s.title());
            nonEmpty(at + ".whatToExpect", s.whatToExpect());
            if (s.order() == null || s.order() != i + 1) {
                violation(at + ".order", "stages must be numbered 1, 2, 3... in file order");
            }
            if (s.fromDay() == null || s.toDay() == null || s.fromDay() != nextDay || s.toDay() < s.fromDay()) {
                violation(at + ".fromDay", "stages must cover the days one after another from day 1");
            } else {
                nextDay = s.toDay() + 1;
            }
        }
    }

    private void checklist(Content.RootCauseChecklist list, Set<String> sources) {
        at("root-cause-checklist");
        if (!present("rootCauseChecklist", list)) {
            return;
        }
        text("method", list.method());
        sourceRefs(list.sources(), sources);
        if (!nonEmpty("steps", list.steps())) {
            return;
        }
        for (int i = 0; i < list.steps().size(); i++) {
            RootCauseStep s = list.steps().get(i);
            String at = "steps[" + i + "]";
            slug(at + ".slug", s.slug());
            text(at + ".title", s.title());
            text(at + ".check", s.check());
            text(at + ".change", s.change());
            present(at + ".appliesTo", s.appliesTo());
            if (s.order() == null || s.order() != i + 1) {
                violation(at + ".order", "steps must be numbered 1, 2, 3... from the most common cause");
            }
        }
    }

    /**
     * Every step asks at least one field, every field a step asks has its question, and every question is asked by
     * exactly one step, so the check asks each field once. Which words a field takes is triage's to say: the e2e
     * module's SymptomCheckWordingTest holds this wording against triage's report vocabulary.
     */
    private void symptomCheck(Content.SymptomCheck check, Set<String> sources) {
        at("symptom-check");
        if (!present("symptomCheck", check)) {
            return;
        }
        text("title", check.title());
        sourceRefs(check.sources(), sources);
        Map<String, Integer> askedBy = new HashMap<>();
        if (nonEmpty("steps", check.steps())) {
            for (int i = 0; i < check.steps().size(); i++) {
                Content.CheckStep s = check.steps().get(i);
                String at = "steps[" + i + "]";
                slug(at + ".slug", s.slug());
                text(at + ".title", s.title());
                if (s.order() == null || s.order() != i + 1) {
                    violation(at + ".order", "steps must be numbered 1, 2, 3... in the order they are asked");
                }
                if (nonEmpty(at + ".fields", s.fields())) {
                    for (String field : s.fields()) {
                        if (askedBy.putIfAbsent(field, i) != null) {
                            violation(at + ".fields", "asks '" + field + "', which another step asks too");
                        }
                    }
                }
            }
        }
        Set<String> questioned = new HashSet<>();
        if (nonEmpty("questions", check.questions())) {
            for (int i = 0; i < check.questions().size(); i++) {
                Content.CheckQuestion q = check.questions().get(i);
                String at = "questions[" + i + "]";
                if (!present(at + ".field", q.field()) || !questioned.add(q.field())) {
                    violation(at + ".field", "must name a report field that no other question names");
                    continue;
                }
                if (!askedBy.containsKey(q.field())) {
                    violation(at + ".field", "'" + q.field() + "' is asked by no step");
                }
                text(at + ".question", q.question());
                text(at + ".label", q.label());
                if (q.answers() != null) {
                    q.answers().forEach((word, wording) -> {
                        slug(at + ".answers." + word, word);
                        text(at + ".answers." + word, wording);
                    });
                }
            }
        }
        askedBy.keySet().stream().filter(field -> !questioned.contains(field)).sorted()
                .forEach(field -> violation("questions", "has no question for '" + field + "', which a step asks"));
    }

    private void item(Item i, String kind, Set<String> sources) {
        at(kind + "/" + i.slug());
        text("title", i.title());
        sourceRefs(i.sources(), sources);
    }

    private void sourceRefs(List<String> named, Set<String> sources) {
        sourceRefs("sources", named, sources);
    }

    private void sourceRefs(String field, List<String> named, Set<String> sources) {
        nonEmpty(field, named);
        refs(field, named, sources, "source");
    }

    private <T> Set<String> slugs(Collection<T> items, Function<T, String> slugOf, String kind) {
        Set<String> seen = new HashSet<>();
        if (items == null) {
            at(kind);
            violation("items", "is missing");
            return seen;
        }
        for (T t : items) {
            String s = slugOf.apply(t);
            at(kind + "/" + s);
            slug("slug", s);
            if (s != null && !seen.add(s)) {
                violation("slug", "is used twice");
            }
        }
        return seen;
    }

    private void dose(String field, Dose d) {
        if (!present(field, d)) {
            return;
        }
        if (d.holdSeconds() == null && d.sets() == null && d.reps() == null && d.minutes() == null
                && (d.note() == null || d.note().isBlank())) {
            violation(field, "needs at least one of holdSeconds, sets, reps, minutes, or a note");
        }
        range(field + ".holdSeconds", d.holdSeconds(), 1, 600);
        range(field + ".sets", d.sets(), 1, 10);
        range(field + ".reps", d.reps(), 1, 100);
        range(field + ".minutes", d.minutes(), 1, 120);
        present(field + ".perSide", d.perSide());
    }

    private void range(String field, Range r, int lowest, int highest) {
        if (r == null) {
            return;
        }
        if (r.min() == null || r.max() == null) {
            violation(field, "needs both min and max");
        } else if (r.min() < lowest || r.max() > highest || r.min() > r.max()) {
            violation(field, "must satisfy " + lowest + " <= min <= max <= " + highest);
        }
    }

    private void refs(String field, List<String> named, Set<String> known, String what) {
        if (named == null) {
            return;
        }
        for (int i = 0; i < named.size(); i++) {
            if (!known.contains(named.get(i))) {
                violation(field + "[" + i + "]", "names no known " + what + ": '" + named.get(i) + "'");
            }
        }
    }

    private void slug(String field, String value) {
        if (value == null || !SLUG.matcher(value).matches()) {
            violation(field, "must be lowercase kebab-case, for example 'couch-stretch'");
        }
    }

    private void text(String field, String value) {
        if (value == null || value.isBlank()) {
            violation(field, "is required");
        }
    }

    private void texts(String field, List<String> values) {
        if (values != null && values.stream().anyMatch(v -> v == null || v.isBlank())) {
            violation(field, "must not contain empty entries");
        }
    }

    private void positive(String field, Integer value) {
        if (value == null || value < 1) {
            violation(field, "must be a positive number");
        }
    }

    private boolean present(String field, Object value) {
        if (value == null) {
            violation(field, "is required");
            return false;
        }
        return true;
    }

    private boolean nonEmpty(String field, List<?> values) {
        if (values == null || values.isEmpty()) {
            violation(field, "needs at least one entry");
            return false;
        }
        return true;
    }

    private void at(String where) {
        item = where;
    }

    private void violation(String field, String message) {
        violations.add(new ContentViolation(item, field, message));
    }

    /** The violations of one item, for answering an editor about the item they sent. */
    public static List<ContentViolation> about(List<ContentViolation> all, String item) {
        return all.stream().filter(v -> v.item().equals(item)).collect(Collectors.toList());
    }
}
