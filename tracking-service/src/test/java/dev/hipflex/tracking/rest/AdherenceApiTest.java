package dev.hipflex.tracking.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.hipflex.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

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
}
