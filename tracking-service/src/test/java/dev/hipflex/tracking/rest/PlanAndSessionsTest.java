package dev.hipflex.tracking.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.testsupport.TestTokens;
import dev.hipflex.testsupport.TopicReader;
import dev.hipflex.testsupport.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Plans from recommendation events, and sessions over REST, against a real broker and database. */
@QuarkusTest
class PlanAndSessionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** A recommendation event as triage publishes it (the fields tracking reads). */
    static String recommendation(String person, String level, Instant at) throws Exception {
        Map<String, Object> data = Map.of(
                "reportId", UUID.randomUUID().toString(), "userId", person, "timeZone", "Pacific/Auckland",
                "level", level,
                "plan", Map.of("protocol", "complete-release-protocol", "phases", List.of(
                        Map.of("items", List.of(Map.of("exercise", "foam-roll-quads-rectus-femoris"))),
                        Map.of("items", List.of(Map.of("exercise", "supine-passive-hip-flexor-stretch"))))));
        return JSON.writeValueAsString(Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(),
                "source", "/hipflex/triage-service", "type", "dev.hipflex.triage.recommendation.created",
                "time", at.toString(), "subject", data.get("reportId"),
                "dataschema", "https://hipflex.dev/schemas/recommendations/v2", "data", data));
    }

    static Map<String, Object> session(UUID id, OffsetDateTime start) {
        Map<String, Object> body = new HashMap<>();
        body.put("sessionId", id.toString());
        body.put("startedAt", start.toString());
        body.put("timeZone", "Europe/Berlin");
        body.put("minutes", 20);
        body.put("phases", List.of("release", "stretch", "strengthen"));
        body.put("exercises", List.of("foam-roll-quads-rectus-femoris", "glute-bridge-hold"));
        body.put("sides", "both");
        body.put("painBefore", 5);
        body.put("painAfter", 3);
        return body;
    }

    @Test
    void aRecommendationEventMakesThePlanStartingOnThePersonsLocalDate() throws Exception {
        String person = "p-" + UUID.randomUUID();
        // 11:30 UTC is already the next day in Auckland.
        Instant at = Instant.parse("2026-11-20T11:30:00Z");
        try (TopicWriter writer = new TopicWriter()) {
            writer.send("recommendations", person, recommendation(person, "self-care", at));
        }
        String token = TestTokens.token(person, "user");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(token).get("/api/v1/me/plan").then()
                .statusCode(200)
                .body("status", equalTo("active"))
                .body("startDate", equalTo(at.atZone(ZoneId.of("Pacific/Auckland")).toLocalDate().toString()))
                .body("exercises", hasItems("foam-roll-quads-rectus-femoris", "supine-passive-hip-flexor-stretch")));
    }

    @Test
    void aSeeProfessionalRecommendationDoesNotSilentlyStartThePlan() throws Exception {
        String person = "p-" + UUID.randomUUID();
        try (TopicWriter writer = new TopicWriter()) {
            writer.send("recommendations", person, recommendation(person, "see-professional", Instant.now()));
        }
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.token(person, "user"))
                .get("/api/v1/me/plan").then().statusCode(200).body("status", equalTo("see-professional-first")));
        given().auth().oauth2(TestTokens.token("p-" + UUID.randomUUID(), "user")).get("/api/v1/me/plan").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anUnreadableRecommendationIsDeadLetteredWithTheReasonAndMakesNoPlan() throws Exception {
        String person = "p-" + UUID.randomUUID();
        assertDeadLetteredWithoutAPlan(person, recommendation(person, "self-care", Instant.now())
                .replace("\"timeZone\":\"Pacific/Auckland\"", "\"timeZone\":\"Nowhere/Land\""), "unreadable");
    }

    @Test
    void aRecommendationOfAnUnknownVersionIsDeadLetteredWithTheReasonAndMakesNoPlan() throws Exception {
        String person = "p-" + UUID.randomUUID();
        assertDeadLetteredWithoutAPlan(person, recommendation(person, "self-care", Instant.now())
                .replace("/recommendations/v2", "/recommendations/v3"),
                "dataschema https://hipflex.dev/schemas/recommendations/v3");
    }

    /** {@code event} sent for {@code person} lands on recommendations-dlq as sent, with a reason naming what is wrong. */
    private static void assertDeadLetteredWithoutAPlan(String person, String event, String reason) {
        try (TopicReader dlq = new TopicReader("recommendations-dlq"); TopicWriter writer = new TopicWriter()) {
            writer.send("recommendations", person, event);
            ConsumerRecord<String, String> dead = await().atMost(WAIT).until(
                    () -> dlq.poll().stream().filter(r -> person.equals(r.key())).findFirst(), java.util.Optional::isPresent)
                    .orElseThrow();
            assertThat(dead.value()).isEqualTo(event);
            assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value())).contains(reason);
        }
        given().auth().oauth2(TestTokens.token(person, "user")).get("/api/v1/me/plan").then().statusCode(404);
    }

    @Test
    void aSessionIsRecordedOnceAndAnnouncedOnce() {
        String person = "p-" + UUID.randomUUID();
        String token = TestTokens.token(person, "user");
        UUID id = UUID.randomUUID();
        // 23:30 in Berlin on the 20th is 22:30 UTC: it counts for the 20th, the person's own calendar day.
        OffsetDateTime lateEvening = OffsetDateTime.of(2026, 11, 20, 23, 30, 0, 0, ZoneOffset.ofHours(1));
        Map<String, Object> body = session(id, lateEvening);
        try (TopicReader completions = new TopicReader("session-completions")) {
            for (int i = 0; i < 2; i++) {
                given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/me/sessions").then()
                        .statusCode(201).body("sessionId", equalTo(id.toString())).body("localDay", equalTo("2026-11-20"));
            }
            List<ConsumerRecord<String, String>> events = await().atMost(WAIT)
                    .until(() -> completions.poll().stream().filter(r -> person.equals(r.key())).toList(), r -> !r.isEmpty());
            await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT)
                    .until(() -> completions.poll().stream().filter(r -> person.equals(r.key())).count() == 1);
            JsonNode event = read(events.get(0).value());
            assertThat(event.path("type").asText()).isEqualTo("dev.hipflex.tracking.session.completed");
            assertThat(event.path("specversion").asText()).isEqualTo("1.0");
            assertThat(event.path("data").path("localDay").asText()).isEqualTo("2026-11-20");
            assertThat(event.path("data").path("userId").asText()).isEqualTo(person);
        }
        Map<String, Object> changed = new HashMap<>(body);
        changed.put("painAfter", 1);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(changed).post("/api/v1/me/sessions").then()
                .statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(token).get("/api/v1/me/sessions").then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(TestTokens.token("someone-else", "user")).get("/api/v1/me/sessions").then()
                .statusCode(200).body("items.sessionId", org.hamcrest.Matchers.not(hasItem(id.toString())));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/me/sessions").then().statusCode(401);
        // Verified tokens are remembered by their exact text: another signature for the same person is still checked.
        given().auth().oauth2(TestTokens.foreignToken(person, "user")).get("/api/v1/me/sessions").then().statusCode(401);
        // A subject that is not a pseudonymous id (an e-mail address) never becomes a record key or an event field.
        given().auth().oauth2(TestTokens.token("jane.doe@example.com", "user")).contentType(ContentType.JSON)
                .body(Map.of("checkInId", UUID.randomUUID().toString(), "at", java.time.OffsetDateTime.now().minusMinutes(1).toString(),
                        "timeZone", "Europe/Berlin", "pain", 4))
                .post("/api/v1/me/check-ins").then().statusCode(401);
        given().auth().oauth2(token).get("/api/v1/me/sessions").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].localDay", equalTo("2026-11-20"));
    }

    @Test
    void invalidSessionsAreRefusedNamingEachFieldAndNothingIsRecorded() {
        String person = "p-" + UUID.randomUUID();
        String token = TestTokens.token(person, "user");
        Map<String, Object> bad = session(UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC).plusDays(2));
        bad.put("painBefore", 11);
        bad.put("exercises", List.of("moonwalk"));
        bad.put("endedAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString());
        given().auth().oauth2(token).contentType(ContentType.JSON).body(bad).post("/api/v1/me/sessions").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("painBefore", "exercises[0]", "startedAt", "endedAt"));
        Map<String, Object> unknownPhase = session(UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC).minusHours(1));
        unknownPhase.put("phases", List.of("yoga"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(unknownPhase).post("/api/v1/me/sessions").then()
                .statusCode(400).body("errors.field", hasItem(org.hamcrest.Matchers.startsWith("phases")));
        given().auth().oauth2(token).get("/api/v1/me/sessions?limit=0").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
        given().auth().oauth2(token).get("/api/v1/me/sessions").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aPersonStartsPausesAndRestartsTheirOwnPlan() {
        String token = TestTokens.token("p-" + UUID.randomUUID(), "user");
        given().auth().oauth2(token).post("/api/v1/me/plan/pause").then().statusCode(404);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("timeZone", "Nowhere/Land"))
                .post("/api/v1/me/plan/start").then().statusCode(400).body("errors.field", hasItem("timeZone"));
        String today = java.time.LocalDate.now(ZoneId.of("America/New_York")).toString();
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("timeZone", "America/New_York"))
                .post("/api/v1/me/plan/start").then().statusCode(200)
                .body("status", equalTo("active")).body("startDate", equalTo(today));
        given().auth().oauth2(token).post("/api/v1/me/plan/pause").then().statusCode(200).body("status", equalTo("paused"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("timeZone", "America/New_York"))
                .post("/api/v1/me/plan/start").then().statusCode(200).body("status", equalTo("active"));
        given().auth().oauth2(token).get("/api/v1/me/plan").then().statusCode(200).body("status", equalTo("active"));
    }

    @Test
    void aPlanStartedFromARecommendationWaitsForThatRecommendationInsteadOfStartingEmpty() throws Exception {
        String person = "p-" + UUID.randomUUID();
        String token = TestTokens.token(person, "user");
        String event = recommendation(person, "self-care", Instant.now());
        String reportId = JSON.readTree(event).path("data").path("reportId").asText();
        Map<String, String> fromIt = Map.of("timeZone", "Europe/Berlin", "recommendation", reportId);

        given().auth().oauth2(token).contentType(ContentType.JSON).body(fromIt).post("/api/v1/me/plan/start").then()
                .statusCode(409).contentType("application/problem+json").header("Retry-After", "1")
                .body("errors.field", hasItem("recommendation"));
        given().auth().oauth2(token).get("/api/v1/me/plan").then().statusCode(404);

        try (TopicWriter writer = new TopicWriter()) {
            writer.send("recommendations", person, event);
        }
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(token).contentType(ContentType.JSON).body(fromIt)
                .post("/api/v1/me/plan/start").then().statusCode(200)
                .body("status", equalTo("active"))
                .body("recommendation", equalTo(reportId))
                .body("exercises", hasItems("foam-roll-quads-rectus-femoris", "supine-passive-hip-flexor-stretch")));
    }

    @Test
    void someoneWhoBeganEarlierStartsThePlanOnThatDayAndTheirSessionsSinceCount() {
        String token = TestTokens.token("p-" + UUID.randomUUID(), "user");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDate today = LocalDate.parse(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("timeZone", berlin.getId())).post("/api/v1/me/plan/start").then().statusCode(200)
                .extract().path("startDate"));
        LocalDate began = today.minusDays(20);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("timeZone", berlin.getId(), "startDate", began.toString()))
                .post("/api/v1/me/plan/start").then().statusCode(200).body("startDate", equalTo(began.toString()));
        Map<String, Object> firstDay = session(UUID.randomUUID(), began.atTime(19, 0).atZone(berlin).toOffsetDateTime());
        given().auth().oauth2(token).contentType(ContentType.JSON).body(firstDay).post("/api/v1/me/sessions").then()
                .statusCode(201);
        given().auth().oauth2(token).get("/api/v1/me/adherence").then().statusCode(200)
                .body("weeks[0].expected", equalTo(7)).body("weeks[0].done", equalTo(1)).body("weeks", hasSize(3));

        for (String refused : List.of(today.plusDays(1).toString(), today.minusDays(84).toString(), "last-monday")) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("timeZone", berlin.getId(), "startDate", refused)).post("/api/v1/me/plan/start").then()
                    .statusCode(400).body("errors.field", hasItem("startDate"));
        }
        given().auth().oauth2(token).get("/api/v1/me/plan").then().body("startDate", equalTo(began.toString()));
    }

    @Test
    void anotherPersonCanNeitherTakeOverNorSeeASession() throws Exception {
        PlanFixture ana = new PlanFixture(3);
        String ben = TestTokens.token("p-" + UUID.randomUUID(), "user");
        Map<String, Object> session = ana.session(1, LocalTime.of(7, 30));
        ana.record(session);

        // Ben sends Ana's session, id and all, as his own: the id is taken, and nothing of Ana's changes.
        given().auth().oauth2(ben).contentType(ContentType.JSON).body(session).post("/api/v1/me/sessions").then()
                .statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(ben).get("/api/v1/me/sessions").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(ana.token).get("/api/v1/me/sessions").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].sessionId", equalTo(session.get("sessionId")));
        given().auth().oauth2(ana.token).get("/api/v1/me/adherence").then().statusCode(200)
                .body("weeks[0].done", equalTo(1));
    }

    @Test
    void sessionsAreListedNewestFirstWithinADateRangeAPageAtATime() throws Exception {
        PlanFixture plan = new PlanFixture(8);
        for (int day = 0; day < 6; day++) {
            plan.record(plan.session(day, LocalTime.of(7, 30)));
        }
        String from = plan.start.plusDays(1).toString();
        String to = plan.start.plusDays(4).toString();
        given().auth().oauth2(plan.token).queryParam("from", from).queryParam("to", to).queryParam("limit", 3)
                .get("/api/v1/me/sessions").then().statusCode(200)
                .body("items.localDay", contains(plan.start.plusDays(4).toString(), plan.start.plusDays(3).toString(),
                        plan.start.plusDays(2).toString()))
                .body("nextOffset", equalTo(3));
        given().auth().oauth2(plan.token).queryParam("from", from).queryParam("to", to).queryParam("limit", 3)
                .queryParam("offset", 3).get("/api/v1/me/sessions").then().statusCode(200)
                .body("items.localDay", contains(plan.start.plusDays(1).toString()))
                .body("nextOffset", nullValue());
        given().auth().oauth2(plan.token).queryParam("from", to).queryParam("to", from).get("/api/v1/me/sessions").then()
                .statusCode(400).body("errors.field", hasItem("from"));
    }

    @Test
    void aCheckInIsRecordedForThePersonsLocalDayAndBadOnesAreNamed() {
        String token = TestTokens.token("p-" + UUID.randomUUID(), "user");
        Map<String, Object> checkIn = new HashMap<>(Map.of("checkInId", UUID.randomUUID().toString(),
                "at", "2026-11-20T23:30:00+01:00", "timeZone", "Europe/Berlin", "pain", 4, "notes", "stiff after the drive"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(checkIn).post("/api/v1/me/check-ins").then()
                .statusCode(201).body("localDay", equalTo("2026-11-20")).body("pain", equalTo(4));
        checkIn.put("pain", 11);
        checkIn.put("timeZone", "Nowhere/Land");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(checkIn).post("/api/v1/me/check-ins").then()
                .statusCode(400).body("errors.field", hasItems("pain", "timeZone"));
        checkIn.put("pain", 2147483648L);
        checkIn.put("timeZone", "Europe/Berlin");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(checkIn).post("/api/v1/me/check-ins").then()
                .statusCode(400).body("errors.field", hasItem("pain")).body("errors.message", hasItem("is out of range"));
        // Not times: lenient JSON reading takes 12345 and "1700000000" as seconds since 1970 and "" as no time (now), and
        // an old check-in is allowed, so such check-ins would be stored.
        checkIn.put("pain", 4);
        for (Object notATime : List.of(12345, "1700000000", "", List.of(2026, 11, 20))) {
            checkIn.put("at", notATime);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(checkIn).post("/api/v1/me/check-ins").then()
                    .statusCode(400).body("errors.field", hasItem("at"));
        }
    }

    @Test
    void aCheckInSentAgainAnswersWhatWasStoredAndAnotherBodyUnderItsIdIsAConflict() throws Exception {
        PlanFixture plan = new PlanFixture(2);
        String id = UUID.randomUUID().toString();
        Map<String, Object> checkIn = new HashMap<>(Map.of("checkInId", id, "timeZone", PlanFixture.AUCKLAND.getId(),
                "pain", 4, "at", plan.start.atTime(9, 0).atZone(PlanFixture.AUCKLAND).toOffsetDateTime().toString()));
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(plan.token).contentType(ContentType.JSON).body(checkIn).post("/api/v1/me/check-ins")
                    .then().statusCode(201).body("checkInId", equalTo(id)).body("pain", equalTo(4))
                    .body("localDay", equalTo(plan.start.toString()));
        }
        // The same id with another pain: refused, and neither the answer nor the pain trend shows a pain never stored.
        checkIn.put("pain", 9);
        given().auth().oauth2(plan.token).contentType(ContentType.JSON).body(checkIn).post("/api/v1/me/check-ins").then()
                .statusCode(409).contentType("application/problem+json").body("status", equalTo(409))
                .body("errors.field", contains("checkInId"));
        given().auth().oauth2(plan.token).get("/api/v1/me/adherence").then().statusCode(200)
                .body("painTrend.first.average", equalTo(4.0f)).body("painTrend.first.samples", equalTo(1));
        // Another person using the id is a conflict too.
        checkIn.put("pain", 4);
        given().auth().oauth2(TestTokens.token("p-" + UUID.randomUUID(), "user")).contentType(ContentType.JSON)
                .body(checkIn).post("/api/v1/me/check-ins").then().statusCode(409);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
