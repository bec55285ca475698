package dev.hipflex.triage.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.hipflex.testsupport.CatalogStub;
import dev.hipflex.testsupport.EventContracts;
import dev.hipflex.testsupport.ReadinessChecks;
import dev.hipflex.testsupport.TestTokens;
import dev.hipflex.testsupport.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The catalog is the source of contraindications: when an editor adds one and catalog-service announces the change
 * on {@code catalog-updates}, triage refreshes its snapshot and the next recommendations leave that exercise out.
 * catalog-service is the test-support stub, changed over its HTTP side door as an edit would change the real one.
 */
@QuarkusTest
class CatalogRefreshTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String FIXTURE_VERSION = "d0d8e055a9dc8508";
    private static final String EDITED_VERSION = "edited-0000000001";
    private static final String UNUSABLE_VERSION = "unusable-00000001";

    private final String person = "p-" + UUID.randomUUID();
    private final String token = TestTokens.token(person, "user");

    @AfterEach
    void catalogAsItWas() throws Exception {
        CatalogStub.reset();
        announceCatalogChange();
        await().atMost(WAIT).until(() -> recommend().path("catalogVersion").asText(), FIXTURE_VERSION::equals);
        await().atMost(WAIT).until(() -> !catalogHealth().path("data").path("degraded").asBoolean());
    }

    @Test
    void aContraindicationAddedInTheCatalogIsHonouredOnceTheChangeIsAnnounced() throws Exception {
        JsonNode before = recommend();
        assertThat(before.path("catalogVersion").asText()).isEqualTo(FIXTURE_VERSION);
        String prescribed = prescribed(before).get(0);

        // An editor rules the exercise out for people whose low back hurts (the report's low-back pain).
        ObjectNode exercises = (ObjectNode) fixture("exercises.json");
        for (JsonNode exercise : exercises.withArray("items")) {
            if (exercise.path("slug").asText().equals(prescribed)) {
                ((ObjectNode) exercise).withArray("contraindications").addObject().put("condition", "low-back-pain")
                        .put("reason", "Added by an editor in this test.");
            }
        }
        ObjectNode version = (ObjectNode) fixture("catalog-version.json");
        version.put("version", EDITED_VERSION);
        CatalogStub.change("PUT", "/api/v1/exercises", exercises.toString());
        CatalogStub.change("PUT", "/api/v1/catalog/version", version.toString());
        // Nothing changes until the change is announced: triage does not poll the catalog.
        assertThat(recommend().path("catalogVersion").asText()).isEqualTo(FIXTURE_VERSION);

        announceCatalogChange();
        JsonNode after = await().atMost(WAIT).until(this::recommend,
                r -> r.path("catalogVersion").asText().equals(EDITED_VERSION));

        assertThat(prescribed(after)).doesNotContain(prescribed);
        assertThat(after.path("excluded").findValuesAsText("exercise")).contains(prescribed);
        assertThat(after.path("excluded").toString()).contains("Added by an editor in this test.");
    }

    /**
     * A catalog without the complete release protocol (say an editor's change slipped past catalog-service) is not
     * taken: reports keep their recommendations from the last good snapshot, and readiness stays UP, marked degraded
     * with the version refused and what it lacks.
     */
    @Test
    void aCatalogWithoutTheCompleteReleaseProtocolLeavesTheLastGoodSnapshotInUse() throws Exception {
        ObjectNode protocols = (ObjectNode) fixture("protocols.json");
        var items = protocols.withArray("items");
        for (int i = items.size() - 1; i >= 0; i--) {
            if (items.get(i).path("slug").asText().equals("complete-release-protocol")) {
                items.remove(i);
            }
        }
        protocols.put("total", items.size());
        ObjectNode version = (ObjectNode) fixture("catalog-version.json");
        version.put("version", UNUSABLE_VERSION);
        CatalogStub.change("PUT", "/api/v1/protocols", protocols.toString());
        CatalogStub.change("PUT", "/api/v1/catalog/version", version.toString());

        announceCatalogChange();
        await().atMost(WAIT).until(() -> catalogHealth().path("data").path("degraded").asBoolean());

        JsonNode health = catalogHealth();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("data").path("contentVersion").asText()).isEqualTo(FIXTURE_VERSION);
        assertThat(health.path("data").path("rejectedVersion").asText()).isEqualTo(UNUSABLE_VERSION);
        assertThat(health.path("data").path("reason").asText()).contains("complete-release-protocol is missing");
        given().get("/q/health/ready").then().statusCode(200);

        JsonNode recommendation = recommend();
        assertThat(recommendation.path("catalogVersion").asText()).isEqualTo(FIXTURE_VERSION);
        assertThat(recommendation.path("plan").path("protocol").asText()).isEqualTo("complete-release-protocol");
        assertThat(prescribed(recommendation)).isNotEmpty();
    }

    private static JsonNode catalogHealth() throws Exception {
        return ReadinessChecks.check("Catalog snapshot");
    }


    /** Sends a fresh desk-worker report and waits for its recommendation. */
    private JsonNode recommend() throws Exception {
        UUID reportId = UUID.randomUUID();
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Reports.deskWorker(reportId, null))
                .post("/api/v1/symptom-reports").then().statusCode(202);
        String body = await().atMost(WAIT).until(() -> {
            var response = given().auth().oauth2(token).get("/api/v1/symptom-reports/" + reportId + "/recommendation");
            return response.statusCode() == 200 ? response.asString() : null;
        }, b -> b != null);
        return JSON.readTree(body);
    }

    /** The catalog exercises the plan prescribes, in order. */
    private static List<String> prescribed(JsonNode recommendation) {
        List<String> slugs = new ArrayList<>();
        for (JsonNode phase : recommendation.path("plan").path("phases")) {
            for (JsonNode item : phase.path("items")) {
                if (item.hasNonNull("exercise")) {
                    slugs.add(item.path("exercise").asText());
                }
            }
        }
        assertThat(slugs).isNotEmpty();
        return slugs;
    }

    private static void announceCatalogChange() {
        try (TopicWriter writer = new TopicWriter()) {
            writer.send("catalog-updates", "some-exercise", EventContracts.example("catalog-updates"));
        }
    }

    private static JsonNode fixture(String file) throws Exception {
        try (InputStream in = CatalogRefreshTest.class.getClassLoader().getResourceAsStream("catalog-fixture/" + file)) {
            return JSON.readTree(in);
        }
    }
}
