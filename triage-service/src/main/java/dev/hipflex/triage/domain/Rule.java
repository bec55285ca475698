package dev.hipflex.triage.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One named, versioned level rule: when it fires, the level it raises to and what it does to the plan. All of them
 * live in {@link RuleSet}; the decisions that shape the rest of the recommendation are {@link Decision}s.
 *
 * @param id stable id such as {@code RF-NEURO}, quoted in every recommendation it shapes
 * @param version bumped whenever the condition or the effect changes
 * @param description what the rule checks, for a reader of the rule set
 * @param source the catalog source slug the rule comes from (a seed article, or general-clinical-guidance)
 * @param inputs the report fields the condition reads; the explanation quotes their values
 * @param condition when the rule fires
 * @param effect what firing does to the recommendation
 */
public record Rule(String id, String version, String description, String source, List<Input> inputs,
        Predicate<SymptomReport> condition, Effect effect) {

    public boolean appliesTo(SymptomReport report) {
        return condition.test(report);
    }

    /** The rule as the rule set's review document and version guard see every decision. */
    Decision<Effect> asDecision() {
        return new Decision<>(id, version, description, source, inputs.stream().map(Decision.Fact::of).toList(),
                reading -> condition.test(reading.report()), effect.inWords(), effect);
    }

    /**
     * What a fired rule does.
     *
     * @param minimumLevel the level the recommendation gets at least ({@link Level#SELF_CARE} raises nothing)
     * @param reason what the person is told, in plain words
     * @param redFlag the catalog red flag slug this rule recognises, or null
     * @param contraindications catalog contraindication conditions that now apply (exercises with them are excluded)
     * @param gentleMode only acute-safe exercises from now on
     * @param noRunning no running until a professional has seen the person
     * @param holdExercises no exercises at all until a professional has seen the person
     */
    public record Effect(Level minimumLevel, String reason, String redFlag, List<String> contraindications,
            boolean gentleMode, boolean noRunning, boolean holdExercises, Urgency urgency) {

        /**
         * At least this level; a referral is routine unless said otherwise ({@link #withinAWeek()}), and urgent care
         * is always today.
         */
        static Effect atLeast(Level level, String reason) {
            Urgency urgency = switch (level) {
                case URGENT_CARE -> Urgency.TODAY;
                case SEE_PROFESSIONAL -> Urgency.ROUTINE;
                default -> null;
            };
            return new Effect(level, reason, null, List.of(), false, false, false, urgency);
        }

        Effect withRedFlag(String slug) {
            return new Effect(minimumLevel, reason, slug, contraindications, gentleMode, noRunning, holdExercises,
                    urgency);
        }

        Effect excluding(String... conditions) {
            List<String> all = Stream.concat(contraindications.stream(), Stream.of(conditions))
                    .sorted().distinct().toList();
            return new Effect(minimumLevel, reason, redFlag, all, gentleMode, noRunning, holdExercises, urgency);
        }

        Effect inGentleMode() {
            return new Effect(minimumLevel, reason, redFlag, contraindications, true, noRunning, holdExercises,
                    urgency);
        }

        Effect withNoRunning() {
            return new Effect(minimumLevel, reason, redFlag, contraindications, gentleMode, true, holdExercises,
                    urgency);
        }

        Effect holdingExercises() {
            return new Effect(minimumLevel, reason, redFlag, contraindications, gentleMode, noRunning, true, urgency);
        }

        /** A referral to be seen within a week rather than routinely. */
        Effect withinAWeek() {
            if (minimumLevel != Level.SEE_PROFESSIONAL) {
                throw new IllegalStateException("only a referral to a professional is within a week");
            }
            return new Effect(minimumLevel, reason, redFlag, contraindications, gentleMode, noRunning, holdExercises,
                    Urgency.WITHIN_A_WEEK);
        }

        /**
         * Everything the rule does is about how self-care goes: its level is below a referral and it only raises it to
         * caution, leaves exercises out, asks for gentle ones, stops running or holds exercises. When every exercise
         * waits until the person has been seen, such a rule has nothing left to say, so the recommendation neither
         * gives its reason nor lists it in the explanation ({@link Assessment#inTheOutcome()}).
         */
        public boolean onlyShapesThePlan() {
            return !minimumLevel.isAtLeast(Level.SEE_PROFESSIONAL) && redFlag == null
                    && (minimumLevel == Level.SELF_CARE_WITH_CAUTION || !contraindications.isEmpty() || gentleMode
                            || noRunning || holdExercises);
        }

        /** The effect in plain words, for a reviewer who does not read Java. */
        public String inWords() {
            StringJoiner words = new StringJoiner(" ");
            words.add(minimumLevel == Level.SELF_CARE
                    ? "The level stays as the other rules set it (at least self-care)."
                    : "The level is at least " + minimumLevel.word() + ".");
            if (urgency != null) {
                words.add("How soon: " + urgency.word() + ".");
            }
            if (redFlag != null) {
                words.add("Red flag: " + redFlag + ".");
            }
            if (!contraindications.isEmpty()) {
                words.add("Exercises the catalog marks as contraindicated for " + String.join(", ", contraindications)
                        + " are left out.");
            }
            if (gentleMode) {
                words.add("Gentle mode: only acute-safe exercises.");
            }
            if (noRunning) {
                words.add("No running until a professional has seen the person.");
            }
            if (holdExercises) {
                words.add("No exercises at all until a professional has seen the person.");
            }
            return words + " The person reads: \u201c" + reason + "\u201d";
        }
    }

    /**
     * A report field a rule reads.
     *
     * @param name the field's path in the report, e.g. {@code signs} or {@code profile.runner}
     * @param meaning what the field holds, in plain words
     */
    public record Input(String name, String meaning, Function<SymptomReport, Object> reader) {

        /** The field's value as the explanation shows it: words for vocabularies, sets in declaration order. */
        public String valueIn(SymptomReport report) {
            return render(reader.apply(report));
        }

        static String render(Object value) {
            if (value == null) {
                return "not given";
            }
            if (value instanceof Collection<?> values) {
                // Report sets may be hash sets: sort (enums by declaration order) so the text is stable.
                Object[] sorted = values.toArray();
                Arrays.sort(sorted);
                StringJoiner joined = new StringJoiner(", ");
                for (Object element : sorted) {
                    joined.add(render(element));
                }
                return joined.length() == 0 ? "none" : joined.toString();
            }
            return value instanceof Word word ? word.word() : value.toString();
        }
    }
}
