package dev.hipflex.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

class EventContractsTest {

    /** The topics whose records are CloudEvents (all but the dead-letter topics). */
    private static final List<String> EVENT_TOPICS = List.of("catalog-updates", "symptom-reports", "recommendations",
            "session-completions", "adherence-updates", "recovery-alerts", "plan-adjustments",
            "outcome-recorded", "experiment-results");

    @Test
    void knowsEveryTopicAndWhichOnesCarryEvents() {
        assertThat(EventContracts.topics()).hasSize(EVENT_TOPICS.size() + 2).contains("symptom-reports-dlq", "recommendations-dlq");
        assertThat(EventContracts.eventTopics()).containsExactlyInAnyOrderElementsOf(EVENT_TOPICS);
    }

    @Test
    void everyExampleKeepsItsContractWithTheRightKey() {
        for (String topic : EVENT_TOPICS) {
            String example = EventContracts.example(topic);
            EventContracts.assertValid(topic, example);
            EventContracts.assertValid(topic, key(topic, example), example);
        }
    }

    @Test
    void aMissingRequiredPropertyIsAViolation() {
        assertThat(broken("session-completions", event -> data(event).remove("painAfter")))
                .containsExactly("$.data: required property 'painAfter' not found");
        assertThat(broken("catalog-updates", event -> event.remove("id")))
                .anySatisfy(v -> assertThat(v).contains("required property 'id' not found"));
    }

    @Test
    void aWrongWordIsAViolation() {
        assertThat(broken("session-completions", event -> data(event).putArray("phases").add("STRENGTHEN")))
                .anySatisfy(v -> assertThat(v).startsWith("$.data.phases[0]"));
        assertThat(broken("recovery-alerts", event -> data(event).put("level", "urgent-care")))
                .anySatisfy(v -> assertThat(v).startsWith("$.data.level"));
        assertThat(broken("adherence-updates", event -> data(event).put("trigger", "nightly")))
                .anySatisfy(v -> assertThat(v).startsWith("$.data.trigger"));
        assertThat(broken("catalog-updates", event -> event.put("type", "dev.hipflex.catalog.exercises.renamed")))
                .anySatisfy(v -> assertThat(v).startsWith("$.type"));
    }

    @Test
    void anExtraPropertyIsAViolation() {
        assertThat(broken("session-completions", event -> data(event).put("notes", "felt tight today")))
                .anySatisfy(v -> assertThat(v).contains("notes"));
        assertThat(broken("symptom-reports", event -> event.put("traceparent", "00-abc")))
                .anySatisfy(v -> assertThat(v).contains("traceparent"));
    }

    @Test
    void wrongFormatsAndRangesAreViolations() {
        assertThat(broken("session-completions", event -> data(event).put("painBefore", 11)))
                .anySatisfy(v -> assertThat(v).startsWith("$.data.painBefore"));
        assertThat(broken("session-completions", event -> data(event).put("localDay", "24.11.2026")))
                .anySatisfy(v -> assertThat(v).startsWith("$.data.localDay"));
        assertThat(broken("recommendations", event -> data(event).put("reportId", "not-a-uuid")))
                .anySatisfy(v -> assertThat(v).startsWith("$.data.reportId"));
        assertThat(broken("adherence-updates", event -> data(event).put("userId", "ana@example.com")))
                .anySatisfy(v -> assertThat(v).startsWith("$.data.userId"));
    }

    @Test
    void aDataschemaTheTopicDoesNotPublishIsAViolation() {
        assertThat(broken("recommendations", event -> event.put("dataschema", "https://hipflex.dev/schemas/recommendations/v3")))
                .anySatisfy(v -> assertThat(v).contains("is not published on recommendations"));
        // A valid event on the wrong topic.
        assertThat(EventContracts.violations("recovery-alerts", EventContracts.example("adherence-updates")))
                .anySatisfy(v -> assertThat(v).contains("is not published on recovery-alerts"));
    }

    @Test
    void theSubjectAndTheKeyMustBeWhatTheTopicSays() {
        assertThat(broken("session-completions", event -> event.put("subject", "person-42")))
                .anySatisfy(v -> assertThat(v).startsWith("subject"));
        String example = EventContracts.example("recommendations");
        assertThat(EventContracts.violations("recommendations", "7f3e2c1a-9b8d-4e6f-a5c4-3b2a1d0e9f87", example))
                .containsExactly("record key \"7f3e2c1a-9b8d-4e6f-a5c4-3b2a1d0e9f87\" is not the event's /data/userId (\"person-42\")");
        assertThat(EventContracts.violations("recommendations", null, example)).hasSize(1);
    }

    @Test
    void notJsonIsAViolationAndAMistakeInTheTestIsAnError() {
        assertThat(EventContracts.violations("recommendations", "{\"specversion\":")).singleElement()
                .asString().startsWith("not JSON");
        assertThat(EventContracts.violations("recommendations", "[]")).containsExactly("not a JSON object");
        assertThatThrownBy(() -> EventContracts.violations("recommendation", "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no topic 'recommendation'");
        assertThatThrownBy(() -> EventContracts.violations("symptom-reports-dlq", "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("raw records");
    }

    @Test
    void assertValidNamesTheTopicAndEveryViolation() {
        ObjectNode event = read(EventContracts.example("recovery-alerts"));
        data(event).put("level", "nudge");
        assertThatThrownBy(() -> EventContracts.assertValid("recovery-alerts", event.toString()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("recovery-alerts").hasMessageContaining("$.data.level");
    }

    /** The topic's example broken by {@code change}: its violations, which must not be empty. */
    private static List<String> broken(String topic, Consumer<ObjectNode> change) {
        ObjectNode event = read(EventContracts.example(topic));
        change.accept(event);
        List<String> violations = EventContracts.violations(topic, event.toString());
        assertThat(violations).as(topic).isNotEmpty();
        return violations;
    }

    private static String key(String topic, String example) {
        ObjectNode event = read(example);
        return topic.equals("catalog-updates") ? data(event).get("slug").asText() : data(event).get("userId").asText();
    }

    private static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }

    private static ObjectNode read(String json) {
        try {
            return (ObjectNode) EventJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
