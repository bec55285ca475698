package dev.hipflex.triage.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.testsupport.JwtKeysResource;
import dev.hipflex.testsupport.KafkaBrokerResource;
import dev.hipflex.testsupport.PostgresDatabaseResource;
import dev.hipflex.testsupport.TestTokens;
import dev.hipflex.testsupport.TopicReader;
import dev.hipflex.testsupport.TopicWriter;
import dev.hipflex.testsupport.CatalogStub;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The catalog is down when reports arrive: they wait (not ready, nothing dead-lettered) and are
 * processed once the catalog answers.
 */
@QuarkusTest
@TestProfile(CatalogOutageTest.CatalogDown.class)
class CatalogOutageTest {

    static final int CATALOG_PORT = CatalogStub.freePort();

    /** The usual real servers, but a catalog address where nothing answers yet. */
    public static class CatalogDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.catalog.url", "http://127.0.0.1:" + CATALOG_PORT);
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresDatabaseResource.class),
                    new TestResourceEntry(KafkaBrokerResource.class), new TestResourceEntry(JwtKeysResource.class));
        }
    }

    @Test
    void reportsWaitForTheCatalogAndAreNeitherLostNorDeadLettered() throws Exception {
        String person = "person-" + UUID.randomUUID();
        UUID reportId = UUID.randomUUID();
        try (TopicWriter writer = new TopicWriter(); TopicReader dlq = new TopicReader("symptom-reports-dlq")) {
            writer.send("symptom-reports", person, new ObjectMapper().writeValueAsString(Reports.deskWorker(reportId, person)));
            // Readiness stays DOWN while there is no snapshot, for as long as we care to look.
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503));
            given().auth().oauth2(TestTokens.token(person, "user"))
                    .get("/api/v1/symptom-reports/" + reportId + "/recommendation").then().statusCode(404);

            CatalogStub catalog = CatalogStub.start(CATALOG_PORT);
            try {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.token(person, "user"))
                        .get("/api/v1/symptom-reports/" + reportId + "/recommendation").then().statusCode(200)
                        .body("reportId", equalTo(reportId.toString())));
                given().get("/q/health/ready").then().statusCode(200);
            } finally {
                catalog.stop();
            }
            assertThat(dlq.poll()).noneMatch(r -> person.equals(r.key()));
        }
    }
}
