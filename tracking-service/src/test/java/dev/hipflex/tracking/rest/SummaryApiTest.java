package dev.hipflex.tracking.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.testsupport.TestTokens;
import dev.hipflex.testsupport.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * GET /me/summary over REST, for two people whose recommendations came as real events and whose check-ins were
 * recorded over REST: each sees only their own data, in the form their Accept asks for.
 */
@QuarkusTest
class SummaryApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    // The first summary builds HAPI's R4 context (seconds on a busy machine): the first wait allows for it.
    static final Duration WAIT = Duration.ofSeconds(90);

    /** A person with a recommendation (its rule and level given), a plan made from it, and one check-in. */
    record Person(String id, String token) {

        static Person recommended(String level, String rule, String because, int pain) throws Exception {
            String id = "p-" + UUID.randomUUID();
            Person person = new Person(id, TestTokens.token(id, "user"));
            Instant at = Instant.now().minus(3, ChronoUnit.DAYS);
            try (TopicWriter writer = new TopicWriter()) {
                writer.send("recommendations", id, event(id, level, rule, because, at));
            }
            await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(person.token).accept("application/fhir+json")
                    .get("/api/v1/me/summary").then().statusCode(200)
                    .body("entry.resource.find { it.resourceType == 'ClinicalImpression' }.finding[0].itemCodeableConcept.coding[0].code",
                            equalTo(rule)));
            given().auth().oauth2(person.token).contentType(ContentType.JSON).body(Map.of(
                    "checkInId", UUID.randomUUID().toString(), "at", Instant.now().minus(1, ChronoUnit.DAYS).toString(),
                    "timeZone", "Europe/Berlin", "pain", pain)).post("/api/v1/me/check-ins").then().statusCode(201);
            return person;
        }
    }

    static String event(String person, String level, String rule, String because, Instant at) throws Exception {
        Map<String, Object> dose = Map.of("holdSeconds", Map.of("min", 45, "max", 45), "perSide", true);
        Map<String, Object> data = Map.of("reportId", UUID.randomUUID().toString(), "userId", person,
                "timeZone", "Europe/Berlin", "level", level,
                "rules", List.of(Map.of("rule", rule, "version", "1", "source", "release-tight-hips-guide",
                        "inputs", List.of(Map.of("input", "signs", "value", because)))),
                "plan", Map.of("protocol", "complete-release-protocol", "phases", List.of(Map.of("phase", "stretch",
                        "items", List.of(Map.of("exercise", "half-kneeling-hip-flexor-stretch", "dose", dose))))));
        return JSON.writeValueAsString(Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(),
                "source", "/hipflex/triage-service", "type", "dev.hipflex.triage.recommendation.created",
                "time", at.toString(), "subject", data.get("reportId"),
                "dataschema", "https://hipflex.dev/schemas/recommendations/v2", "data", data));
    }

    @Test
    void eachPersonGetsTheirOwnSummaryAsFhirAndAsPdf() throws Exception {
        Person ann = Person.recommended("see-professional", "RF-NEURO", "numbness", 7);
        Person ben = Person.recommended("self-care", "SC-NO-RED-FLAGS", "none", 2);
        // Ann's PSFS at the start: two activities of her own, mean 3.5.
        given().auth().oauth2(ann.token).contentType(ContentType.JSON).body(Map.of("week", 0, "activities", List.of(
                Map.of("activity", "kneeling in the garden", "rating", 3), Map.of("activity", "cycling to work",
                        "rating", 4)))).post("/api/v1/me/outcomes").then().statusCode(201);

        String annBundle = given().auth().oauth2(ann.token).accept("application/fhir+json").get("/api/v1/me/summary")
                .then().statusCode(200).contentType("application/fhir+json")
                .body("resourceType", equalTo("Bundle"))
                .body("entry.resource.find { it.resourceType == 'Patient' }.identifier[0].value", equalTo(ann.id))
                .body("entry.resource.find { it.resourceType == 'Flag' }.code.coding[0].code", equalTo("RF-NEURO"))
                .body("entry.resource.find { it.code?.coding?.getAt(0)?.code == '72514-3' }.valueQuantity.value",
                        equalTo(7.0f))
                .body("entry.resource.find { it.resourceType == 'CarePlan' }.activity[0].detail.code.coding[0].code",
                        equalTo("229065009"))
                .body("entry.resource.find { it.resourceType == 'CarePlan' }.activity[0].detail.description",
                        equalTo("stretch: hold 45 s, each side"))
                .body("entry.resource.find { it.resourceType == 'Questionnaire' }.url",
                        equalTo("https://hipflex.dev/fhir/Questionnaire/psfs"))
                .body("entry.resource.find { it.resourceType == 'QuestionnaireResponse' }.item[1].item[0].answer[0].valueString",
                        equalTo("kneeling in the garden"))
                .body("entry.resource.find { it.resourceType == 'QuestionnaireResponse' }.item[3].answer[0].valueDecimal",
                        equalTo(3.5f))
                .extract().asString();
        assertThat(annBundle).doesNotContain(ben.id).doesNotContain("SC-NO-RED-FLAGS");

        String benBundle = given().auth().oauth2(ben.token).get("/api/v1/me/summary").then().statusCode(200)
                .contentType("application/fhir+json").extract().asString();
        assertThat(benBundle).contains(ben.id).doesNotContain(ann.id).doesNotContain("RF-NEURO")
                .doesNotContain("QuestionnaireResponse").doesNotContain("kneeling in the garden");

        String annPage = pdfText(ann);
        assertThat(annPage).contains(ann.id).contains("RF-NEURO: signs = numbness")
                .contains("stretch: half-kneeling-hip-flexor-stretch - hold 45 s, each side").doesNotContain(ben.id)
                .contains("Function (PSFS mean, 0-10)").contains("3.5").contains("wk 0");
        assertThat(pdfText(ben)).contains(ben.id).contains("No red flags found.").doesNotContain(ann.id)
                .contains("No PSFS recorded yet.");
    }

    @Test
    void anotherFormIsNotAcceptableAndNoDataIsNotFound() throws Exception {
        Person person = Person.recommended("self-care", "SC-NO-RED-FLAGS", "none", 3);
        given().auth().oauth2(person.token).accept("text/html").get("/api/v1/me/summary").then().statusCode(406)
                .contentType("application/problem+json").body("errors[0].field", equalTo("Accept"));
        given().auth().oauth2(TestTokens.token("p-" + UUID.randomUUID(), "user")).accept("application/pdf")
                .get("/api/v1/me/summary").then().statusCode(404).contentType("application/problem+json");
        given().accept("application/pdf").get("/api/v1/me/summary").then().statusCode(401);
    }

    private static String pdfText(Person person) throws IOException {
        byte[] page = given().auth().oauth2(person.token).accept("application/pdf").get("/api/v1/me/summary").then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(page)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            return new PDFTextStripper().getText(document);
        }
    }
}
