package dev.hipflex.tracking.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.hipflex.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Adherence over REST, from a plan made by a real recommendation event and sessions recorded over REST. */
@QuarkusTest
class AdherenceApiTest {

    @Test
    void fourteenDailySessionsMakeTheFirstTwoWeeksComplete() throws Exception {
        PlanFixture plan = new PlanFixture(20);
        for (int day = 0; day < 14; day++) {
            Map<String, Object> session = plan.session(day, LocalTime.of(7, 30));
            plan.record(session);
            if (day == 3) {
                // A second session on the same day, and the same session posted again: each day still counts once.
                plan.record(session);
                plan.record(plan.session(day, LocalTime.of(17, 30)));
            }
        }
        given().auth().oauth2(plan.token).get("/api/v1/me/adherence").then().statusCode(200)
                .body("weeks[0].expected", equalTo(7)).body("weeks[0].done", equalTo(7)).body("weeks[0].met", equalTo(true))
                .body("weeks[1].expected", equalTo(7)).body("weeks[1].done", equalTo(7)).body("weeks[1].met", equalTo(true))
                .body("longestStreak", equalTo(14))
                .body("currentStage.slug", equalTo("weeks-2-4"));
        given().auth().oauth2(TestTokens.token("p-" + UUID.randomUUID(), "user")).get("/api/v1/me/adherence").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void checkInsAloneMoveThePainTrend() throws Exception {
        PlanFixture plan = new PlanFixture(20);
        // Week 1 (days 0–6) at 7 and 8, week 3 (days 14–20) at 3 and 4: 7.5 down to 3.5, no session at all.
        int[][] dayAndPain = { { 1, 7 }, { 2, 8 }, { 15, 3 }, { 16, 4 } };
        for (int[] checkIn : dayAndPain) {
            given().auth().oauth2(plan.token).contentType(ContentType.JSON).body(Map.of(
                    "checkInId", UUID.randomUUID().toString(),
                    "at", ZonedDateTime.of(plan.start.plusDays(checkIn[0]), LocalTime.of(9, 0), PlanFixture.AUCKLAND)
                            .toOffsetDateTime().toString(),
                    "timeZone", PlanFixture.AUCKLAND.getId(), "pain", checkIn[1]))
                    .post("/api/v1/me/check-ins").then().statusCode(201);
        }
        given().auth().oauth2(plan.token).get("/api/v1/me/adherence").then().statusCode(200)
                .body("painTrend.first.week", equalTo(1)).body("painTrend.first.average", equalTo(7.5f))
                .body("painTrend.latest.week", equalTo(3)).body("painTrend.latest.average", equalTo(3.5f))
                .body("painTrend.meaningful", equalTo(true)).body("painTrend.direction", equalTo("improving"));
    }
}
