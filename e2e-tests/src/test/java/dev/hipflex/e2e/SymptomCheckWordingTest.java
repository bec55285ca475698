package dev.hipflex.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.hipflex.catalog.domain.Content.CheckQuestion;
import dev.hipflex.catalog.domain.Content.CheckStep;
import dev.hipflex.catalog.domain.Content.SymptomCheck;
import dev.hipflex.catalog.service.ContentBundleReader;
import dev.hipflex.triage.domain.SymptomReport;
import dev.hipflex.triage.domain.Word;

/**
 * The catalog words the symptom check; triage owns the report and its vocabulary. Neither service depends on the other,
 * so this module, which has both on its class path, holds them together: every field a person answers is asked by one
 * step of the catalog's check with a question, and every word of every vocabulary has its wording, no more and no
 * fewer. A word added to triage without its wording in {@code symptom-check.yaml} fails here, before an app shows it
 * in plain words.
 */
class SymptomCheckWordingTest {

    /** What the app fills in itself: the ids, the clock and the time zone; the person is the token's subject. */
    private static final Set<String> NOT_ASKED = Set.of("reportId", "userId", "reportedAt", "timeZone");

    private static final SymptomCheck CHECK = ContentBundleReader.read().symptomCheck();

    @Test
    @DisplayName("every field of triage's symptom report that a person answers is asked once, by a step, with a question")
    void everyReportFieldIsAskedOnce() {
        Map<String, Set<String>> report = reportFields(SymptomReport.class, "");
        List<String> asked = CHECK.steps().stream().flatMap(step -> step.fields().stream()).toList();
        assertThat(asked).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(report.keySet());
        assertThat(CHECK.questions()).extracting(CheckQuestion::field)
                .containsExactlyInAnyOrderElementsOf(report.keySet());
        assertThat(CHECK.steps()).extracting(CheckStep::order).isSorted();
    }

    @Test
    @DisplayName("every word of every vocabulary of the report has its wording in the catalog, and no other word does")
    void everyVocabularyWordHasItsWording() {
        Map<String, Set<String>> report = reportFields(SymptomReport.class, "");
        for (CheckQuestion question : CHECK.questions()) {
            Set<String> words = report.get(question.field());
            Set<String> worded = question.answers() == null ? Set.of() : new TreeSet<>(question.answers().keySet());
            assertThat(worded).as("the words the catalog words for %s", question.field())
                    .containsExactlyInAnyOrderElementsOf(words == null ? Set.of() : words);
        }
    }

    /**
     * The report's answered fields (nested records' fields as "screening.groinLump"), each with the words of its
     * vocabulary: a word field's or a set of words' constants, empty for numbers and yes-or-no answers.
     */
    private static Map<String, Set<String>> reportFields(Class<?> record, String prefix) {
        Map<String, Set<String>> fields = new LinkedHashMap<>();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = prefix + component.getName();
            if (NOT_ASKED.contains(name)) {
                continue;
            }
            Class<?> type = component.getType();
            if (type.isRecord()) {
                fields.putAll(reportFields(type, name + "."));
                continue;
            }
            if (Set.class.isAssignableFrom(type)) {
                Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                type = (Class<?>) element;
            }
            fields.put(name, Word.class.isAssignableFrom(type) ? words(type) : Set.of());
        }
        return fields;
    }

    private static Set<String> words(Class<?> vocabulary) {
        Set<String> words = new TreeSet<>();
        Arrays.stream(vocabulary.getEnumConstants()).map(w -> ((Word) w).word()).forEach(words::add);
        return words;
    }
}
