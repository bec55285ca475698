package dev.hipflex.tracking.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.testsupport.EventContracts;
import dev.hipflex.testsupport.TopicReader;
import dev.hipflex.tracking.domain.AdherencePolicy;
import dev.hipflex.tracking.domain.FunctionalScale;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * GET/POST /me/outcomes over a real database and broker (issue 18, "Outcomes"): the PSFS activities are named at the
 * start and fixed, rated again once the plan reaches week 4, judged by TRK-MEANINGFUL-FUNCTION-CHANGE, shown with the
 * pain outcome and adherence, and each assessment announced once on outcome-recorded without the activities' names.
 */
@QuarkusTest
class OutcomesApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Object> assessment(int week, Object... activityThenRating) {
        List<Map<String, Object>> activities = new java.util.ArrayList<>();
        for (int i = 0; i < activityThenRating.length; i += 2) {
            activities.add(Map.of("activity", activityThenRating[i], "rating", activityThenRating[i + 1]));
        }
        return Map.of("week", week, "activities", activities);
    }

    @Test
    void activitiesNamedAtTheStartAreRatedAgainAtWeekFourAndTheChangeIsJudged_abbott2014() throws Exception {
        PlanFixture plan = new PlanFixture(30);
        given().auth().oauth2(plan.token).get("/api/v1/me/outcomes").then().statusCode(200)
                .body("activities", nullValue()).body("due", equalTo(0)).body("currentWeek", equalTo(5));
        try (TopicReader outcomes = new TopicReader("outcome-recorded")) {
            post(plan, assessment(0, "sitting through a film", 3, "climbing stairs", 4, "running 5 km", 2))
                    .statusCode(201).body("week", equalTo(0)).body("mean", equalTo(3.0f));
            given().auth().oauth2(plan.token).get("/api/v1/me/outcomes").then().statusCode(200)
                    .body("activities", contains("sitting through a film", "climbing stairs", "running 5 km"))
                    .body("due", equalTo(4));
            // Rated in another order: matched by name, kept in the start's order.
            post(plan, assessment(4, "running 5 km", 3, "sitting through a film", 7, "climbing stairs", 5))
                    .statusCode(201).body("ratings.rating", contains(7, 5, 3));
            given().auth().oauth2(plan.token).get("/api/v1/me/outcomes").then().statusCode(200)
                    .body("due", nullValue())
                    .body("function.week", equalTo(4))
                    .body("function.activityChanges", contains(4, 1, 1))
                    .body("function.change", equalTo("improved"))
                    .body("function.rule", equalTo("TRK-MEANINGFUL-FUNCTION-CHANGE"))
                    .body("scale.weeks", contains(FunctionalScale.WEEKS.toArray()))
                    .body("scale.maxActivities", equalTo(FunctionalScale.MAX_ACTIVITIES))
                    .body("scale.maxName", equalTo(FunctionalScale.MAX_NAME))
                    .body("function.meaningfulMeanPoints", equalTo(AdherencePolicy.MEANINGFUL_FUNCTION_CHANGE.meanPoints()))
                    .body("function.meaningfulActivityPoints",
                            equalTo(AdherencePolicy.MEANINGFUL_FUNCTION_CHANGE.activityPoints()))
                    .body("pain.rule", equalTo("TRK-MEANINGFUL-PAIN-CHANGE"))
                    .body("overallPercent", org.hamcrest.Matchers.notNullValue());
            // The same again answers as stored; other ratings for a recorded week conflict.
            post(plan, assessment(4, "running 5 km", 3, "sitting through a film", 7, "climbing stairs", 5)).statusCode(200);
            post(plan, assessment(4, "running 5 km", 4, "sitting through a film", 7, "climbing stairs", 5)).statusCode(409);

            List<ConsumerRecord<String, String>> events = await().atMost(Duration.ofSeconds(30)).until(
                    () -> outcomes.poll().stream().filter(r -> plan.person.equals(r.key())).toList(), l -> l.size() >= 2);
            assertThat(events).hasSize(2);
            events.forEach(r -> EventContracts.assertValid("outcome-recorded", r.key(), r.value()));
            JsonNode week4 = JSON.readTree(events.get(1).value()).path("data");
            assertThat(week4.path("week").asInt()).isEqualTo(4);
            assertThat(week4.path("ratings").toString()).isEqualTo("[7,5,3]");
            assertThat(week4.path("functionChange").asText()).isEqualTo("improved");
            assertThat(events.get(1).value()).doesNotContain("sitting through a film");
        }
    }

    @Test
    void badAssessmentsAreNamedFieldByField() throws Exception {
        PlanFixture plan = new PlanFixture(3);
        post(plan, assessment(4, "walking", 5)).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("week"));
        post(plan, Map.of("week", 3, "activities", List.of(Map.of("activity", "", "rating", 11)))).statusCode(400)
                .body("errors.field", hasItems("week", "activities[0].activity", "activities[0].rating"));
        post(plan, assessment(0, "a", 1, "b", 1, "c", 1, "d", 1, "e", 1, "f", 1)).statusCode(400)
                .body("errors.field", hasItems("activities"));
        post(plan, assessment(0, "walking", 5, "walking", 6)).statusCode(400)
                .body("errors.field", hasItems("activities[1].activity"));
        post(plan, assessment(0, "walking", 5)).statusCode(201);
        // Not due yet: the plan is in week 1.
        post(plan, assessment(4, "walking", 6)).statusCode(400).body("errors.field", hasItems("week"));
    }

    @Test
    void laterWeeksRateExactlyTheActivitiesOfTheStart() throws Exception {
        PlanFixture plan = new PlanFixture(60);
        post(plan, assessment(0, "walking", 5, "sitting", 4)).statusCode(201);
        post(plan, assessment(8, "walking", 6, "cycling", 4)).statusCode(400)
                .body("errors.field", hasItems("activities[1].activity"));
        post(plan, assessment(8, "walking", 6)).statusCode(400).body("errors.field", hasItems("activities"));
        post(plan, assessment(8, "walking", 2, "sitting", 1)).statusCode(201);
        given().auth().oauth2(plan.token).get("/api/v1/me/outcomes").then().statusCode(200)
                .body("function.change", equalTo("worse")).body("function.meanChange", equalTo(-3.0f));
    }

    private static io.restassured.response.ValidatableResponse post(PlanFixture plan, Map<String, Object> body) {
        return given().auth().oauth2(plan.token).contentType(ContentType.JSON).body(body).post("/api/v1/me/outcomes")
                .then();
    }
}
