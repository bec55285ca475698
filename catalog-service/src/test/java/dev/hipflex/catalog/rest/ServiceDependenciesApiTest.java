package dev.hipflex.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.catalog.domain.Content.Protocol;
import dev.hipflex.catalog.domain.Content.ProtocolPhase;
import dev.hipflex.catalog.service.ContentBundleReader;
import dev.hipflex.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Editors cannot take away what triage and tracking depend on (ServiceDependencies): the 409 names each service,
 * item and reason. Everything else stays theirs to change.
 */
@QuarkusTest
class ServiceDependenciesApiTest {

    private static final String EDITOR = TestTokens.token("editor-dee", "editor");
    private static final String PROTOCOL = "complete-release-protocol";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void deletingTheCompleteReleaseProtocolIsRefusedNamingTriageAndTracking() {
        given().auth().oauth2(EDITOR).delete("/api/v1/protocols/" + PROTOCOL).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", allOf(containsString("triage-service"), containsString("tracking-service")))
                .body("errors.field", hasItem("protocols/" + PROTOCOL))
                .body("errors.message", hasItems(
                        allOf(containsString("triage-service"), containsString("builds every self-care plan")),
                        allOf(containsString("tracking-service"), containsString("schedule"))));
        given().get("/api/v1/protocols/" + PROTOCOL).then().statusCode(200);
    }

    @Test
    void deletingAnExerciseTheProtocolPrescribesIsRefusedNamingTriage() {
        given().auth().oauth2(EDITOR).delete("/api/v1/exercises/couch-stretch").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("triage-service"))
                .body("errors.field", hasItem("exercises/couch-stretch"))
                .body("errors.message", hasItem(allOf(containsString("triage-service"),
                        containsString("phase 'stretch' of protocols/" + PROTOCOL), containsString("missing"))));
        given().get("/api/v1/exercises/couch-stretch").then().statusCode(200);
    }

    @Test
    void deletingARedFlagATriageRuleLinksToIsRefused() {
        given().auth().oauth2(EDITOR).delete("/api/v1/red-flags/pain-changes-how-you-walk").then().statusCode(409)
                .body("errors.message", hasItem(allOf(containsString("triage-service"), containsString("RF-GAIT"))));
    }

    @Test
    void renamingAPhaseTrackingNamesIsRefusedButOtherProtocolChangesAreNot() throws Exception {
        Protocol stored = ContentBundleReader.read().protocols().stream().filter(p -> p.slug().equals(PROTOCOL))
                .findFirst().orElseThrow();
        List<ProtocolPhase> phases = new ArrayList<>(stored.phases());
        ProtocolPhase stretch = phases.get(1);
        phases.set(1, new ProtocolPhase(stretch.order(), "lengthen", stretch.title(), stretch.category(),
                stretch.minutes(), stretch.summary(), stretch.items()));
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(JSON.writeValueAsString(withPhases(stored, phases)))
                .put("/api/v1/protocols/" + PROTOCOL).then().statusCode(409)
                .body("errors.field", hasItem("protocols/" + PROTOCOL))
                .body("errors.message", hasItem(allOf(containsString("tracking-service"),
                        containsString("has no phase 'stretch'"))));
        given().get("/api/v1/protocols/" + PROTOCOL).then().body("phases.slug", hasItem("stretch"));

        Protocol renotes = new Protocol(stored.slug(), stored.title(), stored.kind(), stored.summary(),
                stored.totalMinutes(), stored.schedule(), stored.phases(), List.of("Short daily sessions beat one long one."),
                stored.sources());
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(JSON.writeValueAsString(renotes))
                .put("/api/v1/protocols/" + PROTOCOL).then().statusCode(200);
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(JSON.writeValueAsString(stored))
                .put("/api/v1/protocols/" + PROTOCOL).then().statusCode(200);
    }

    @Test
    void anExerciseNoServiceNeedsCanStillBeDeleted() {
        String slug = "dependency-free-stretch";
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(ExerciseEditorApiTest.exercise(slug))
                .post("/api/v1/exercises").then().statusCode(201);
        given().auth().oauth2(EDITOR).delete("/api/v1/exercises/" + slug).then().statusCode(204);
        given().get("/api/v1/exercises/" + slug).then().statusCode(404);
    }

    private static Protocol withPhases(Protocol p, List<ProtocolPhase> phases) {
        return new Protocol(p.slug(), p.title(), p.kind(), p.summary(), p.totalMinutes(), p.schedule(), phases,
                p.notes(), p.sources());
    }
}
