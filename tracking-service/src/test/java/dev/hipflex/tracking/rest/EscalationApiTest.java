package dev.hipflex.tracking.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.hipflex.testsupport.EventContracts;
import dev.hipflex.testsupport.TopicReader;
import dev.hipflex.testsupport.TopicWriter;
import dev.hipflex.tracking.repository.SymptomReportRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Escalation over REST against the real broker and database (issue 18, "Escalate"): each trigger raises one
 * recovery alert with its urgency on recovery-alerts, again only when new or worse; a new warning sign at a check-in
 * also sends triage a new symptom report through the outbox.
 */
@QuarkusTest
class EscalationApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SymptomReportRepository reports;

    @Test
    void painOfSevenOrMoreDuringASessionEscalatesOnceAndAgainOnlyWhenWorse() throws Exception {
        PlanFixture plan = new PlanFixture(5);
        try (TopicReader alerts = new TopicReader("recovery-alerts")) {
            session(plan, 0, 8, "pain");
            session(plan, 1, 8, "pain");
            session(plan, 2, 9, "strong-stretch");
            session(plan, 3, 7, null);
            session(plan, 4, 9, "pain");
            List<JsonNode> raised = await().atMost(Duration.ofSeconds(30)).until(() -> escalations(alerts, plan.person),
                    list -> list.stream().anyMatch(a -> a.path("key").asText().endsWith("session-pain-9")));
            // The outbox relays a person's events in order: nothing of the sessions that were not worse came before.
            assertThat(escalations(alerts, plan.person)).extracting(a -> a.path("key").asText())
                    .containsExactly("see-professional:session-pain-8", "see-professional:session-pain-9");
            assertThat(raised.get(0).path("urgency").asText()).isEqualTo("within-a-week");
            assertThat(raised.get(0).path("rule").asText()).isEqualTo("TRK-ESCALATE-SESSION-PAIN");
            assertThat(raised.get(0).path("figures").path("painKind").asText()).isEqualTo("pain");
        }
        given().auth().oauth2(plan.token).get("/api/v1/me/outcomes").then().statusCode(200)
                .body("escalations.key", contains("see-professional:session-pain-8", "see-professional:session-pain-9"))
                .body("escalations[0].urgency", org.hamcrest.Matchers.equalTo("within-a-week"));
    }

    @Test
    void painKindIsCheckedAndNeedsThePainDuring() throws Exception {
        PlanFixture plan = new PlanFixture(3);
        Map<String, Object> session = plan.session(1, LocalTime.of(18, 0));
        session.put("painKind", "pain");
        given().auth().oauth2(plan.token).contentType(ContentType.JSON).body(session).post("/api/v1/me/sessions").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("painKind"));
        session.put("painDuring", 8);
        session.put("painKind", "sharp");
        given().auth().oauth2(plan.token).contentType(ContentType.JSON).body(session).post("/api/v1/me/sessions").then()
                .statusCode(400).body("errors.field", hasItem("painKind"));
    }

    @Test
    void wakingPainTwoAboveTheBaselineTwoMorningsRunningEscalates() throws Exception {
        PlanFixture plan = new PlanFixture(10);
        try (TopicReader alerts = new TopicReader("recovery-alerts")) {
            for (int day = 0; day < 4; day++) {
                waking(plan, day, 2, List.of());
            }
            waking(plan, 4, 4, List.of());
            waking(plan, 5, 5, List.of());
            List<JsonNode> raised = await().atMost(Duration.ofSeconds(30)).until(() -> escalations(alerts, plan.person),
                    list -> !list.isEmpty());
            assertThat(raised).singleElement().satisfies(a -> {
                assertThat(a.path("key").asText()).isEqualTo("see-professional:waking-pain-2");
                assertThat(a.path("rule").asText()).isEqualTo("TRK-ESCALATE-WAKING-PAIN");
                assertThat(a.path("figures").path("wakingPain").toString()).isEqualTo("[4,5]");
            });
        }
    }

    @Test
    void aNewWarningSignEscalatesTodayAndSendsTriageTheNewestReportBroughtUpToDate() throws Exception {
        PlanFixture plan = new PlanFixture(8);
        ObjectNode earlier = (ObjectNode) JSON.readTree(EventContracts.example("symptom-reports"));
        ((ObjectNode) earlier.path("data")).put("userId", plan.person);
        String earlierId = earlier.path("data").path("reportId").asText();
        try (TopicWriter writer = new TopicWriter()) {
            writer.send("symptom-reports", plan.person, earlier.toString());
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> reports.last(plan.person).await().atMost(Duration.ofSeconds(5)) != null);
        try (TopicReader alerts = new TopicReader("recovery-alerts");
                TopicReader symptomReports = new TopicReader("symptom-reports")) {
            waking(plan, 5, 6, List.of("fever-or-unwell"));
            // The same sign again is not new.
            waking(plan, 6, 6, List.of("fever-or-unwell"));
            List<JsonNode> raised = await().atMost(Duration.ofSeconds(30)).until(() -> escalations(alerts, plan.person),
                    list -> !list.isEmpty());
            assertThat(raised).singleElement().satisfies(a -> {
                assertThat(a.path("key").asText()).isEqualTo("see-professional:warning-sign-fever-or-unwell");
                assertThat(a.path("urgency").asText()).isEqualTo("today");
            });
            List<ConsumerRecord<String, String>> sent = await().atMost(Duration.ofSeconds(30))
                    .until(() -> symptomReports.poll().stream().filter(r -> plan.person.equals(r.key()))
                            .filter(r -> r.value().contains("/hipflex/tracking-service")).toList(), l -> !l.isEmpty());
            assertThat(sent).hasSize(1);
            EventContracts.assertValid("symptom-reports", sent.get(0).key(), sent.get(0).value());
            JsonNode report = JSON.readTree(sent.get(0).value()).path("data");
            assertThat(report.path("reportId").asText()).isNotEqualTo(earlierId);
            assertThat(report.path("warningSigns").toString()).isEqualTo("[\"fever-or-unwell\"]");
            assertThat(report.path("intensity").asInt()).isEqualTo(6);
            // Every other answer is the person's own, as they gave it.
            assertThat(report.path("painLocations")).isEqualTo(earlier.path("data").path("painLocations"));
            assertThat(report.path("profile")).isEqualTo(earlier.path("data").path("profile"));
        }
    }

    @Test
    void anUnknownWarningSignIsNamedInAProblem() {
        String token = dev.hipflex.testsupport.TestTokens.token("p-" + UUID.randomUUID(), "user");
        Map<String, Object> checkIn = new HashMap<>(Map.of("checkInId", UUID.randomUUID().toString(), "timeZone",
                "Europe/Berlin", "pain", 3, "warningSigns", List.of("feeling-blue")));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(checkIn).post("/api/v1/me/check-ins").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(org.hamcrest.Matchers.startsWith("warningSigns")));
    }

    /** The escalations raised for {@code person} so far (each checked against the contract), in order. */
    static List<JsonNode> escalations(TopicReader alerts, String person) {
        return alerts.poll().stream().filter(r -> person.equals(r.key())).map(r -> {
            EventContracts.assertValid("recovery-alerts", r.key(), r.value());
            try {
                return JSON.readTree(r.value()).path("data");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(a -> a.path("rule").isTextual()).toList();
    }

    private static void session(PlanFixture plan, int day, int painDuring, String kind) {
        Map<String, Object> session = plan.session(day, LocalTime.of(18, 0));
        session.put("painDuring", painDuring);
        if (kind != null) {
            session.put("painKind", kind);
        }
        plan.record(session);
    }

    private static void waking(PlanFixture plan, int day, int pain, List<String> signs) {
        String at = plan.start.plusDays(day).atTime(7, 0).atZone(PlanFixture.AUCKLAND).toOffsetDateTime().toString();
        Map<String, Object> body = new HashMap<>(Map.of("checkInId", UUID.randomUUID().toString(), "at", at,
                "timeZone", PlanFixture.AUCKLAND.getId(), "pain", pain, "waking", true));
        if (!signs.isEmpty()) {
            body.put("warningSigns", signs);
        }
        given().auth().oauth2(plan.token).contentType(ContentType.JSON).body(body).post("/api/v1/me/check-ins").then()
                .statusCode(201);
    }
}
