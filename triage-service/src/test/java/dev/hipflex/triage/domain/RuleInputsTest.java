package dev.hipflex.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.hipflex.triage.domain.Decision.Fact;

/**
 * A rule's listed inputs are what its condition reads: over generated cases, changing a field the rule does not list
 * never changes whether it holds, and every field it lists changes that for some case.
 */
class RuleInputsTest {

    private static final int CASES = 4_000;

    private final List<Case> cases = RuleCorpus.cases(16_001L, CASES);
    private final List<Case> donors = RuleCorpus.cases(16_002L, CASES);
    private final Map<String, BinaryOperator<Case>> fields = RuleCorpus.fields();

    @Test
    @DisplayName("every input a rule lists is a field of the report or the assessment")
    void inputsAreKnownFields() {
        for (Decision<?> decision : RuleCorpus.decisions()) {
            assertThat(decision.inputs()).as(decision.id()).isNotEmpty()
                    .allSatisfy(fact -> assertThat(fields).containsKey(fact.name()))
                    .extracting(Fact::name).doesNotHaveDuplicates();
        }
    }

    @Test
    @DisplayName("changing only fields a rule does not list never changes whether it holds")
    void unlistedFieldsDoNotMatter() {
        for (Decision<?> decision : RuleCorpus.decisions()) {
            Set<String> listed = names(decision);
            for (int i = 0; i < CASES; i++) {
                Case base = cases.get(i);
                boolean holds = decision.holdsFor(base);
                for (Map.Entry<String, BinaryOperator<Case>> field : fields.entrySet()) {
                    if (!listed.contains(field.getKey())) {
                        Case changed = field.getValue().apply(base, donors.get(i));
                        assertThat(decision.holdsFor(changed))
                                .as("%s reads %s, which it does not list as an input (case #%d: %s)", decision.id(),
                                        field.getKey(), i, changed.report())
                                .isEqualTo(holds);
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("every field a rule lists changes whether it holds for some generated case")
    void listedFieldsMatter() {
        for (Decision<?> decision : RuleCorpus.decisions()) {
            Set<String> mattered = new HashSet<>();
            for (int i = 0; i < CASES; i++) {
                Case base = cases.get(i);
                boolean holds = decision.holdsFor(base);
                for (String input : names(decision)) {
                    if (decision.holdsFor(fields.get(input).apply(base, donors.get(i))) != holds) {
                        mattered.add(input);
                    }
                }
            }
            assertThat(mattered).as("%s lists inputs its condition never depends on", decision.id())
                    .containsExactlyInAnyOrderElementsOf(names(decision));
        }
    }

    private static Set<String> names(Decision<?> decision) {
        Set<String> names = new HashSet<>();
        decision.inputs().forEach(fact -> names.add(fact.name()));
        return names;
    }
}
