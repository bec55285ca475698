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

    /**
     * Words of the report's vocabularies that only older producers send, so the check does not ask or word them:
     * night-or-rest-pain cannot tell pain on lying on the sore side (common) from constant pain (a flag), so night
     * pain is asked as screening.painOnlyWhenLyingOnIt and screening.constantPainDayAndNight, and triage refuses the
     * old word in a new report over REST (SymptomReportValidator.validateNew). On the topic it is still read.
     */
    private static final Map<String, Set<String>> ONLY_FROM_OLDER_PRODUCERS = Map.of(
            "warningSigns", Set.of("night-or-rest-pain"));

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
    @DisplayName("every word of every vocabulary of the report has its wording in the catalog, and no other word does, "
            + "but the words only older producers send, which the check does not word")
    void everyVocabularyWordHasItsWording() {
        Map<String, Set<String>> report = reportFields(SymptomReport.class, "");
        for (CheckQuestion question : CHECK.questions()) {
            Set<String> words = new TreeSet<>(report.getOrDefault(question.field(), Set.of()));
            Set<String> old = ONLY_FROM_OLDER_PRODUCERS.getOrDefault(question.field(), Set.of());
            assertThat(words).as("the exempt words of %s are words of the report", question.field()).containsAll(old);
            words.removeAll(old);
            Set<String> worded = question.answers() == null ? Set.of() : new TreeSet<>(question.answers().keySet());
            assertThat(worded).as("the words the catalog words for %s", question.field())
                    .containsExactlyInAnyOrderElementsOf(words);
        }
    }

    @Test
    @DisplayName("the exemption is exactly what triage refuses in a new report, and night pain is asked as its two "
            + "screening questions")
    void theOldNightPainWordIsExemptBecauseTriageRefusesIt() {
        assertThat(SymptomReport.WarningSign.ONLY_FROM_OLDER_PRODUCERS).extracting(Word::word)
                .containsExactlyInAnyOrderElementsOf(ONLY_FROM_OLDER_PRODUCERS.get("warningSigns"));
        assertThat(ONLY_FROM_OLDER_PRODUCERS).containsOnlyKeys("warningSigns");
        assertThat(CHECK.questions()).extracting(CheckQuestion::field)
                .contains("screening.painOnlyWhenLyingOnIt", "screening.constantPainDayAndNight");
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
