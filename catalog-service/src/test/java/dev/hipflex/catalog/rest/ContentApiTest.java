package dev.hipflex.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ContentApiTest {

    @ParameterizedTest
    @CsvSource({ "muscles,5", "conditions,4", "red-flags,6", "common-mistakes,6", "protocols,3" })
    void servesEachKindWithItsCount(String path, int count) {
        given().get("/api/v1/" + path).then().statusCode(200)
                .body("total", equalTo(count))
                .body("items", hasSize(count))
                .body("items.sources", everyItem(not(hasSize(0))));
    }

    @Test
    void servesTheRestOfTheInventory() {
        given().get("/api/v1/causes").then().statusCode(200)
                .body("items.slug", hasItems("prolonged-sitting", "muscle-imbalance", "raised-heels"));
        given().get("/api/v1/symptoms").then().statusCode(200)
                .body("items.type", hasItems("local", "referred", "performance", "runner-sign"));
        given().get("/api/v1/guidance").then().statusCode(200)
                .body("items.topic", hasItems("relief", "after-run", "hydration", "gait", "workspace"));
        given().get("/api/v1/references").then().statusCode(200)
                .body("items.doi", hasItem("10.1519/jsc.0000000000002586"));
        given().get("/api/v1/sources").then().statusCode(200).body("total", equalTo(5));
    }

    @Test
    void aMuscleSaysWhereItRefersPain() {
        given().get("/api/v1/muscles/psoas-major").then().statusCode(200)
                .body("painReferral.areas", hasItems("groin", "low-back"))
                .body("origin", notNullValue())
                .body("insertion", notNullValue());
        given().get("/api/v1/muscles/iliacus").then().statusCode(200)
                .body("sources", hasItem("general-clinical-guidance"))
                .body("generalGuidance", hasItems("origin", "insertion", "painReferral"));
    }

    @Test
    void aProtocolComesWithItsPhasesAndTheirExercisesResolved() {
        given().get("/api/v1/protocols/complete-release-protocol").then().statusCode(200)
                .body("phases.slug", contains("release", "stretch", "strengthen"))
                .body("phases.minutes", contains(8, 5, 10))
                .body("schedule.dailyForWeeks", equalTo(2))
                .body("schedule.thenSessionsPerWeek.min", equalTo(3))
                .body("phases[0].items[0].exercise.slug", equalTo("foam-roll-quads-rectus-femoris"))
                .body("phases[0].items[0].exercise.title", notNullValue())
                .body("phases[0].items[0].dose", notNullValue())
                .body("phases[1].items.alternatives.flatten().slug", hasItem("supine-passive-hip-flexor-stretch"));
        given().get("/api/v1/protocols/runners-warm-up").then().statusCode(200)
                .body("phases.size()", equalTo(5));
        given().get("/api/v1/protocols/movement-breaks").then().statusCode(200)
                .body("phases[0].items.exercise.slug", hasItem("standing-hip-flexor-stretch"));
    }

    @Test
    void theTimelineHasFourStagesCoveringTwelveWeeks() {
        given().get("/api/v1/recovery-timeline").then().statusCode(200)
                .body("stages", hasSize(4))
                .body("stages[0].fromDay", equalTo(1))
                .body("stages[3].toDay", equalTo(84));
    }

    @Test
    void redFlagsNameTheConditionsTheyMayPointTo() {
        given().get("/api/v1/red-flags/clicking-catching-or-locking").then().statusCode(200)
                .body("possibleConditions.slug", hasItem("labral-tear"))
                .body("possibleConditions[0].title", notNullValue());
    }

    @Test
    void theRootCauseChecklistIsInOrder() {
        List<Integer> orders = given().get("/api/v1/root-cause-checklist").then().statusCode(200)
                .body("steps[0].slug", equalTo("running-shoes"))
                .extract().path("steps.order");
        assertThat(orders).isSorted().startsWith(1);
    }

    @Test
    void theSymptomCheckServesItsStepsAndTheWordingOfEachReportWord() {
        String etag = given().get("/api/v1/symptom-check").then().statusCode(200)
                .body("steps.slug", hasItems("where-it-hurts", "warning-signs", "about-you"))
                .body("steps[0].fields", contains("painLocations", "side"))
                .body("questions.find { it.field == 'painLocations' }.label", equalTo("Where it hurts"))
                .body("questions.find { it.field == 'painLocations' }.answers.'front-of-hip'", equalTo("Front of the hip"))
                .body("questions.find { it.field == 'screening.groinLump' }.answers.'stays-out'", notNullValue())
                .extract().header("ETag");
        String version = given().get("/api/v1/catalog/version").then().extract().path("version");
        assertThat(etag).isEqualTo('"' + version + '"');
        given().header("If-None-Match", etag).get("/api/v1/symptom-check").then().statusCode(304);
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/symptom-check'.get.responses.'200'.content.'application/json'.schema", notNullValue());
    }

    @Test
    void theVersionIsDerivedFromTheDataAndCountsEachKind() {
        Map<String, Integer> counts = given().get("/api/v1/catalog/version").then().statusCode(200)
                .body("version", matchesPattern("[0-9a-f]{16}"))
                .extract().path("counts");
        assertThat(counts).containsEntry("exercises", 20).containsEntry("muscles", 5).containsEntry("red-flags", 6)
                .containsEntry("symptom-check", 1);
    }

    @Test
    void anUnknownSlugOrPathIsA404Problem() {
        given().get("/api/v1/muscles/biceps").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }
}
