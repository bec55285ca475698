package dev.hipflex.tracking.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.testsupport.TopicReader;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Five weeks of daily work with pain stuck at 5, logged after the fact: one see-professional alert, raised once, and no
 * consistency nudge while the log catches up; adherence announced.
 */
@QuarkusTest
class RecoveryAlertTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @Test
    void consistentWorkWithoutImprovementRaisesOneSeeProfessionalAlert() throws Exception {
        PlanFixture plan = new PlanFixture(36);
        String person = plan.person;
        String token = plan.token;
        try (TopicReader alerts = new TopicReader("recovery-alerts"); TopicReader updates = new TopicReader("adherence-updates")) {
            for (int day = 0; day < 35; day++) {
                plan.record(plan.session(day, LocalTime.of(7, 0)));
            }
            List<ConsumerRecord<String, String>> mine = await().atMost(Duration.ofSeconds(30))
                    .until(() -> alerts.poll().stream().filter(r -> person.equals(r.key())).toList(),
                            r -> r.stream().anyMatch(e -> key(e).equals("see-professional:no-improvement")));
            // Later sessions recompute the same alert; it must not be raised again.
            plan.record(plan.session(35, LocalTime.of(7, 0)));
            mine = await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
                    .until(() -> alerts.poll().stream().filter(r -> person.equals(r.key())).toList(), r -> true);
            List<String> keys = mine.stream().map(RecoveryAlertTest::key).toList();
            // The first sessions, logged for weeks long past, made the figures look low for a while: catching up a
            // log raises no consistency nudge, so the referral is the only alert.
            assertThat(keys).containsExactly("see-professional:no-improvement");
            JsonNode alert = read(mine.stream().filter(e -> key(e).equals("see-professional:no-improvement")).findFirst()
                    .orElseThrow().value());
            assertThat(alert.path("data").path("level").asText()).isEqualTo("see-professional");
            assertThat(alert.path("data").path("reason").asText()).isNotBlank();
            assertThat(alert.path("type").asText()).isEqualTo("dev.hipflex.tracking.recovery-alert.raised");

            await().atMost(Duration.ofSeconds(30)).until(() -> updates.poll().stream().filter(r -> person.equals(r.key()))
                    .count() >= 36);
        }
        given().auth().oauth2(token).get("/api/v1/me/adherence").then().statusCode(200)
                .body("alert.key", equalTo("see-professional:no-improvement"))
                .body("painTrend.meaningful", equalTo(false));
    }

    private static String key(ConsumerRecord<String, String> record) {
        return read(record.value()).path("data").path("key").asText();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
