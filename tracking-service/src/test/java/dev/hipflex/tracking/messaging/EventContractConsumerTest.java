package dev.hipflex.tracking.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.hipflex.testsupport.EventContracts;
import dev.hipflex.testsupport.EventJson;
import dev.hipflex.tracking.domain.RecommendationSummary;

/**
 * Tracking's consumer reads the recommendations events built from the published contract (the examples of v2, which
 * triage writes, and of v1, which may still be on the topic), and refuses an event the contract refuses for a field
 * tracking needs or a payload version it does not know.
 */
class EventContractConsumerTest {

    private static final String TOPIC = "recommendations";

    /** Only read() is exercised; it needs no plan service. */
    private final RecommendationsConsumer consumer = new RecommendationsConsumer(EventJson.mapper(), null, null,
            Duration.ofSeconds(10));

    @Test
    void readsTheContractsExampleRecommendation() throws IOException {
        String event = EventContracts.example(TOPIC);
        EventContracts.assertValid(TOPIC, "person-42", event);

        RecommendationSummary summary = consumer.read(event);

        assertThat(summary.reportId()).isEqualTo(UUID.fromString("7f3e2c1a-9b8d-4e6f-a5c4-3b2a1d0e9f87"));
        assertThat(summary.userId()).isEqualTo("person-42");
        assertThat(summary.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(summary.at()).isEqualTo(Instant.parse("2026-11-23T08:30:01.911406Z"));
        assertThat(summary.level()).isEqualTo("self-care");
        assertThat(summary.seeProfessionalFirst()).isFalse();
        assertThat(summary.protocol()).isEqualTo("complete-release-protocol");
        assertThat(summary.exercises()).contains("foam-roll-quads-rectus-femoris", "glute-bridge-hold")
                .doesNotHaveDuplicates();
    }

    @Test
    void readsTheContractsExampleOfV2AsItReadsV1() throws IOException {
        String v2 = EventContracts.example(TOPIC, "v2");
        EventContracts.assertValid(TOPIC, "person-42", v2);
        assertThat(EventJson.mapper().readTree(v2).path("dataschema").asText())
                .isEqualTo("https://hipflex.dev/schemas/recommendations/v2");

        RecommendationSummary summary = consumer.read(v2);

        // The two examples are the same recommendation, once as facts and once with its words.
        assertThat(summary).isEqualTo(consumer.read(EventContracts.example(TOPIC)));
        assertThat(summary.reportId()).isEqualTo(UUID.fromString("7f3e2c1a-9b8d-4e6f-a5c4-3b2a1d0e9f87"));
        assertThat(summary.level()).isEqualTo("self-care");
        assertThat(summary.protocol()).isEqualTo("complete-release-protocol");
        assertThat(summary.exercises()).contains("foam-roll-quads-rectus-femoris", "glute-bridge-hold")
                .doesNotHaveDuplicates();
    }

    @Test
    void aV2EventWithoutTheTimeZoneBreaksTheContractAndIsRefused() {
        ObjectNode event = tree(EventContracts.example(TOPIC, "v2"));
        ((ObjectNode) event.get("data")).remove("timeZone");
        assertThat(EventContracts.violations(TOPIC, event.toString())).isNotEmpty();

        assertThatThrownBy(() -> consumer.read(event.toString())).hasMessageContaining("timeZone");
    }

    @Test
    void aPayloadVersionTrackingDoesNotKnowIsRefusedWithItsName() {
        for (String dataschema : new String[] { "https://hipflex.dev/schemas/recommendations/v3", null }) {
            ObjectNode event = tree(EventContracts.example(TOPIC, "v2"));
            event.put("dataschema", dataschema);
            assertThat(EventContracts.violations(TOPIC, event.toString())).isNotEmpty();

            assertThatThrownBy(() -> consumer.read(event.toString())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("dataschema " + dataschema + " is not one tracking reads");
        }
    }

    @Test
    void aSeeProfessionalLevelInTheContractsWordsAsksForAProfessionalFirst() throws IOException {
        ObjectNode event = example();
        ((ObjectNode) event.get("data")).put("level", "see-professional");
        assertThat(EventContracts.violations(TOPIC, event.toString())).isEmpty();

        assertThat(consumer.read(event.toString()).seeProfessionalFirst()).isTrue();
    }

    @Test
    void anEventWithoutTheTimeZoneBreaksTheContractAndIsRefused() {
        ObjectNode event = example();
        ((ObjectNode) event.get("data")).remove("timeZone");
        assertThat(EventContracts.violations(TOPIC, event.toString())).isNotEmpty();

        assertThatThrownBy(() -> consumer.read(event.toString())).hasMessageContaining("timeZone");
    }

    private static ObjectNode example() {
        return tree(EventContracts.example(TOPIC));
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) EventJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
