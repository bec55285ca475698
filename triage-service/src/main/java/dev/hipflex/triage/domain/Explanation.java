package dev.hipflex.triage.domain;

import java.util.List;

import dev.hipflex.triage.domain.Recommendation.Evidence;

/**
 * Why the recommendation is what it is: which rules fired, on which inputs, from which sources, and the versions of
 * the rule set and catalog it was computed against.
 *
 * @param sources the distinct sources of the fired rules, sorted
 */
public record Explanation(List<FiredRule> rules, List<String> sources, String ruleSetVersion, String catalogVersion) {

    /** @param inputs the report fields the rule read, with their values in this report */
    public record FiredRule(String rule, String version, String source, List<Evidence> inputs) {
    }
}
