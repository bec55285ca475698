package dev.hipflex.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.hipflex.testsupport.EventContracts;
import dev.hipflex.testsupport.TestTokens;
import dev.hipflex.testsupport.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The catalog-updates records catalog really puts on Kafka (its ObjectMapper, the outbox and its relay) keep the
 * published contract, key included. The exercise it creates is deleted again, so the catalog is as before.
 */
@QuarkusTest
class EventContractFlowTest {

    private static final String EDITOR = TestTokens.token("editor-contracts", "editor");
    private static final String SLUG = "contract-check-stretch";

    @Test
    void everyChangeAnnouncedOnKafkaKeepsTheContract() {
        try (TopicReader updates = new TopicReader("catalog-updates")) {
            Map<String, Object> exercise = new HashMap<>(ExerciseEditorApiTest.exercise(SLUG));
            given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(exercise).post("/api/v1/exercises").then()
                    .statusCode(201);
            exercise.put("title", "Contract check stretch, renamed");
            given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(exercise).put("/api/v1/exercises/" + SLUG)
                    .then().statusCode(200);
            given().auth().oauth2(EDITOR).delete("/api/v1/exercises/" + SLUG).then().statusCode(204);

            List<ConsumerRecord<String, String>> mine = await().atMost(Duration.ofSeconds(30)).until(
                    () -> updates.poll().stream().filter(r -> SLUG.equals(r.key())).toList(), r -> r.size() == 3);
            for (ConsumerRecord<String, String> record : mine) {
                EventContracts.assertValid(record.topic(), record.key(), record.value());
            }
            assertThat(mine).extracting(ConsumerRecord::value)
                    .anySatisfy(v -> assertThat(v).contains("\"action\":\"deleted\""));
        }
    }
}
