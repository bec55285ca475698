package dev.hipflex.tracking.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import dev.hipflex.testsupport.TestTokens;
import dev.hipflex.testsupport.TopicWriter;
import io.restassured.http.ContentType;

/** A person in Auckland whose plan a real recommendation event started some days ago, and their sessions. */
final class PlanFixture {

    static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    final String person = "p-" + UUID.randomUUID();
    final String token = TestTokens.token(person, "user");
    final LocalDate start;

    /** Publishes the recommendation and waits until tracking has made the plan from it. */
    PlanFixture(int daysAgo) throws Exception {
        Instant recommendedAt = Instant.now().minus(daysAgo, ChronoUnit.DAYS);
        start = recommendedAt.atZone(AUCKLAND).toLocalDate();
        try (TopicWriter writer = new TopicWriter()) {
            writer.send("recommendations", person, PlanAndSessionsTest.recommendation(person, "self-care", recommendedAt));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token).get("/api/v1/me/plan")
                .then().statusCode(200).body("startDate", equalTo(start.toString())));
    }

    /** A session body on plan day {@code day} (0 = the first day) at {@code time} local. */
    Map<String, Object> session(int day, LocalTime time) {
        ZonedDateTime at = ZonedDateTime.of(start.plusDays(day), time, AUCKLAND);
        Map<String, Object> session = PlanAndSessionsTest.session(UUID.randomUUID(), at.toOffsetDateTime());
        session.put("timeZone", AUCKLAND.getId());
        return session;
    }

    /** Records {@code session} and expects 201. */
    void record(Map<String, Object> session) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(session).post("/api/v1/me/sessions").then()
                .statusCode(201);
    }
}
