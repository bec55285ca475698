package dev.hipflex.tracking.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * GET /me/plan/today over a real database and broker: the plan steps forward after a week of tolerated sessions and
 * back after a painful one, and says why (issue 18 point 4).
 */
@QuarkusTest
class PlanTodayTest {

    private static final String SUPINE = "supine-passive-hip-flexor-stretch";

    @Test
    void thePlanStepsForwardAfterAToleratedWeekAndBackAfterAPainfulSession() throws Exception {
        PlanFixture plan = new PlanFixture(10);
        // Before any feedback (an older app) the plan holds at the catalog's starting dose.
        given().auth().oauth2(plan.token).get("/api/v1/me/plan/today").then().statusCode(200)
                .body("day", equalTo(plan.start.plusDays(10).toString()))
                .body("exercises.exercise", contains("foam-roll-quads-rectus-femoris", SUPINE))
                .body("exercises[1].dose.holdSeconds.value", equalTo(60))
                .body("exercises[1].dose.holdSeconds.max", equalTo(120))
                .body("exercises[1].harder", contains("half-kneeling-hip-flexor-stretch", "couch-stretch"))
                .body("history", hasSize(0));
        for (int day = -3; day <= 9; day++) {
            wakingRating(plan, day, 2);
        }
        for (int day = 0; day <= 8; day++) {
            session(plan, day, 2, "about-right");
        }
        given().auth().oauth2(plan.token).get("/api/v1/me/plan/today").then().statusCode(200)
                .body("exercises[1].dose.holdSeconds.value", equalTo(75))
                .body("history", hasSize(1))
                .body("history[0].rule", equalTo("TRK-ADAPT-STEP-FORWARD"))
                .body("history[0].source", equalTo("general-clinical-guidance"))
                .body("history[0].day", equalTo(plan.start.plusDays(7).toString()))
                .body("history[0].figures.toleratedInARow", equalTo(7))
                .body("history[0].figures.baseline", equalTo(2.0f))
                .body("history[0].sentence", startsWith("Your last 7 sessions went well"))
                // In the person's words: the catalog's title and the dose said plainly, never slugs or field names.
                .body("history[0].sentence", endsWith("so Supine passive hip flexor stretch: hold from 60 to 75 seconds."));
        try (dev.hipflex.testsupport.TopicReader adjustments = new dev.hipflex.testsupport.TopicReader("plan-adjustments")) {
            session(plan, 9, 7, "too-hard");
            // Announced once each, however often the plan was replayed: the step forward, then the step back.
            java.util.List<String> events = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> adjustments.poll().stream().filter(r -> plan.person.equals(r.key()))
                            .map(r -> r.value()).toList(),
                            all -> all.stream().anyMatch(e -> e.contains("TRK-ADAPT-STEP-BACK")));
            java.util.List<String> rules = events.stream()
                    .map(e -> e.replaceAll(".*\"rule\":\"([A-Z-]+)\".*", "$1")).toList();
            org.assertj.core.api.Assertions.assertThat(rules).containsExactly("TRK-ADAPT-STEP-FORWARD", "TRK-ADAPT-STEP-BACK");
            org.assertj.core.api.Assertions.assertThat(events.get(1))
                    .contains("\"sentence\":\"Pain during your session reached 7, above 5, so Supine passive hip "
                            + "flexor stretch: hold from 75 to 60 seconds.\"");
        }
        given().auth().oauth2(plan.token).get("/api/v1/me/plan/today").then().statusCode(200)
                .body("exercises[1].dose.holdSeconds.value", equalTo(60))
                .body("history.rule", contains("TRK-ADAPT-STEP-FORWARD", "TRK-ADAPT-STEP-BACK"))
                .body("changes", hasSize(1))
                .body("changes[0].rule", equalTo("TRK-ADAPT-STEP-BACK"))
                .body("changes[0].figures.painDuring", equalTo(7))
                .body("changes[0].from", equalTo(75)).body("changes[0].to", equalTo(60))
                .body("changes[0].sentence", equalTo("Pain during your session reached 7, above 5, so Supine passive hip "
                        + "flexor stretch: hold from 75 to 60 seconds."));
    }

    @Test
    void withoutAPlanThereIsNoSessionToday() {
        given().auth().oauth2(dev.hipflex.testsupport.TestTokens.token("p-" + UUID.randomUUID(), "user"))
                .get("/api/v1/me/plan/today").then().statusCode(404).contentType("application/problem+json");
    }

    private static void session(PlanFixture plan, int day, int painDuring, String effort) {
        Map<String, Object> session = plan.session(day, LocalTime.of(18, 0));
        session.put("painDuring", painDuring);
        session.put("effort", effort);
        plan.record(session);
    }

    private static void wakingRating(PlanFixture plan, int day, int pain) {
        String at = plan.start.plusDays(day).atTime(7, 0).atZone(PlanFixture.AUCKLAND).toOffsetDateTime().toString();
        given().auth().oauth2(plan.token).contentType(ContentType.JSON)
                .body(Map.of("checkInId", UUID.randomUUID().toString(), "at", at, "timeZone",
                        PlanFixture.AUCKLAND.getId(), "pain", pain, "waking", true))
                .post("/api/v1/me/check-ins").then().statusCode(201);
    }
}
