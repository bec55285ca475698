package dev.hipflex.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hipflex.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Editors change the other kinds through the same checks as exercises. */
@QuarkusTest
class ContentEditorApiTest {

    private static final String EDITOR = TestTokens.token("editor-ben", "editor");

    @Test
    void anEditorCreatesAndReplacesAGuidanceItem() {
        Map<String, Object> item = new HashMap<>(Map.of(
                "slug", "standing-desk-timer",
                "title", "Use a timer at your desk",
                "summary", "A reminder every hour makes movement breaks happen.",
                "topic", "workspace",
                "points", List.of("Set a repeating 60-minute timer.", "Stand and stretch when it rings."),
                "sources", List.of("release-tight-hips-guide")));
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(item).post("/api/v1/guidance").then()
                .statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/v1/guidance/standing-desk-timer"));
        given().get("/api/v1/guidance").then().body("items.slug", hasItem("standing-desk-timer"));

        item.put("title", "Let a timer remind you to move");
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(item)
                .put("/api/v1/guidance/standing-desk-timer").then().statusCode(200);
        given().get("/api/v1/guidance/standing-desk-timer").then().statusCode(200)
                .body("title", equalTo("Let a timer remind you to move"));

        given().auth().oauth2(EDITOR).delete("/api/v1/guidance/standing-desk-timer").then().statusCode(204);
        given().get("/api/v1/guidance/standing-desk-timer").then().statusCode(404);
    }

    @Test
    void aConditionThatARedFlagNamesCannotBeDeleted() {
        given().auth().oauth2(EDITOR).delete("/api/v1/conditions/labral-tear").then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(startsWith("red-flags/")));
        given().get("/api/v1/conditions/labral-tear").then().statusCode(200);
    }

    @Test
    void kindSpecificFieldsAreValidatedAndNamed() {
        Map<String, Object> flag = Map.of(
                "slug", "new-flag", "title", "A new flag", "summary", "s", "whatToDo", "See someone.",
                "possibleConditions", List.of("broken-hip"), "sources", List.of("release-tight-hips-guide"));
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(flag).post("/api/v1/red-flags").then()
                .statusCode(400).body("errors.field", hasItem("possibleConditions[0]"));
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(Map.of("slug", "x", "colour", "red"))
                .post("/api/v1/muscles").then().statusCode(400).body("errors.field", hasItem("colour"));
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body("[1, 2]").post("/api/v1/causes").then()
                .statusCode(400).body("errors.field", hasItem("body"));
        given().get("/api/v1/red-flags").then().body("items.slug", not(hasItem("new-flag")));
    }

    @Test
    void sourcesAreNotEditableAndReadersCannotWrite() {
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(Map.of("slug", "x"))
                .post("/api/v1/sources").then().statusCode(405).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("reader", "user")).delete("/api/v1/muscles/psoas-major").then()
                .statusCode(403);
        given().get("/api/v1/muscles/psoas-major").then().statusCode(200);
    }
}
