package dev.hipflex.triage.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.testsupport.CatalogStubResource;
import dev.hipflex.testsupport.DatabaseThatGoesAwayResource;
import dev.hipflex.testsupport.JwtKeysResource;
import dev.hipflex.testsupport.KafkaBrokerResource;
import dev.hipflex.testsupport.TestTokens;
import dev.hipflex.testsupport.TopicReader;
import dev.hipflex.testsupport.TopicWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * PostgreSQL goes away while reports arrive on the topic: readiness says the database is down, no report is lost or
 * dead-lettered for it, and once the database is back each report gets exactly one recommendation, in order. Over
 * REST meanwhile: 503 with Retry-After, and a report that could not be recorded is refused and never published.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.DatabaseThatGoesAway.class)
class DatabaseOutageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String DATABASE_CHECK = "Reactive PostgreSQL connections health check";

    /** The usual real servers, the database reached through a relay the test can cut. */
    public static class DatabaseThatGoesAway implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DatabaseThatGoesAwayResource.class),
                    new TestResourceEntry(KafkaBrokerResource.class), new TestResourceEntry(JwtKeysResource.class),
                    new TestResourceEntry(CatalogStubResource.class));
        }
    }

    @Inject
    MeterRegistry registry;

    private final String person = "person-" + UUID.randomUUID();
    private final UUID refused = UUID.randomUUID();

    @Test
    void reportsWaitForTheDatabaseAndEachGetsOneRecommendationWhenItReturns() throws Exception {
        try (TopicWriter writer = new TopicWriter(); TopicReader recommendations = new TopicReader("recommendations");
                TopicReader dlq = new TopicReader("symptom-reports-dlq")) {
            List<UUID> reports = new ArrayList<>();
            reports.add(send(writer));
            await().atMost(WAIT).untilAsserted(() -> recommendation(reports.get(0)).statusCode(200));

            DatabaseThatGoesAwayResource.cut();
            try {
                await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                        .body("checks.find { it.name == '" + DATABASE_CHECK + "' }.status", equalTo("DOWN")));
                double received = registry.counter("hipflex.triage.reports.received").count();
                for (int i = 0; i < 5; i++) {
                    reports.add(send(writer));
                }
                // The pipeline takes the first of them in hand while the database is away and keeps trying to store it
                // (the others wait on the topic behind it): none may be given up on.
                await().atMost(WAIT).until(() -> registry.counter("hipflex.triage.reports.received").count() > received);
                // Over REST, a passing outage is said as such, and a report that could not be recorded is refused.
                recommendation(reports.get(0)).statusCode(503).header("Retry-After", notNullValue())
                        .body("status", equalTo(503));
                given().auth().oauth2(TestTokens.token(person, "user")).contentType(ContentType.JSON)
                        .body(Reports.deskWorker(refused, null)).post("/api/v1/symptom-reports").then().statusCode(503);
            } finally {
                DatabaseThatGoesAwayResource.restore();
            }

            await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
            for (UUID report : reports) {
                await().atMost(WAIT).untilAsserted(() -> recommendation(report).statusCode(200)
                        .body("reportId", equalTo(report.toString())));
            }
            List<String> wanted = reports.stream().map(UUID::toString).toList();
            await().atMost(WAIT).until(() -> reportsAnnounced(recommendations).containsAll(wanted));
            // Give a duplicate every chance to show up before concluding there is none.
            List<String> announced = await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT)
                    .until(() -> reportsAnnounced(recommendations), r -> true);
            assertThat(announced).as("one event per report, in the order they were sent").containsExactlyElementsOf(wanted);
            assertThat(dlq.poll()).noneMatch(r -> person.equals(r.key()));
            // The refused report was never recorded, so never published: its id is unknown.
            recommendation(refused).statusCode(404);
        }
    }

    /** The reports of this person's recommendation events so far, in the order they were published. */
    private List<String> reportsAnnounced(TopicReader recommendations) throws Exception {
        List<String> reports = new ArrayList<>();
        for (ConsumerRecord<String, String> record : recommendations.poll()) {
            if (person.equals(record.key())) {
                reports.add(JSON.readTree(record.value()).path("data").path("reportId").asText());
            }
        }
        return reports;
    }

    private UUID send(TopicWriter writer) throws Exception {
        UUID reportId = UUID.randomUUID();
        writer.send("symptom-reports", person, JSON.writeValueAsString(Reports.deskWorker(reportId, person)));
        return reportId;
    }

    private io.restassured.response.ValidatableResponse recommendation(UUID report) {
        return given().auth().oauth2(TestTokens.token(person, "user"))
                .get("/api/v1/symptom-reports/" + report + "/recommendation").then();
    }
}
