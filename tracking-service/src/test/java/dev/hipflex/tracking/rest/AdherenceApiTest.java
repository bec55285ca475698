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

import org.junit.jupiter.api.Test;

import dev.hipflex.testsupport.TestTokens;
import dev.hipflex.testsupport.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Adherence over REST, from a plan made by a real recommendation event and sessions recorded over REST. */
@QuarkusTest
class AdherenceApiTest {

    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    @Test
    void fourteenDailySessionsMakeTheFirstTwoWeeksComplete() throws Exception {
        String person = "p-" + UUID.randomUUID();
        String token = TestTokens.token(person, "user");
        Instant recommendedAt = Instant.now().minus(20, ChronoUnit.DAYS);
        LocalDate start = recommendedAt.atZone(AUCKLAND).toLocalDate();
        try (TopicWriter writer = new TopicWriter()) {
            writer.send("recommendations", person, PlanAndSessionsTest.recommendation(person, "self-care", recommendedAt));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token).get("/api/v1/me/plan")
                .then().statusCode(200).body("startDate", equalTo(start.toString())));

        for (int day = 0; day < 14; day++) {
            ZonedDateTime at = ZonedDateTime.of(start.plusDays(day), LocalTime.of(7, 30), AUCKLAND);
            Map<String, Object> session = PlanAndSessionsTest.session(UUID.randomUUID(), at.toOffsetDateTime());
            session.put("timeZone", AUCKLAND.getId());
            given().auth().oauth2(token).contentType(ContentType.JSON).body(session).post("/api/v1/me/sessions").then()
                    .statusCode(201);
            if (day == 3) {
                // A second session on the same day, and the same session posted again: each day still counts once.
                given().auth().oauth2(token).contentType(ContentType.JSON).body(session).post("/api/v1/me/sessions")
                        .then().statusCode(201);
                Map<String, Object> another = PlanAndSessionsTest.session(UUID.randomUUID(), at.plusHours(10).toOffsetDateTime());
                another.put("timeZone", AUCKLAND.getId());
                given().auth().oauth2(token).contentType(ContentType.JSON).body(another).post("/api/v1/me/sessions")
                        .then().statusCode(201);
            }
        }
        given().auth().oauth2(token).get("/api/v1/me/adherence").then().statusCode(200)
                .body("weeks[0].expected", equalTo(7)).body("weeks[0].done", equalTo(7)).body("weeks[0].met", equalTo(true))
                .body("weeks[1].expected", equalTo(7)).body("weeks[1].done", equalTo(7)).body("weeks[1].met", equalTo(true))
                .body("longestStreak", equalTo(14))
                .body("currentStage.slug", equalTo("weeks-2-4"));
        given().auth().oauth2(TestTokens.token("p-" + UUID.randomUUID(), "user")).get("/api/v1/me/adherence").then()
                .statusCode(404).contentType("application/problem+json");
    }
}
