package dev.hipflex.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * triage-service and tracking-service test against the catalog's REST answers captured as files
 * ({@code src/test/resources/catalog-fixture/}, read by their CatalogFixture and test-support's CatalogStub). This
 * test serves the catalog's content and checks that every captured answer is what the catalog serves now, so that a
 * content change (a new exercise, a new field) cannot leave the other services testing against an old catalog. It
 * writes the answers to {@code target/catalog-fixture/}: copy them over the fixtures to record a change.
 */
@QuarkusTest
class CatalogFixturesTest {

    /** Each fixture file and the path it captures (CatalogStub's convention: /api/v1/a/b is a-b.json). */
    private static final Map<String, String> TRIAGE = Map.of(
            "exercises.json", "/api/v1/exercises?limit=100",
            "protocols.json", "/api/v1/protocols",
            "muscles.json", "/api/v1/muscles",
            "red-flags.json", "/api/v1/red-flags",
            "root-cause-checklist.json", "/api/v1/root-cause-checklist",
            "catalog-version.json", "/api/v1/catalog/version");

    private static final String VERSION = "catalog-version.json";

    private static final Map<String, String> TRACKING = Map.of(
            "exercises.json", "/api/v1/exercises?limit=100",
            "protocols-complete-release-protocol.json", "/api/v1/protocols/complete-release-protocol",
            "recovery-timeline.json", "/api/v1/recovery-timeline");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theOtherServicesFixturesAreWhatTheCatalogServes() throws IOException {
        List<String> stale = new ArrayList<>();
        stale.addAll(compare("triage-service", TRIAGE));
        stale.addAll(compare("tracking-service", TRACKING));
        assertThat(stale).as("stale fixtures; the catalog's answers are in catalog-service/target/catalog-fixture/")
                .isEmpty();
    }

    private static List<String> compare(String service, Map<String, String> fixtures) throws IOException {
        List<String> stale = new ArrayList<>();
        Path written = Path.of("target/catalog-fixture", service);
        Files.createDirectories(written);
        for (Map.Entry<String, String> fixture : fixtures.entrySet()) {
            JsonNode served = JSON.readTree(given().get(fixture.getValue()).then().statusCode(200).extract()
                    .asString());
            Files.writeString(written.resolve(fixture.getKey()),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n", StandardCharsets.UTF_8);
            if (fixture.getKey().equals(VERSION)) {
                // A hash of the whole content, which the editor tests change while they run: written, not compared.
                continue;
            }
            Path recorded = Path.of("..", service, "src/test/resources/catalog-fixture", fixture.getKey());
            JsonNode captured = Files.exists(recorded) ? JSON.readTree(recorded.toFile()) : null;
            if (!served.equals(captured)) {
                stale.add(service + "/" + fixture.getKey());
            }
        }
        return stale;
    }
}
