package dev.hipflex.triage.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.hipflex.testsupport.EventContracts;
import dev.hipflex.testsupport.TestTokens;
import dev.hipflex.testsupport.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The records triage really puts on Kafka (its own ObjectMapper, the outbox and its relay) keep the published
 * contracts, key included: what the unit contract tests assume about the JSON settings holds in the running service.
 */
@QuarkusTest
class EventContractFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void theReportAndTheRecommendationTriagePublishesKeepTheirContracts() {
        String person = "person-" + UUID.randomUUID();
        try (TopicReader reports = new TopicReader("symptom-reports");
                TopicReader recommendations = new TopicReader("recommendations")) {
            given().auth().oauth2(TestTokens.token(person, "user")).contentType(ContentType.JSON)
                    .body(Reports.deskWorker(UUID.randomUUID(), null)).post("/api/v1/symptom-reports").then()
                    .statusCode(202);

            for (TopicReader reader : List.of(reports, recommendations)) {
                List<ConsumerRecord<String, String>> mine = await().atMost(WAIT)
                        .until(() -> reader.poll().stream().filter(r -> person.equals(r.key())).toList(), r -> !r.isEmpty());
                ConsumerRecord<String, String> record = mine.get(0);
                EventContracts.assertValid(record.topic(), record.key(), record.value());
            }
        }
    }
}
