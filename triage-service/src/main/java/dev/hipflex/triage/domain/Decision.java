package dev.hipflex.triage.domain;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One named, versioned clinical decision of the rule set: when it holds and what it does. Level rules are
 * {@link Rule}s (see {@link Rule#asDecision()}); the decisions that shape the plan, the extras, the root-cause checks
 * and the likely muscles are decisions themselves, listed in {@link PlanRules} and {@link ProfileRules}. The builders
 * only apply them.
 *
 * @param id stable id such as {@code PN-ON-HOLD}
 * @param version bumped whenever the condition, the inputs or the effect changes
 * @param description when the decision holds, in plain words
 * @param source the catalog source slug the decision comes from
 * @param inputs what the condition reads
 * @param condition when the decision holds
 * @param effect what holding does, in plain words
 * @param outcome what holding does, as the builder applies it
 */
record Decision<O>(String id, String version, String description, String source, List<Fact> inputs,
        Predicate<Case> condition, String effect, O outcome) {

    public boolean holdsFor(Case reading) {
        return condition.test(reading);
    }

    /**
     * Something a decision reads: a report field or a part of the assessment.
     *
     * @param name the report field's path (e.g. {@code profile.runner}) or the assessment's part (e.g. {@code level})
     * @param meaning what it holds, in plain words
     */
    public record Fact(String name, String meaning, Function<Case, Object> reader) {

        static Fact of(Rule.Input input) {
            return new Fact(input.name(), input.meaning(), reading -> input.reader().apply(reading.report()));
        }

        /** The value as the recommendation's evidence shows it. */
        String valueIn(Case reading) {
            return Rule.Input.render(reader.apply(reading));
        }
    }
}
