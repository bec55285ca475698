package dev.hipflex.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The policy's section of the review document is generated into target/, and the committed docs/clinical-rules.md
 * (written by e2e-tests' ClinicalRulesDocumentTest) holds it.
 */
class AdherencePolicyDocumentTest {

    private static final Path GENERATED = Path.of("target", "clinical-rules-tracking.md");
    private static final Path COMMITTED = Path.of("..", "docs", "clinical-rules.md");

    @Test
    void theCommittedReviewDocumentIsTheOneThePolicyRenders() throws Exception {
        String markdown = AdherencePolicyDocument.markdown();
        Files.createDirectories(GENERATED.getParent());
        Files.writeString(GENERATED, markdown, StandardCharsets.UTF_8);

        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertThat(committed)
                .withFailMessage("docs/clinical-rules.md does not hold what the adherence policy renders. Regenerate it "
                        + "with e2e-tests' ClinicalRulesDocumentTest (-Dhipflex.docs.update), and review the difference "
                        + "before committing.")
                .contains(markdown.stripTrailing());
    }

    @Test
    void everyRuleIsShownWithItsVersionSourceInputsAndEffectUnderTheTrackingHeading() {
        String markdown = AdherencePolicyDocument.markdown();

        assertThat(markdown).startsWith("## Tracking");
        for (PolicyRule rule : AdherencePolicy.RULES) {
            String section = markdown.substring(markdown.indexOf("### " + rule.id() + "\n"));
            assertThat(section).contains(rule.description(), "- **Version**: " + rule.version(),
                    "- **Source**: " + rule.source(), "- **Inputs**: " + String.join("; ", rule.inputs()),
                    "- **Effect**: " + rule.effect());
        }
        // The thresholds a reviewer checks are spelled out, not hidden in code.
        assertThat(markdown).contains("at least 2 points", "at least 30 %", "at least 80.0 %", "the 13 days before",
                "at least 3 of them", "after week 2", "at least 4 complete plan weeks", "week 4 or later");
    }

    @Test
    void eachRuleHasAUniqueIdAPositiveVersionAndACatalogSource() {
        assertThat(AdherencePolicy.RULES).extracting(PolicyRule::id).doesNotHaveDuplicates();
        assertThat(AdherencePolicy.RULES).allSatisfy(rule -> {
            assertThat(rule.version()).isPositive();
            assertThat(AdherencePolicy.SOURCE_TITLES).containsKey(rule.source());
            assertThat(rule.inputs()).isNotEmpty();
        });
        assertThat(AdherencePolicy.RULES).containsAll(AdherencePolicy.ALERTS);
    }
}
