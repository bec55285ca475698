package dev.hipflex.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hipflex.testsupport.SymptomReports;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** One person using the mobile app: their account and token from the provider, and the calls the app makes for them. */
final class Person {

    /** The person's id on the platform: the token's subject, Keycloak's pseudonymous id of the account. */
    final String id;
    final ZoneId zone;
    private final Platform platform;
    private final String token;

    Person(Platform platform, ZoneId zone) {
        this.platform = platform;
        this.zone = zone;
        this.token = platform.token("e2e-" + UUID.randomUUID());
        this.id = Platform.subjectOf(token);
    }

    RequestSpecification to(String service) {
        return given().baseUri(platform.url(service)).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A report as the app sends it; {@code changes} adjust the plain desk worker's report. */
    Map<String, Object> report(Map<String, Object> changes) {
        Map<String, Object> report = SymptomReports.deskWorker(UUID.randomUUID(), id, zone);
        report.putAll(changes);
        return report;
    }

    /** Sends the report (202 with where to look) and waits for its recommendation. */
    JsonPath reportAndAwaitRecommendation(Map<String, Object> report) {
        String location = to("triage").body(report).post("/api/v1/symptom-reports").then().log().ifValidationFails()
                .statusCode(202).extract().header("Location");
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> to("triage").get(location), response -> response.statusCode() == 200)
                .jsonPath();
    }

    /** Waits until tracking shows a plan made from {@code reportId}. */
    JsonPath awaitPlanFrom(String reportId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> to("tracking").get("/api/v1/me/plan"),
                        response -> response.statusCode() == 200 && reportId.equals(response.jsonPath().getString("recommendation")))
                .jsonPath();
    }

    /** Records a session done on {@code day} at {@code time} in the person's zone; returns its id. */
    String recordSession(LocalDate day, LocalTime time, List<String> exercises, int painBefore, int painAfter) {
        String sessionId = UUID.randomUUID().toString();
        Map<String, Object> session = new HashMap<>();
        session.put("sessionId", sessionId);
        session.put("startedAt", ZonedDateTime.of(day, time, zone).toOffsetDateTime().toString());
        session.put("timeZone", zone.getId());
        session.put("minutes", 20);
        session.put("phases", List.of("release", "stretch", "strengthen"));
        session.put("exercises", exercises.subList(0, Math.min(3, exercises.size())));
        session.put("sides", "both");
        session.put("painBefore", painBefore);
        session.put("painAfter", painAfter);
        to("tracking").body(session).post("/api/v1/me/sessions").then().statusCode(201);
        return sessionId;
    }

    /** A pain check-in in the evening of {@code day}. */
    void checkIn(LocalDate day, int pain) {
        to("tracking").body(Map.of("checkInId", UUID.randomUUID().toString(),
                "at", ZonedDateTime.of(day, LocalTime.of(20, 0), zone).toOffsetDateTime().toString(),
                "timeZone", zone.getId(), "pain", pain))
                .post("/api/v1/me/check-ins").then().statusCode(201);
    }
}
