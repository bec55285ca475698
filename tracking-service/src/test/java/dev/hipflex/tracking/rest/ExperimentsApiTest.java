package dev.hipflex.tracking.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.testsupport.EventContracts;
import dev.hipflex.testsupport.TestTokens;
import dev.hipflex.testsupport.TopicReader;
import dev.hipflex.tracking.TestClock;
import dev.hipflex.tracking.domain.ExperimentRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Root-cause experiments over REST, a real database and a real broker (issue 19, PRODUCT.md "Root-cause
 * experiments", article 000's one change at a time): one at a time (409 saying why), bad input named field by field,
 * the start date in the person's time zone, the phases as the days go by (the service's clock moves forward), the
 * plan frozen while one runs, the safety stop, too little data never helped, missing days, the A-B-A confirmation,
 * and each result announced once on {@code experiment-results}.
 */
@QuarkusTest
class ExperimentsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId AUCKLAND = PlanFixture.AUCKLAND;
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TestClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    /** A person, their token and their time zone. */
    private record Person(String id, String token, ZoneId zone) {

        static Person in(ZoneId zone) {
            String id = "p-" + UUID.randomUUID();
            return new Person(id, TestTokens.token(id, "user"), zone);
        }

        LocalDate today() {
            return LocalDate.now(java.time.Clock.system(zone));
        }
    }

    private static ValidatableResponse start(Person p, String item, LocalDate startDate) {
        return given().auth().oauth2(p.token()).contentType(ContentType.JSON)
                .body(Map.of("checklistItem", item, "change", "flat trainers instead of heeled boots", "startDate",
                        startDate.toString(), "timeZone", p.zone().getId()))
                .post("/api/v1/me/experiments").then();
    }

    private static ValidatableResponse list(Person p) {
        return given().auth().oauth2(p.token()).get("/api/v1/me/experiments").then().statusCode(200);
    }

    /** Moves the service's clock to {@code day} at 07:30 in the person's zone and gives the waking rating of 07:00. */
    private void rate(Person p, LocalDate day, int pain) {
        clock.moveTo(ZonedDateTime.of(day, LocalTime.of(7, 30), p.zone()).toInstant());
        given().auth().oauth2(p.token()).contentType(ContentType.JSON)
                .body(Map.of("checkInId", UUID.randomUUID().toString(), "at",
                        ZonedDateTime.of(day, LocalTime.of(7, 0), p.zone()).toOffsetDateTime().toString(), "timeZone",
                        p.zone().getId(), "pain", pain, "waking", true))
                .post("/api/v1/me/check-ins").then().statusCode(201);
    }

    private static List<JsonNode> events(TopicReader reader, String person) throws Exception {
        List<JsonNode> mine = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> r : reader.poll()) {
            if (person.equals(r.key())) {
                EventContracts.assertValid("experiment-results", r.key(), r.value());
                mine.add(JSON.readTree(r.value()));
            }
        }
        return mine;
    }

    @Test
    void aSecondExperimentWhileOneRunsIs409AndSaysWhy() {
        Person p = Person.in(AUCKLAND);
        String first = start(p, "socks", p.today()).statusCode(201).header("Location", containsString("/me/experiments/"))
                .body("phase", equalTo("baseline")).body("running", equalTo(true))
                .extract().path("experimentId");

        start(p, "everyday-shoes", p.today()).statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("still running"))
                .body("detail", containsString("one thing at a time"))
                .body("detail", not(containsString("/api/")))
                .body("errors.field", hasItem("checklistItem"))
                .body("errors.message", hasItem(containsString(first)));
        list(p).body("total", equalTo(1))
                .body("limits.shortestChange", equalTo(ExperimentRequest.SHORTEST_CHANGE))
                .body("limits.longestChange", equalTo(ExperimentRequest.LONGEST_CHANGE))
                .body("limits.latestStartDays", equalTo(ExperimentRequest.LATEST_START_DAYS));

        // Ended, it no longer blocks the next one.
        given().auth().oauth2(p.token()).post("/api/v1/me/experiments/" + first + "/end").then().statusCode(200)
                .body("phase", equalTo("ended")).body("running", equalTo(false))
                .body("result.outcome", equalTo("not-enough-data"));
        given().auth().oauth2(p.token()).post("/api/v1/me/experiments/" + first + "/end").then().statusCode(409);
        start(p, "everyday-shoes", p.today()).statusCode(201);
        list(p).body("total", equalTo(2)).body("items[0].checklistItem", equalTo("everyday-shoes"));

        // Another person sees none of it and cannot end it.
        Person other = Person.in(AUCKLAND);
        list(other).body("total", equalTo(0));
        given().auth().oauth2(other.token()).post("/api/v1/me/experiments/" + first + "/end").then().statusCode(404);
    }

    @Test
    void badInputIsOneProblemNamingEveryField() {
        Person p = Person.in(AUCKLAND);
        given().auth().oauth2(p.token()).contentType(ContentType.JSON)
                .body(Map.of("checklistItem", "lucky-charm", "change", "x".repeat(201), "startDate", "2026-01-01",
                        "timeZone", "Mars/Olympus"))
                .post("/api/v1/me/experiments").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("checklistItem", "change", "timeZone"));
        given().auth().oauth2(p.token()).contentType(ContentType.JSON)
                .body(Map.of("checklistItem", "socks", "change", "  ", "startDate", p.today().minusDays(1).toString(),
                        "timeZone", AUCKLAND.getId()))
                .post("/api/v1/me/experiments").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("change", "startDate"));
        given().auth().oauth2(p.token()).contentType(ContentType.JSON).body(Map.of("timeZone", AUCKLAND.getId()))
                .post("/api/v1/me/experiments").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("checklistItem", "change", "startDate"));
        given().auth().oauth2(p.token()).post("/api/v1/me/experiments/not-a-uuid/end").then().statusCode(400)
                .body("errors.field", hasItem("experimentId"));
        list(p).body("total", equalTo(0));
    }

    @Test
    void theStartDateIsTheDateWhereThePersonIs() {
        // 11:30 UTC on 6 December: already the 7th in Auckland (UTC+13), still the 6th in Los Angeles (UTC-8).
        clock.moveTo(Instant.parse("2026-12-06T11:30:00Z"));
        Person auckland = Person.in(AUCKLAND);
        start(auckland, "socks", LocalDate.of(2026, 12, 6)).statusCode(400).body("errors.field", hasItem("startDate"))
                .body("errors.message", hasItem(containsString("2026-12-07 in Pacific/Auckland")));
        start(auckland, "socks", LocalDate.of(2026, 12, 7)).statusCode(201).body("today", equalTo("2026-12-07"))
                .body("startDate", equalTo("2026-12-07"));
        Person losAngeles = Person.in(LOS_ANGELES);
        start(losAngeles, "socks", LocalDate.of(2026, 12, 6)).statusCode(201).body("today", equalTo("2026-12-06"));
    }

    @Test
    void aChangeThatHelpsFreezesThePlanWhileItRunsIsHelpedAndIsConfirmedByUndoingIt() throws Exception {
        PlanFixture plan = new PlanFixture(0);
        Person p = new Person(plan.person, plan.token, AUCKLAND);
        LocalDate day0 = plan.start;
        try (TopicReader results = new TopicReader("experiment-results")) {
            String id = start(p, "socks", day0).statusCode(201).extract().path("experimentId");
            int[] pains = {6, 6, 6, 5, 6, 6, 6, 2, 2, 2, 1, 2, 2, 2};
            for (int d = 0; d < pains.length; d++) {
                rate(p, day0.plusDays(d), pains[d]);
                // A tolerated, about-right session each day: without the experiment the plan would step forward on day 7.
                Map<String, Object> session = plan.session(d, LocalTime.of(7, 10));
                session.put("painDuring", 2);
                session.put("effort", "about-right");
                plan.record(session);
                if (d == 3) {
                    list(p).body("items[0].phase", equalTo("baseline")).body("items[0].baseline.ratings", hasSize(4))
                            .body("items[0].advice", containsString("change nothing yet"));
                }
                if (d == 6) {
                    list(p).body("items[0].phase", equalTo("baseline"))
                            .body("items[0].withChange", nullValue())
                            .body("items[0].advice", containsString("Make the change from today"));
                }
                if (d == 9) {
                    list(p).body("items[0].phase", equalTo("change"))
                            .body("items[0].withChange.from", equalTo(day0.plusDays(7).toString()))
                            .body("items[0].advice", containsString("day 3 of at least 7"));
                }
            }
            list(p).body("items[0].phase", equalTo("ended"))
                    .body("items[0].result.outcome", equalTo("helped"))
                    .body("items[0].result.rule", equalTo("TRK-EXP-RESULT"))
                    .body("items[0].result.source", equalTo("mfactor-root-cause"))
                    .body("items[0].result.decidedBy", containsString("Helped:"))
                    .body("items[0].result.p", org.hamcrest.Matchers.lessThan(0.05f))
                    .body("items[0].baseline.ratings.pain", org.hamcrest.Matchers.contains(6, 6, 6, 5, 6, 6, 6))
                    .body("items[0].withChange.ratings.pain", org.hamcrest.Matchers.contains(2, 2, 2, 1, 2, 2, 2))
                    .body("items[0].baseline.mean", equalTo(41f / 7))
                    .body("items[0].withChange.mean", equalTo(13f / 7))
                    .body("items[0].confirmation.offered", equalTo(true));
            // Frozen through day 13, the last day of the experiment: no step forward.
            given().auth().oauth2(p.token()).get("/api/v1/me/plan/today").then().statusCode(200)
                    .body("history.rule", not(hasItem("TRK-ADAPT-STEP-FORWARD")));
            List<JsonNode> helped = await().atMost(WAIT).until(() -> events(results, p.id()), e -> !e.isEmpty());
            assertThat(helped).singleElement().satisfies(e -> {
                assertThat(e.path("data").path("outcome").asText()).isEqualTo("helped");
                assertThat(e.path("data").path("checklistItem").asText()).isEqualTo("socks");
                assertThat(e.path("data").path("changeRatings").asInt()).isEqualTo(7);
                assertThat(e.path("data").path("confirmation").isNull()).isTrue();
                assertThat(e.toString()).doesNotContain("heeled boots");
            });

            // The morning after it ended, the tolerated sessions step the plan forward at last.
            rate(p, day0.plusDays(14), 2);
            given().auth().oauth2(p.token()).get("/api/v1/me/plan/today").then().statusCode(200)
                    .body("history.rule", hasItem("TRK-ADAPT-STEP-FORWARD"))
                    .body("history.find { it.rule == 'TRK-ADAPT-STEP-FORWARD' }.day",
                            equalTo(day0.plusDays(14).toString()));

            // A-B-A: undone from tomorrow, the pain comes back, the confirmation holds.
            given().auth().oauth2(p.token()).post("/api/v1/me/experiments/" + id + "/undo").then().statusCode(200)
                    .body("phase", equalTo("ended")).body("confirmation.undone", nullValue());
            start(p, "everyday-shoes", day0.plusDays(14)).statusCode(409);
            for (int d = 15; d <= 21; d++) {
                rate(p, day0.plusDays(d), d == 15 ? 5 : 6);
            }
            list(p).body("items[0].phase", equalTo("confirmed"))
                    .body("items[0].confirmation.confirmation", equalTo("held"))
                    .body("items[0].confirmation.undone.ratings", hasSize(7))
                    .body("items[0].advice", containsString("Confirmed"));
            List<JsonNode> both = await().atMost(WAIT).until(() -> events(results, p.id()), e -> e.size() == 2);
            assertThat(both.get(1).path("data").path("confirmation").path("confirmation").asText()).isEqualTo("held");
            list(p);
            assertThat(events(results, p.id())).as("each result once").hasSize(2);
            // The summary for the physiotherapist carries the result and its confirmation. The first Bundle a JVM
            // builds initialises HAPI's FHIR context, which can outlast a request's 30 s on a loaded machine.
            await().atMost(Duration.ofSeconds(120)).ignoreExceptions().untilAsserted(() -> given().auth()
                    .oauth2(p.token()).accept("application/fhir+json").get("/api/v1/me/summary").then()
                    .statusCode(200).body(containsString("root-cause-experiment-outcome"))
                    .body(containsString("confirmation by undoing it: held"))
                    .body(not(containsString("heeled boots"))));
        }
    }

    @Test
    void painTwoAboveTheBaselineTwoMorningsRunningStopsItAndSaysUndoTheChange() throws Exception {
        Person p = Person.in(LOS_ANGELES);
        LocalDate day0 = p.today();
        try (TopicReader results = new TopicReader("experiment-results")) {
            start(p, "pillow-height", day0).statusCode(201);
            int[] pains = {3, 3, 3, 4, 3, 3, 3, 6, 5, 6, 6};
            for (int d = 0; d < pains.length; d++) {
                rate(p, day0.plusDays(d), pains[d]);
            }
            list(p).body("items[0].phase", equalTo("ended")).body("items[0].running", equalTo(false))
                    .body("items[0].withChange.endReason", equalTo("safety-stop"))
                    .body("items[0].withChange.to", equalTo(day0.plusDays(10).toString()))
                    .body("items[0].advice", containsString("Undo the change now"))
                    .body("items[0].result.outcome", not(equalTo("helped")));
            List<JsonNode> stopped = await().atMost(WAIT).until(() -> events(results, p.id()), e -> !e.isEmpty());
            assertThat(stopped).singleElement()
                    .satisfies(e -> assertThat(e.path("data").path("endReason").asText()).isEqualTo("safety-stop"));
            // Over, so another may start.
            start(p, "socks", day0.plusDays(10)).statusCode(201);
        }
    }

    @Test
    void fewerThanSevenRatingsWithTheChangeIsNotEnoughDataHoweverLowAndMissingDaysWait() {
        Person p = Person.in(LOS_ANGELES);
        LocalDate day0 = p.today();
        String id = start(p, "socks", day0).statusCode(201).extract().path("experimentId");
        // Day 3 has no rating: the seventh steady rating comes on day 7, so the change starts on day 8.
        for (int d = 0; d <= 7; d++) {
            if (d != 3) {
                rate(p, day0.plusDays(d), 8);
            }
        }
        list(p).body("items[0].baseline.ratings", hasSize(7))
                .body("items[0].advice", containsString("Make the change from today"));
        for (int d = 8; d <= 10; d++) {
            rate(p, day0.plusDays(d), 0);
        }
        list(p).body("items[0].phase", equalTo("change"))
                .body("items[0].withChange.from", equalTo(day0.plusDays(8).toString()));
        given().auth().oauth2(p.token()).post("/api/v1/me/experiments/" + id + "/end").then().statusCode(200)
                .body("phase", equalTo("ended"))
                .body("withChange.endReason", equalTo("ended-by-person"))
                .body("result.outcome", equalTo("not-enough-data"))
                .body("result.changeRatings", equalTo(3))
                .body("result.decidedBy", containsString("at least 7"))
                .body("confirmation", nullValue());
        given().auth().oauth2(p.token()).post("/api/v1/me/experiments/" + id + "/undo").then().statusCode(409);
    }
}
