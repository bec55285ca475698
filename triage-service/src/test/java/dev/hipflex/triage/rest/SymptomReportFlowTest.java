package dev.hipflex.triage.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.testsupport.EventJson;
import dev.hipflex.testsupport.TestTokens;
import dev.hipflex.testsupport.TopicReader;
import dev.hipflex.testsupport.TopicWriter;
import dev.hipflex.triage.domain.Recommendation;
import dev.hipflex.triage.messaging.RecommendationFacts;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The whole pipeline against a real Kafka broker and PostgreSQL: REST or topic in, recommendation out. */
@QuarkusTest
class SymptomReportFlowTest {

    @Inject
    MeterRegistry registry;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aReportSentOverRestGetsOneRecommendationReadableOverRestAndAnnouncedOnKafka() throws Exception {
        String person = "person-" + UUID.randomUUID();
        UUID reportId = UUID.randomUUID();
        String token = TestTokens.token(person, "user");
        try (TopicReader recommendations = new TopicReader("recommendations")) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Reports.deskWorker(reportId, null))
                    .post("/api/v1/symptom-reports").then().statusCode(202)
                    .header("Location", endsWith("/api/v1/symptom-reports/" + reportId + "/recommendation"))
                    .body("reportId", equalTo(reportId.toString()));

            await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(token)
                    .get("/api/v1/symptom-reports/" + reportId + "/recommendation").then().statusCode(200)
                    .body("reportId", equalTo(reportId.toString()))
                    .body("userId", equalTo(person))
                    .body("level", notNullValue())
                    .body("ruleSetVersion", notNullValue())
                    .body("catalogVersion", notNullValue()));

            List<ConsumerRecord<String, String>> mine = await().atMost(WAIT)
                    .until(() -> ofReport(recommendations.poll(), reportId), r -> !r.isEmpty());
            ConsumerRecord<String, String> event = mine.get(0);
            assertThat(event.key()).isEqualTo(person);
            JsonNode cloudEvent = read(event.value());
            assertThat(cloudEvent.path("specversion").asText()).isEqualTo("1.0");
            assertThat(cloudEvent.path("type").asText()).isEqualTo("dev.hipflex.triage.recommendation.created");
            assertThat(cloudEvent.path("source").asText()).isEqualTo("/hipflex/triage-service");
            assertThat(cloudEvent.path("subject").asText()).isEqualTo(reportId.toString());
            assertThat(cloudEvent.path("id").asText()).isNotBlank();
            assertThat(cloudEvent.path("time").asText()).isNotBlank();
            assertThat(cloudEvent.path("data").path("reportId").asText()).isEqualTo(reportId.toString());

            // The event carries the facts (v2); the REST answer is the full recommendation with its words, and the
            // facts of that answer are what was published.
            assertThat(cloudEvent.path("dataschema").asText()).isEqualTo("https://hipflex.dev/schemas/recommendations/v2");
            JsonNode published = cloudEvent.path("data");
            assertThat(published.path("plan").path("protocol").asText()).isNotBlank();
            assertThat(published.path("extras").isObject()).isTrue();
            assertThat(published.has("reasons")).isFalse();
            String answered = given().auth().oauth2(token).get("/api/v1/symptom-reports/" + reportId + "/recommendation")
                    .then().statusCode(200).extract().asString();
            JsonNode full = read(answered);
            assertThat(full.path("reasons").get(0).path("text").asText()).isNotBlank();
            assertThat(full.path("explanation").path("rules").size()).isPositive();
            Recommendation recommendation = EventJson.mapper().readValue(answered, Recommendation.class);
            JsonNode facts = EventJson.mapper().valueToTree(RecommendationFacts.of(recommendation));
            assertThat(facts).isEqualTo(published);
            assertThat(read(given().auth().oauth2(token).get("/api/v1/me/recommendations").then().statusCode(200)
                    .body("total", equalTo(1)).extract().asString()).path("items").get(0)).isEqualTo(full);
        }
    }

    @Test
    void theSameReportTwiceIsOneRecommendationAndOneEvent() {
        String person = "person-" + UUID.randomUUID();
        UUID reportId = UUID.randomUUID();
        String token = TestTokens.token(person, "user");
        Map<String, Object> body = Reports.deskWorker(reportId, person);
        try (TopicReader recommendations = new TopicReader("recommendations")) {
            for (int i = 0; i < 2; i++) {
                given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                        .post("/api/v1/symptom-reports").then().statusCode(202);
            }
            // A duplicate publish of the very same report by another producer: still one recommendation.
            try (TopicWriter writer = new TopicWriter()) {
                writer.send("symptom-reports", person, write(body));
            }
            await().atMost(WAIT).until(() -> ofReport(recommendations.poll(), reportId).size() == 1);
            // Whatever was still in flight has had time to arrive: the duplicate produced nothing more.
            given().auth().oauth2(token).get("/api/v1/me/recommendations").then().body("total", equalTo(1));
            await().pollDelay(Duration.ofSeconds(3)).atMost(WAIT)
                    .until(() -> ofReport(recommendations.poll(), reportId).size() == 1);
        }
        Map<String, Object> changed = new HashMap<>(body);
        changed.put("intensity", 9);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(changed)
                .post("/api/v1/symptom-reports").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void myRecommendationsAreListedNewestFirstAPageAtATime() {
        String token = TestTokens.token("p-" + UUID.randomUUID(), "user");
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID reportId = UUID.randomUUID();
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Reports.deskWorker(reportId, null))
                    .post("/api/v1/symptom-reports").then().statusCode(202);
            // One at a time, so each is made after the one before.
            await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(token)
                    .get("/api/v1/symptom-reports/" + reportId + "/recommendation").then().statusCode(200));
            sent.add(reportId.toString());
        }
        given().auth().oauth2(token).queryParam("limit", 2).get("/api/v1/me/recommendations").then().statusCode(200)
                .body("total", equalTo(3)).body("items.reportId", contains(sent.get(2), sent.get(1)))
                .body("nextOffset", equalTo(2));
        given().auth().oauth2(token).queryParam("limit", 2).queryParam("offset", 2).get("/api/v1/me/recommendations")
                .then().statusCode(200).body("items.reportId", contains(sent.get(0))).body("nextOffset", nullValue());
    }

    @Test
    void anInvalidReportIsRefusedNamingEveryBadFieldAndNothingIsStored() {
        String person = "person-" + UUID.randomUUID();
        UUID reportId = UUID.randomUUID();
        String token = TestTokens.token(person, "user");
        Map<String, Object> bad = Reports.deskWorker(reportId, null);
        bad.put("intensity", 11);
        bad.remove("side");
        bad.put("timeZone", "Mars/Olympus");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(bad).post("/api/v1/symptom-reports").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("intensity", "side", "timeZone"));
        Map<String, Object> unknownWord = Reports.deskWorker(reportId, null);
        unknownWord.put("qualities", List.of("tickly"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(unknownWord).post("/api/v1/symptom-reports")
                .then().statusCode(400).body("errors.field", hasItem(org.hamcrest.Matchers.startsWith("qualities")));
        Map<String, Object> overflow = Reports.deskWorker(reportId, null);
        overflow.put("weeksOfConsistentWork", new java.math.BigInteger("99999999999999999999"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(overflow).post("/api/v1/symptom-reports")
                .then().statusCode(400).body("errors.field", hasItem("weeksOfConsistentWork"));
        given().auth().oauth2(token).get("/api/v1/symptom-reports/" + reportId + "/recommendation").then().statusCode(404);
    }

    @Test
    void nobodyActsForAnotherPerson() {
        UUID reportId = UUID.randomUUID();
        String alice = "alice-" + UUID.randomUUID();
        String aliceToken = TestTokens.token(alice, "user");
        given().auth().oauth2(aliceToken).contentType(ContentType.JSON).body(Reports.deskWorker(reportId, "mallory"))
                .post("/api/v1/symptom-reports").then().statusCode(403).body("errors.field", hasItem("userId"));
        given().contentType(ContentType.JSON).body(Reports.deskWorker(reportId, null))
                .post("/api/v1/symptom-reports").then().statusCode(401);
        given().auth().oauth2(aliceToken).contentType(ContentType.JSON).body(Reports.deskWorker(reportId, null))
                .post("/api/v1/symptom-reports").then().statusCode(202);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(aliceToken)
                .get("/api/v1/symptom-reports/" + reportId + "/recommendation").then().statusCode(200));
        String bobToken = TestTokens.token("bob-" + UUID.randomUUID(), "user");
        given().auth().oauth2(bobToken).get("/api/v1/symptom-reports/" + reportId + "/recommendation").then()
                .statusCode(404);
        given().auth().oauth2(bobToken).get("/api/v1/me/recommendations").then().body("total", equalTo(0));
        given().auth().oauth2(bobToken).get("/api/v1/symptom-reports/not-a-uuid/recommendation").then()
                .statusCode(400).body("errors.field", hasItem("reportId"));
    }

    @Test
    void aReportFromAnOlderProducerWithoutScreeningAnswersIsStillTriagedAndSaysWhatWasNotAsked() {
        String person = "person-" + UUID.randomUUID();
        UUID reportId = UUID.randomUUID();
        // As a producer from before the screening questions writes it: no age, no screening, no opt-in for the deep
        // release, and night pain as the one old warning sign (which REST now refuses).
        Map<String, Object> older = Reports.deskWorker(reportId, person);
        older.remove("age");
        older.remove("screening");
        older.put("profile", Map.of("runner", false, "deskWorker", true, "hoursSittingPerDay", 9,
                "wearsRaisedHeels", false));
        older.put("warningSigns", List.of("night-or-rest-pain"));
        try (TopicWriter writer = new TopicWriter()) {
            writer.send("symptom-reports", person, write(older));
        }
        String token = TestTokens.token(person, "user");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/v1/symptom-reports/" + reportId + "/recommendation").then().statusCode(200));
        JsonNode stored = read(given().auth().oauth2(token)
                .get("/api/v1/symptom-reports/" + reportId + "/recommendation").then().statusCode(200).extract()
                .asString());
        List<String> rules = new ArrayList<>();
        stored.path("reasons").forEach(reason -> rules.add(reason.path("rule").asText()));
        assertThat(rules).contains("NA-NOT-ASKED", "GC-CONSTANT-PAIN");
        List<String> notAsked = new ArrayList<>();
        stored.path("notAsked").forEach(field -> notAsked.add(field.asText()));
        assertThat(notAsked).isNotEmpty().contains("age", "screening.caudaEquinaSigns",
                "screening.constantPainDayAndNight");
        assertThat(stored.path("level").asText()).isEqualTo("see-professional");
    }

    @Test
    void aMalformedRecordIsDeadLetteredWithItsReasonAndTheNextRecordIsStillProcessed() {
        String person = "person-" + UUID.randomUUID();
        UUID next = UUID.randomUUID();
        double received = count("hipflex.triage.reports.received");
        double processed = count("hipflex.triage.reports.processed");
        double deadLettered = count("hipflex.triage.reports.dead.lettered");
        long batches = registry.timer("hipflex.triage.reports.processing").count();
        try (TopicReader dlq = new TopicReader("symptom-reports-dlq"); TopicWriter writer = new TopicWriter()) {
            writer.send("symptom-reports", person, "{ this is not json");
            Map<String, Object> invalid = Reports.deskWorker(UUID.randomUUID(), person);
            invalid.put("intensity", 42);
            writer.send("symptom-reports", person, write(invalid));
            writer.send("symptom-reports", person, write(Reports.deskWorker(next, person)));

            List<ConsumerRecord<String, String>> dead = await().atMost(WAIT)
                    .until(() -> dlq.poll().stream().filter(r -> person.equals(r.key())).toList(), r -> r.size() == 2);
            assertThat(reason(dead.get(0))).contains("unreadable");
            assertThat(reason(dead.get(1))).contains("intensity");
            assertThat(dead.get(0).value()).isEqualTo("{ this is not json");
        }
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.token(person, "user"))
                .get("/api/v1/symptom-reports/" + next + "/recommendation").then().statusCode(200));
        // Counted once their batch committed; other tests' reports may be counted too, hence at least.
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(count("hipflex.triage.reports.received")).isGreaterThanOrEqualTo(received + 3);
            assertThat(count("hipflex.triage.reports.processed")).isGreaterThanOrEqualTo(processed + 1);
            assertThat(count("hipflex.triage.reports.dead.lettered")).isGreaterThanOrEqualTo(deadLettered + 2);
            assertThat(registry.timer("hipflex.triage.reports.processing").count()).isGreaterThan(batches);
        });
        given().get("/q/metrics").then().statusCode(200).body(containsString("hipflex_triage_reports_received_total"))
                .body(containsString("hipflex_triage_reports_processed_total"))
                .body(containsString("hipflex_triage_reports_dead_lettered_total"))
                .body(containsString("hipflex_triage_reports_processing_seconds"));
    }

    private double count(String counter) {
        return registry.counter(counter).count();
    }

    private static String reason(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("dead-letter-reason");
        assertThat(header).as("dead-letter-reason header").isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, String>> ofReport(List<ConsumerRecord<String, String>> records, UUID reportId) {
        return records.stream().filter(r -> read(r.value()).path("data").path("reportId").asText().equals(reportId.toString()))
                .toList();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
