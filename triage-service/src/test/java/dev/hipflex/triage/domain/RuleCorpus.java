package dev.hipflex.triage.domain;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;

import dev.hipflex.triage.domain.SymptomReport.Screening;

/**
 * A fixed, seeded corpus of cases (generated reports, each with an assessment) on which the
 * rule set's decisions are observed, and every field a decision could read, each with a way to take just that field
 * from another case.
 */
final class RuleCorpus {

    private static final List<String> CONDITIONS = List.of("abdominal-condition", "acute-pain",
            "hip-surgery-or-structural-issue", "knee-pain", "low-back-pain", "pregnancy");

    private RuleCorpus() {
    }

    /**
     * Generated reports, each with an assessment drawn on its own: a decision that reads the level is observed on
     * every level, and its fingerprint does not move when a level rule changes.
     */
    static List<Case> cases(long seed, int size) {
        ReportGenerator generator = new ReportGenerator(seed);
        Random random = new Random(seed + 1);
        Random urgencies = new Random(seed + 2);
        List<Case> cases = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Assessment assessment = new Assessment(List.of(), Level.values()[random.nextInt(Level.values().length)],
                    CONDITIONS.stream().filter(condition -> random.nextDouble() < 0.2).toList(), random.nextBoolean(),
                    random.nextBoolean(), random.nextBoolean(), null);
            // The urgency from a random source of its own, so that the fields drawn before it stay as they were.
            int urgency = urgencies.nextInt(Urgency.values().length + 1);
            assessment = withUrgency(assessment, urgency == 0 ? null : Urgency.values()[urgency - 1]);
            cases.add(new Case(generator.next(), assessment));
        }
        return cases;
    }

    /** The whole rule set, level rules first, in document order. */
    static List<Decision<?>> decisions() {
        return RuleSet.parts().stream().flatMap(part -> part.decisions().stream()).toList();
    }

    /**
     * Every report field and every part of the assessment, by the name decisions give their inputs, each as: this
     * case with that one field taken from the other case. The assessment is left as it is when a report field
     * changes, so a decision that reads the level (not the signs) sees no change when only the signs change.
     */
    static Map<String, BinaryOperator<Case>> fields() {
        Map<String, BinaryOperator<Case>> fields = new LinkedHashMap<>();
        Stream.of("reportId", "userId", "reportedAt", "timeZone", "painLocations", "side", "qualities", "intensity",
                "onset", "daysSinceOnset", "aggravatingActivities", "signs", "history", "warningSigns",
                "weeksOfConsistentWork", "profile.runner", "profile.deskWorker", "profile.hoursSittingPerDay",
                "profile.runningShoeAgeMonths", "profile.wearsRaisedHeels", "profile.wantsDeepPsoasRelease", "age",
                "startingIntensity")
                .forEach(name -> fields.put(name, (base, donor) -> new Case(
                        withField(base.report(), donor.report(), name), base.assessment())));
        for (RecordComponent answer : Screening.class.getRecordComponents()) {
            String name = "screening." + answer.getName();
            fields.put(name, (base, donor) -> new Case(withField(base.report(), donor.report(), name),
                    base.assessment()));
        }
        fields.put("level", (base, donor) -> withAssessment(base, new Assessment(base.assessment().fired(),
                donor.assessment().level(), base.assessment().conditions(), base.assessment().gentle(),
                base.assessment().noRunning(), base.assessment().exercisesOnHold(),
                base.assessment().urgency())));
        fields.put("contraindications", (base, donor) -> withAssessment(base, new Assessment(base.assessment().fired(),
                base.assessment().level(), donor.assessment().conditions(), base.assessment().gentle(),
                base.assessment().noRunning(), base.assessment().exercisesOnHold(),
                base.assessment().urgency())));
        fields.put("gentleMode", (base, donor) -> withAssessment(base, new Assessment(base.assessment().fired(),
                base.assessment().level(), base.assessment().conditions(), donor.assessment().gentle(),
                base.assessment().noRunning(), base.assessment().exercisesOnHold(),
                base.assessment().urgency())));
        fields.put("noRunning", (base, donor) -> withAssessment(base, new Assessment(base.assessment().fired(),
                base.assessment().level(), base.assessment().conditions(), base.assessment().gentle(),
                donor.assessment().noRunning(), base.assessment().exercisesOnHold(),
                base.assessment().urgency())));
        fields.put("exercisesOnHold", (base, donor) -> withAssessment(base, new Assessment(base.assessment().fired(),
                base.assessment().level(), base.assessment().conditions(), base.assessment().gentle(),
                base.assessment().noRunning(), donor.assessment().exercisesOnHold(),
                base.assessment().urgency())));
        fields.put("urgency", (base, donor) -> withAssessment(base, withUrgency(base.assessment(),
                donor.assessment().urgency())));
        return fields;
    }

    private static Assessment withUrgency(Assessment a, Urgency urgency) {
        return new Assessment(a.fired(), a.level(), a.conditions(), a.gentle(), a.noRunning(), a.exercisesOnHold(),
                urgency);
    }

    private static Case withAssessment(Case base, Assessment assessment) {
        return new Case(base.report(), assessment);
    }

    /**
     * The report with one field (a path such as {@code signs}, {@code profile.runner} or {@code screening.bellyPain})
     * taken from the donor. Built through the records' components, so a new report field needs no code here. A
     * report without screening answers gets the donor's one answer and no others.
     */
    private static SymptomReport withField(SymptomReport r, SymptomReport d, String field) {
        return withComponent(r, d, field);
    }

    private static <R extends Record> R withComponent(R base, R donor, String path) {
        int dot = path.indexOf('.');
        String name = dot < 0 ? path : path.substring(0, dot);
        Shape shape = SHAPES.computeIfAbsent(base.getClass(), Shape::of);
        Object[] values = new Object[shape.accessors().length];
        try {
            for (int i = 0; i < values.length; i++) {
                Method accessor = shape.accessors()[i];
                Object mine = accessor.invoke(base);
                if (!accessor.getName().equals(name)) {
                    values[i] = mine;
                } else if (dot < 0) {
                    values[i] = accessor.invoke(donor);
                } else {
                    values[i] = withComponent(orNotAsked((Record) mine), orNotAsked((Record) accessor.invoke(donor)),
                            path.substring(dot + 1));
                }
            }
            @SuppressWarnings("unchecked")
            R changed = (R) shape.constructor().newInstance(values);
            return changed;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot take " + path + " from the donor", e);
        }
    }

    /** A record class's accessors and canonical constructor, looked up once: the tests swap fields millions of times. */
    private record Shape(Method[] accessors, Constructor<?> constructor) {

        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                types[i] = components[i].getType();
            }
            try {
                return new Shape(accessors, type.getDeclaredConstructor(types));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no canonical constructor", e);
            }
        }
    }

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private static Record orNotAsked(Record nested) {
        return nested == null ? Screening.NOT_ASKED : nested;
    }
}
