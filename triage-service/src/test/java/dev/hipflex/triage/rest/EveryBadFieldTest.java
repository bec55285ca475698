package dev.hipflex.triage.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.hipflex.testsupport.SymptomReports;
import dev.hipflex.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A report with several bad fields gets one problem naming each of them, the words that cannot be read among them,
 * so that the app can mark every field at once; and nothing of it is recorded.
 */
@QuarkusTest
class EveryBadFieldTest {

    @Test
    void anUnknownWordAndAnIntensityOutOfRangeAreBothNamed() {
        String person = "person-" + UUID.randomUUID();
        String token = TestTokens.token(person, "user");
        UUID reportId = UUID.randomUUID();
        Map<String, Object> report = Reports.deskWorker(reportId, null);
        report.put("painLocations", List.of("elbow"));
        report.put("intensity", 14);

        given().auth().oauth2(token).contentType(ContentType.JSON).body(report).post("/api/v1/symptom-reports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("painLocations[0]", "intensity"))
                .body("errors.find { it.field == 'painLocations[0]' }.message", containsString("'elbow' is not one of: front-of-hip"))
                .body("errors.find { it.field == 'intensity' }.message", equalTo("must be from 0 to 10"));

        given().auth().oauth2(token).get("/api/v1/symptom-reports/" + reportId + "/recommendation").then().statusCode(404);
    }

    @Test
    void unknownWordsInSeveralFieldsAnUnknownFieldAndAMissingFieldAreAllNamed() {
        String token = TestTokens.token("person-" + UUID.randomUUID(), "user");
        Map<String, Object> report = Reports.deskWorker(UUID.randomUUID(), null);
        report.put("side", "middle");
        report.put("qualities", List.of("dull-ache", "itchy"));
        report.put("favouriteColour", "green");
        report.put("reportedAt", "yesterday");
        report.remove("onset");

        given().auth().oauth2(token).contentType(ContentType.JSON).body(report).post("/api/v1/symptom-reports")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("side", "qualities[1]", "favouriteColour", "reportedAt", "onset"))
                .body("errors.message", hasItems("is not a known field", "is required"));
    }

    @Test
    void aReportWithOnlyAnUnknownWordIsRefusedToo() {
        String token = TestTokens.token("person-" + UUID.randomUUID(), "user");
        Map<String, Object> report = Reports.deskWorker(UUID.randomUUID(), null);
        report.put("onset", "last-tuesday");

        given().auth().oauth2(token).contentType(ContentType.JSON).body(report).post("/api/v1/symptom-reports")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("onset"))
                .body("errors.message", hasItem(containsString("'last-tuesday' is not one of: gradual, sudden-during-exercise")));
    }

    @Test
    void aNewReportWithTheOldNightPainWordIsRefusedAndPointedToTheTwoQuestions() {
        String token = TestTokens.token("person-" + UUID.randomUUID(), "user");
        UUID reportId = UUID.randomUUID();
        Map<String, Object> report = Reports.deskWorker(reportId, null);
        report.put("warningSigns", List.of("night-or-rest-pain"));

        given().auth().oauth2(token).contentType(ContentType.JSON).body(report).post("/api/v1/symptom-reports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("warningSigns"))
                .body("errors[0].message", containsString("'night-or-rest-pain' is no longer asked"))
                .body("errors[0].message", containsString("screening.painOnlyWhenLyingOnIt"))
                .body("errors[0].message", containsString("screening.constantPainDayAndNight"));
        given().auth().oauth2(token).get("/api/v1/symptom-reports/" + reportId + "/recommendation").then().statusCode(404);
    }

    @Test
    void aNewReportWithoutTheScreeningAnswersNamesEveryMissingOne() {
        String token = TestTokens.token("person-" + UUID.randomUUID(), "user");
        Map<String, Object> report = Reports.deskWorker(UUID.randomUUID(), null);
        report.remove("age");
        report.put("weeksOfConsistentWork", 5);
        report.put("profile", Map.of("runner", false, "deskWorker", true, "hoursSittingPerDay", 9,
                "wearsRaisedHeels", false));
        Map<String, Object> screening = SymptomReports.noScreeningFindings();
        screening.remove("caudaEquinaSigns");
        screening.remove("constantPainDayAndNight");
        screening.put("pregnancy", "pregnant");
        screening.put("groinLump", "none");
        screening.put("groinLumpSigns", List.of("pulses"));
        report.put("screening", screening);

        given().auth().oauth2(token).contentType(ContentType.JSON).body(report).post("/api/v1/symptom-reports")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("age", "startingIntensity", "profile.wantsDeepPsoasRelease",
                        "screening.caudaEquinaSigns", "screening.constantPainDayAndNight", "screening.pregnancyWeeks",
                        "screening.groinLumpSigns"));

        report.remove("screening");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(report).post("/api/v1/symptom-reports")
                .then().statusCode(400).body("errors.field", hasItem("screening"));
    }
}
