package dev.hipflex.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class ExerciseApiTest {

    @Test
    void listsEveryExercisePagedByTwentyWithATotal() {
        given().get("/api/v1/exercises").then().statusCode(200)
                .body("total", equalTo(20))
                .body("limit", equalTo(20))
                .body("offset", equalTo(0))
                .body("items", hasSize(20))
                .body("nextOffset", equalTo(null));
    }

    @ParameterizedTest
    @CsvSource({ "release,4", "stretch,6", "strengthen,7", "mobility,3" })
    void filtersByCategory(String category, int count) {
        given().queryParam("category", category).get("/api/v1/exercises").then().statusCode(200)
                .body("total", equalTo(count))
                .body("items.category", everyItem(equalTo(category)));
    }

    @Test
    void excludingPregnancyLeavesOutThePsoasBallRelease() {
        given().queryParam("excludeContraindication", "pregnancy").get("/api/v1/exercises").then().statusCode(200)
                .body("items.slug", not(hasItem("lacrosse-ball-psoas-release")))
                .body("items.contraindications.flatten().condition", not(hasItem("pregnancy")))
                .body("total", equalTo(19));
    }

    @Test
    void filtersCombine() {
        given().queryParam("category", "stretch").queryParam("acuteSafe", "true").get("/api/v1/exercises")
                .then().statusCode(200)
                .body("items.slug", hasItem("supine-passive-hip-flexor-stretch"))
                .body("items.slug", not(hasItem("couch-stretch")))
                .body("items.acuteSafe", everyItem(equalTo(true)));
        given().queryParam("targetMuscle", "tensor-fasciae-latae").queryParam("equipment", "foam-roller")
                .get("/api/v1/exercises").then().statusCode(200)
                .body("items.slug", hasItem("tfl-foam-roll"))
                .body("items.equipment", everyItem(hasItem("foam-roller")));
        given().queryParam("targetMuscle", "gluteus-maximus").get("/api/v1/exercises").then().statusCode(200)
                .body("items.slug", hasItems("glute-bridge-hold", "banded-standing-hip-extension",
                        "single-leg-glute-bridge", "hip-thrust"));
    }

    @Test
    void searchesFreeTextWithTheBestMatchFirst() {
        given().queryParam("q", "couch").get("/api/v1/exercises").then().statusCode(200)
                .body("items[0].slug", equalTo("couch-stretch"));
        given().queryParam("q", "lacrosse psoas").get("/api/v1/exercises").then().statusCode(200)
                .body("items[0].slug", equalTo("lacrosse-ball-psoas-release"));
        given().queryParam("q", "zebra-crossing").get("/api/v1/exercises").then().statusCode(200)
                .body("total", equalTo(0)).body("items", hasSize(0));
    }

    @Test
    void pagesAreStableAndCoverEveryExerciseOnce() {
        List<String> seen = new ArrayList<>();
        Integer offset = 0;
        while (offset != null) {
            Response page = given().queryParam("limit", 5).queryParam("offset", offset).queryParam("sort", "category")
                    .get("/api/v1/exercises");
            page.then().statusCode(200).body("total", equalTo(20));
            seen.addAll(page.path("items.slug"));
            offset = page.path("nextOffset");
        }
        assertThat(seen).hasSize(20).doesNotHaveDuplicates();
        List<String> again = given().queryParam("limit", 100).queryParam("sort", "category").get("/api/v1/exercises")
                .path("items.slug");
        assertThat(seen).containsExactlyElementsOf(again);
    }

    @Test
    void sortsByTitleBothWays() {
        List<String> up = given().queryParam("sort", "title").get("/api/v1/exercises").path("items.title");
        List<String> down = given().queryParam("sort", "-title").get("/api/v1/exercises").path("items.title");
        assertThat(up).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        List<String> reversed = new ArrayList<>(up);
        java.util.Collections.reverse(reversed);
        assertThat(down).containsExactlyElementsOf(reversed);
    }

    @Test
    void getsOneExerciseWithEverythingAClientShows() {
        given().get("/api/v1/exercises/lacrosse-ball-psoas-release").then().statusCode(200)
                .body("slug", equalTo("lacrosse-ball-psoas-release"))
                .body("category", equalTo("release"))
                .body("steps.size()", org.hamcrest.Matchers.greaterThan(3))
                .body("dose.perSide", equalTo(true))
                .body("contraindications.condition", hasItems("pregnancy", "abdominal-condition"))
                .body("acuteSafe", equalTo(false))
                .body("whyItWorks", notNullValue())
                .body("sources", hasItem("release-tight-hips-guide"));
    }

    @Test
    void anExerciseShowsWhatAnAdaptingPlanMayStep() {
        given().get("/api/v1/exercises/glute-bridge-hold").then().statusCode(200)
                .body("doseSteps.variable", org.hamcrest.Matchers.contains("reps", "sets"))
                .body("doseSteps[0].range.min", equalTo(8))
                .body("doseSteps[0].range.max", equalTo(16))
                .body("doseSteps[0].step", equalTo(2))
                .body("doseSteps[0].sources", hasItem("general-clinical-guidance"));
        given().get("/api/v1/exercises/couch-stretch").then().statusCode(200)
                .body("regressions", org.hamcrest.Matchers.contains("half-kneeling-hip-flexor-stretch",
                        "supine-passive-hip-flexor-stretch"));
    }

    @ParameterizedTest
    @CsvSource({
            "limit,0", "limit,101", "limit,ten", "offset,-1", "category,yoga", "acuteSafe,maybe",
            "sort,popularity", "excludeContraindication,headache", "equipment,kettlebell" })
    void badParametersAreNamedInAProblem(String parameter, String value) {
        given().queryParam(parameter, value).get("/api/v1/exercises").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(parameter));
    }

    @Test
    void everyBadParameterIsNamedAtOnce() {
        given().queryParam("limit", 1000).queryParam("category", "yoga").get("/api/v1/exercises").then().statusCode(400)
                .body("errors.field", hasItems("limit", "category"));
    }

    @Test
    void anUnknownSlugIsA404Problem() {
        given().get("/api/v1/exercises/handstand").then().statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Not found"))
                .body("detail", containsString("handstand"))
                .body("instance", equalTo("/api/v1/exercises/handstand"));
    }

    @Test
    void responsesCarryValidatorsAndRevalidateWith304() {
        Response first = given().get("/api/v1/exercises/couch-stretch");
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.header("Cache-Control")).contains("max-age=60");
        given().header("If-None-Match", etag).get("/api/v1/exercises/couch-stretch").then().statusCode(304)
                .header("ETag", etag);
        given().header("If-None-Match", etag).queryParam("category", "stretch").get("/api/v1/exercises").then()
                .statusCode(304);
        given().header("If-None-Match", "\"stale\"").get("/api/v1/exercises/couch-stretch").then().statusCode(200);
    }
}
