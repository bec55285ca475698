package dev.hipflex.triage.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.hipflex.testsupport.EventContracts;
import dev.hipflex.testsupport.EventJson;
import dev.hipflex.triage.domain.SymptomReport;
import dev.hipflex.triage.domain.SymptomReportValidator;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Triage's consumer reads a symptom-reports event built from the published contract (its example), and dead-letters
 * what the contract refuses: the two agree on what a report is. The consumer is the service's own bean, with the
 * service's ObjectMapper; only its reading is exercised.
 */
@QuarkusTest
class EventContractConsumerTest {

    private static final String TOPIC = TriageEvents.REPORTS_TOPIC;

    @Inject
    SymptomReportConsumer consumer;

    @Test
    void readsTheContractsExampleReport() {
        String event = example(e -> { });
        EventContracts.assertValid(TOPIC, "person-42", event);

        SymptomReport report = consumer.read(bytes(event));

        assertThat(report.userId()).isEqualTo("person-42");
        assertThat(report.painLocations()).containsExactlyInAnyOrder(SymptomReport.PainLocation.FRONT_OF_HIP,
                SymptomReport.PainLocation.LOW_BACK);
        assertThat(report.profile().deskWorker()).isTrue();
        assertThat(report.weeksOfConsistentWork()).isNull();
    }

    @Test
    void aReportWithoutItsOptionalFieldsKeepsTheContractAndIsRead() {
        String event = example(e -> {
            data(e).remove("weeksOfConsistentWork");
            ((ObjectNode) data(e).get("profile")).remove("runningShoeAgeMonths");
        });
        EventContracts.assertValid(TOPIC, event);

        assertThat(consumer.read(bytes(event)).profile().runningShoeAgeMonths()).isNull();
    }

    @Test
    void aReportFromAProducerThatAsksNoScreeningQuestionsKeepsTheContractAndIsRead() {
        String event = example(e -> {
            data(e).remove(List.of("age", "startingIntensity", "screening"));
            ((ObjectNode) data(e).get("profile")).remove("wantsDeepPsoasRelease");
        });
        EventContracts.assertValid(TOPIC, event);

        SymptomReport report = consumer.read(bytes(event));
        assertThat(report.screening()).isNull();
        assertThat(report.age()).isNull();
    }

    @Test
    void theExampleCarriesEveryScreeningAnswer() {
        SymptomReport report = consumer.read(bytes(example(e -> { })));

        assertThat(report.age()).isEqualTo(44);
        assertThat(report.screening().painOnlyWhenLyingOnIt()).isTrue();
        assertThat(report.screening().pregnancy()).isEqualTo(SymptomReport.Pregnancy.NOT_PREGNANT);
        assertThat(SymptomReportValidator.validateNew(report, Instant.now())).isEmpty();
    }

    @Test
    void whatTheContractRefusesTheConsumerDeadLetters() {
        assertRefusedByBoth(example(e -> ((ObjectNode) data(e).get("screening")).put("groinLump", "STAYS_OUT")));
        assertRefusedByBoth(example(e -> data(e).put("age", 130)));
        assertRefusedByBoth(example(e -> ((ObjectNode) data(e).get("screening")).put("pregnancyWeeks", 50)));
        assertRefusedByBoth(example(e -> data(e).put("side", "LEFT")));
        assertRefusedByBoth(example(e -> data(e).put("intensity", 11)));
        assertRefusedByBoth(example(e -> data(e).put("notes", "it started after a long drive")));
        assertRefusedByBoth(example(e -> data(e).putArray("painLocations")));
        assertRefusedByBoth(example(e -> data(e).remove("onset")));
    }

    private void assertRefusedByBoth(String event) {
        assertThat(EventContracts.violations(TOPIC, event)).as(event).isNotEmpty();
        assertThatThrownBy(() -> consumer.read(bytes(event))).as(event)
                .isInstanceOf(InvalidReportException.class);
    }

    @Test
    void aBareReportAndAnEnvelopeWithExtensionAttributesAreReadToo() {
        String event = example(e -> e.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        assertThat(consumer.read(bytes(event)).userId()).isEqualTo("person-42");
        String bare = example(e -> { }).replaceFirst("^.*\"data\":", "");
        bare = bare.substring(0, bare.length() - 1);
        assertThat(consumer.read(bytes(bare)).userId()).as(bare).isEqualTo("person-42");
    }

    @Test
    void whatIsNotAJsonObjectIsRefusedWithItsReason() {
        for (String payload : new String[] { "", "null", "[1, 2]", "\"a report\"", "{\"specversion\": \"1.0\"}",
                "{\"reportId\": \"x\"" }) {
            assertThatThrownBy(() -> consumer.read(bytes(payload))).as(payload)
                    .isInstanceOf(InvalidReportException.class).hasMessageMatching("(not a JSON object|unreadable|invalid).*");
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The contracts' example, reported a minute ago (triage refuses reports from the future or over a year old). */
    private static String example(Consumer<ObjectNode> change) {
        try {
            ObjectNode event = (ObjectNode) EventJson.mapper().readTree(EventContracts.example(TOPIC));
            data(event).put("reportedAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            change.accept(event);
            return event.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }
}
