package dev.hipflex.triage.domain;

import java.util.StringJoiner;

import dev.hipflex.triage.domain.Decision.Fact;

/**
 * The triage rule set as Markdown, for a physiotherapist who reviews it without reading Java: per rule its id,
 * version, source, when it holds, what it reads and what it does. The text starts at a {@code ## Triage} heading, so
 * that it can stand as one section of a larger review document.
 */
public final class RuleSetDocument {

    private RuleSetDocument() {
    }

    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("## Triage\n\n")
                .append("Rule set version ").append(RuleSet.VERSION).append(". Every recommendation names this ")
                .append("version and the rules that fired. Generated from triage-service's rule set; do not edit ")
                .append("by hand.\n\n")
                .append("Each rule has an id, a version that changes whenever what it reads, when it holds or what ")
                .append("it does changes, and the source it comes from. Levels, from least to most severe: ")
                .append(levels()).append(".\n");
        for (RuleSet.Part part : RuleSet.parts()) {
            md.append("\n### ").append(part.title()).append("\n\n").append(part.how()).append('\n');
            for (Decision<?> decision : part.decisions()) {
                md.append('\n').append(rule(decision));
            }
        }
        return md.toString();
    }

    private static String rule(Decision<?> decision) {
        return "#### " + decision.id() + " (version " + decision.version() + ")\n\n"
                + "- Source: " + decision.source() + "\n"
                + "- When: " + decision.description() + "\n"
                + "- Reads: " + inputs(decision) + "\n"
                + "- Effect: " + decision.effect() + "\n";
    }

    private static String inputs(Decision<?> decision) {
        StringJoiner inputs = new StringJoiner("; ");
        for (Fact fact : decision.inputs()) {
            inputs.add("`" + fact.name() + "` (" + fact.meaning() + ")");
        }
        return inputs.toString();
    }

    private static String levels() {
        StringJoiner levels = new StringJoiner(", ");
        for (Level level : Level.values()) {
            levels.add(level.word());
        }
        return levels.toString();
    }
}
