package dev.hipflex.tracking.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@link AdherencePolicy} as Markdown a physiotherapist can review without reading Java: one section, headed
 * {@code ## Tracking}, that the clinical rules document ({@code docs/clinical-rules.md}) joins with triage's. A pure
 * function of the policy.
 */
public final class AdherencePolicyDocument {

    private AdherencePolicyDocument() {
    }

    public static String markdown() {
        return markdown(AdherencePolicy.RULES, AdherencePolicy.ALERTS);
    }

    static String markdown(List<PolicyRule> rules, List<? extends PolicyRule> alerts) {
        StringBuilder md = new StringBuilder();
        md.append("## Tracking: adherence policy\n\n");
        md.append("How tracking-service follows a person's plan: when a plan waits for a professional, how habits and ")
                .append("the pain trend are judged, and when a recovery alert is raised. How many sessions a week ")
                .append("the plan asks for, and the stages of the 12-week recovery timeline, come from the catalog's ")
                .append("complete release protocol and recovery timeline, not from these rules.\n\n");
        md.append("Each rule has an id, a version that goes up whenever its condition, inputs or effect changes, and ")
                .append("the source it rests on. Alerts are tried in this order and the first that applies is raised: ")
                .append(alerts.stream().map(rule -> "`" + rule.id() + "`").collect(Collectors.joining(", ")))
                .append(". Each alert is raised once per person and alert key.\n\n");
        md.append("| rule | version | source |\n|---|---|---|\n");
        for (PolicyRule rule : rules) {
            md.append("| [").append(rule.id()).append("](#").append(rule.id().toLowerCase(java.util.Locale.ROOT))
                    .append(") | ").append(rule.version()).append(" | ").append(rule.source()).append(" |\n");
        }
        for (PolicyRule rule : rules) {
            md.append("\n### ").append(rule.id()).append("\n\n");
            md.append(rule.description()).append("\n\n");
            md.append("- **Version**: ").append(rule.version()).append('\n');
            md.append("- **Source**: ").append(rule.source());
            String title = AdherencePolicy.SOURCE_TITLES.get(rule.source());
            if (title != null) {
                md.append(" (").append(title).append(')');
            }
            md.append('\n');
            md.append("- **Inputs**: ").append(String.join("; ", rule.inputs())).append('\n');
            md.append("- **Effect**: ").append(rule.effect()).append('\n');
        }
        return md.toString();
    }
}
