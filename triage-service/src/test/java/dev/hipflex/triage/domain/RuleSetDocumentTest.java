package dev.hipflex.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rule set's section of the review document is generated into {@code target/}; the committed
 * {@code docs/clinical-rules.md} (written by e2e-tests' {@code ClinicalRulesDocumentTest}) must hold it.
 */
class RuleSetDocumentTest {

    private static final Path GENERATED = Path.of("target/clinical-rules-triage.md");
    private static final Path COMMITTED = Path.of("../docs/clinical-rules.md");

    @Test
    @DisplayName("the document names every rule with its version, source, condition, inputs and effect")
    void namesEveryRule() {
        String markdown = RuleSetDocument.markdown();
        assertThat(markdown).startsWith("## Triage\n").contains(RuleSet.VERSION).doesNotContain("null");
        for (Decision<?> decision : RuleCorpus.decisions()) {
            assertThat(markdown).contains("#### " + decision.id() + " (version " + decision.version() + ")\n\n"
                    + "- Source: " + decision.source() + "\n- When: " + decision.description() + "\n");
            decision.inputs().forEach(fact -> assertThat(markdown).contains("`" + fact.name() + "`"));
        }
        assertThat(markdown).contains("The level is at least urgent-care.")
                .contains("No exercises at all until a professional has seen the person.")
                .contains("Your running shoes are {months} months old, and support starts to wear out after 6 to 12");
    }

    @Test
    @DisplayName("the rule set's parts list every level rule and every decision the builders apply, each once")
    void partsListEveryDecision() throws IllegalAccessException {
        List<String> listed = RuleCorpus.decisions().stream().map(Decision::id).toList();
        assertThat(listed).doesNotHaveDuplicates();
        List<String> declared = new ArrayList<>(RuleSet.RULES.stream().map(Rule::id).toList());
        for (Class<?> rules : List.of(RuleSet.class, PlanRules.class, ProfileRules.class)) {
            for (Field field : rules.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == Decision.class) {
                    field.setAccessible(true);
                    declared.add(((Decision<?>) field.get(null)).id());
                }
            }
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    @DisplayName("docs/clinical-rules.md holds the triage section this rule set renders")
    void committedDocumentIsCurrent() throws IOException {
        String markdown = RuleSetDocument.markdown();
        Files.createDirectories(GENERATED.getParent());
        Files.writeString(GENERATED, markdown, StandardCharsets.UTF_8);
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertThat(committed)
                .as("docs/clinical-rules.md is out of date: regenerate it with e2e-tests' ClinicalRulesDocumentTest "
                        + "(-Dhipflex.docs.update) and review the difference before committing")
                .contains(markdown.stripTrailing());
    }
}
