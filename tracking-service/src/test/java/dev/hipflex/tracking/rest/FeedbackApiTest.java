package dev.hipflex.tracking.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Session feedback and waking check-ins over REST, against a real broker and database (issue 18 point 2). */
@QuarkusTest
class FeedbackApiTest {

    @Test
    void aSessionCarriesTheWorstPainDuringItAndHowHardItFelt() throws Exception {
        PlanFixture plan = new PlanFixture(3);
        Map<String, Object> session = plan.session(1, LocalTime.of(18, 0));
        session.put("painDuring", 4);
        session.put("effort", "too-easy");
        plan.record(session);
        given().auth().oauth2(plan.token).get("/api/v1/me/sessions").then().statusCode(200)
                .body("items[0].painDuring", equalTo(4)).body("items[0].effort", equalTo("too-easy"));
    }

    @Test
    void badFeedbackIsNamedInAProblem() throws Exception {
        PlanFixture plan = new PlanFixture(3);
        Map<String, Object> session = plan.session(1, LocalTime.of(18, 0));
        session.put("painDuring", 11);
        session.put("painAfter", -1);
        given().auth().oauth2(plan.token).contentType(ContentType.JSON).body(session).post("/api/v1/me/sessions").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("painDuring", "painAfter"));
        session.put("painDuring", 3);
        session.put("painAfter", 2);
        session.put("effort", "exhausting");
        given().auth().oauth2(plan.token).contentType(ContentType.JSON).body(session).post("/api/v1/me/sessions").then()
                .statusCode(400).body("errors.field", hasItem("effort"));
    }

    @Test
    void aSessionWithoutFeedbackIsStillRecordedAsBefore() throws Exception {
        PlanFixture plan = new PlanFixture(3);
        plan.record(plan.session(1, LocalTime.of(18, 0)));
        // An old client's body is stored as it was sent: no feedback fields appear.
        given().auth().oauth2(plan.token).get("/api/v1/me/sessions").then().statusCode(200)
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("painDuring")))
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("effort")));
    }

    @Test
    void aWakingCheckInIsMarkedAndAWrongMarkIsNamed() {
        String token = dev.hipflex.testsupport.TestTokens.token("p-" + UUID.randomUUID(), "user");
        Map<String, Object> checkIn = new HashMap<>(Map.of("checkInId", UUID.randomUUID().toString(),
                "at", "2026-11-20T07:10:00+01:00", "timeZone", "Europe/Berlin", "pain", 3, "waking", true));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(checkIn).post("/api/v1/me/check-ins").then()
                .statusCode(201).body("waking", equalTo(true)).body("localDay", equalTo("2026-11-20"));
        checkIn.put("checkInId", UUID.randomUUID().toString());
        checkIn.remove("waking");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(checkIn).post("/api/v1/me/check-ins").then()
                .statusCode(201).body("waking", equalTo(false));
        checkIn.put("waking", "in the morning");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(checkIn).post("/api/v1/me/check-ins").then()
                .statusCode(400).body("errors.field", hasItem("waking"));
    }
}
