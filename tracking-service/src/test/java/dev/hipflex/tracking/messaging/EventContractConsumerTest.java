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
 * Tracking's consumer reads a recommendations event built from the published contract (its example), and refuses an
 * event the contract refuses for a field tracking needs.
 */
class EventContractConsumerTest {

    private static final String TOPIC = "recommendations";

    /** Only read() is exercised; it needs no plan service. */
    private final RecommendationsConsumer consumer = new RecommendationsConsumer(EventJson.mapper(), null, Duration.ofSeconds(10));

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
        try {
            return (ObjectNode) EventJson.mapper().readTree(EventContracts.example(TOPIC));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
