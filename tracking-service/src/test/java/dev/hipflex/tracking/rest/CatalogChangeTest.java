package dev.hipflex.tracking.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalTime;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.hipflex.testsupport.CatalogStub;
import dev.hipflex.testsupport.EventContracts;
import dev.hipflex.testsupport.ReadinessChecks;
import dev.hipflex.testsupport.TopicWriter;
import dev.hipflex.tracking.service.CatalogTerms;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Running tracking takes catalog changes once catalog-service announces them on {@code catalog-updates}, and keeps
 * its last good terms when the catalog offered lacks what it measures with. catalog-service is the test-support
 * stub, changed over its HTTP side door as a release or an edit would change the real one.
 */
@QuarkusTest
class CatalogChangeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PROTOCOL_PATH = "/api/v1/protocols/" + CatalogTerms.PROTOCOL;

    @Inject
    CatalogTerms terms;

    @AfterEach
    void catalogAsItWas() throws Exception {
        CatalogStub.reset();
        announceCatalogChange();
        await().atMost(WAIT).until(() -> dailyWeeks() == 2 && terms.rejected() == null);
    }

    @Test
    void aScheduleChangedInAReleaseReachesRunningTrackingOnceAnnounced() throws Exception {
        assertThat(dailyWeeks()).isEqualTo(2);
        ObjectNode protocol = fixture();
        protocol.withObject("/schedule").put("dailyForWeeks", 1);
        CatalogStub.change("PUT", PROTOCOL_PATH, protocol.toString());

        announceCatalogChange();

        await().atMost(WAIT).until(() -> dailyWeeks() == 1);
    }

    @Test
    void aProtocolWithoutItsScheduleLeavesTheLastGoodTermsInUseAndSessionsRecorded() throws Exception {
        PlanFixture person = new PlanFixture(3);
        person.record(person.session(0, LocalTime.of(7, 30)));
        ObjectNode protocol = fixture();
        protocol.remove("schedule");
        CatalogStub.change("PUT", PROTOCOL_PATH, protocol.toString());

        announceCatalogChange();
        await().atMost(WAIT).until(() -> catalogHealth().path("data").path("degraded").asBoolean());

        JsonNode health = catalogHealth();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("data").path("reason").asText())
                .contains("protocol complete-release-protocol has no complete schedule");
        given().get("/q/health/ready").then().statusCode(200);
        person.record(person.session(1, LocalTime.of(7, 30)));
        given().auth().oauth2(person.token).get("/api/v1/me/adherence").then().statusCode(200);
        assertThat(dailyWeeks()).isEqualTo(2);
    }

    private int dailyWeeks() {
        return terms.get().await().atMost(WAIT).schedule().dailyForWeeks();
    }

    private static JsonNode catalogHealth() throws Exception {
        return ReadinessChecks.check("Catalog terms");
    }


    private static void announceCatalogChange() {
        try (TopicWriter writer = new TopicWriter()) {
            writer.send("catalog-updates", "some-exercise", EventContracts.example("catalog-updates"));
        }
    }

    private static ObjectNode fixture() throws Exception {
        try (InputStream in = CatalogChangeTest.class.getClassLoader()
                .getResourceAsStream("catalog-fixture/protocols-complete-release-protocol.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }
}
