package dev.hipflex.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * A person using the web app in a real browser (the machine's Chromium, driven by Playwright) against the whole platform:
 * the stack's Keycloak, the three services, Kafka and PostgreSQL. {@code web-app/e2e/journeys.mjs} runs every journey
 * once in one browser and writes what each person saw; this class then checks, as each of those people through REST
 * and as analytics through Kafka, what the journeys left behind. Screenshots of every screen at phone and desktop width
 * are in {@code e2e-tests/target/screenshots/}.
 */
class BrowserJourneysTest {

    private static final Path ROOT = Path.of(System.getProperty("hipflex.root", "..")).toAbsolutePath().normalize();
    private static final Path SCREENSHOTS = ROOT.resolve("e2e-tests/target/screenshots");

    private static Platform platform;
    private static int exitCode;
    private static String output;
    private static JsonPath seen;

    @BeforeAll
    static void runTheJourneys() throws IOException, InterruptedException {
        platform = Platform.get();
        Path results = ROOT.resolve("e2e-tests/target/browser-journeys.json");
        Path log = ROOT.resolve("e2e-tests/target/browser-journeys.log");
        Files.deleteIfExists(results);
        Process node = new ProcessBuilder("node", "e2e/journeys.mjs", platform.webUrl(), results.toString(), SCREENSHOTS.toString())
                .directory(ROOT.resolve("web-app").toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!node.waitFor(10, TimeUnit.MINUTES)) {
            node.destroyForcibly();
        }
        exitCode = node.isAlive() ? -1 : node.exitValue();
        output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(results).as("the journeys wrote no results: %s", output).exists();
        seen = JsonPath.from(results.toFile());
    }

    @Test
    void everyJourneySawWhatAPersonShould() {
        assertThat(seen.getList("failures")).as(output).isEmpty();
        assertThat(exitCode).as(output).isZero();
    }

    @Test
    void aNewPersonsSelfCareSessionIsStoredOnceAndMovesWeekOne() {
        journey("selfCare");
        assertThat(seen.getString("selfCare.level")).isEqualTo("Self-care");
        assertThat(seen.getInt("selfCare.weekOneAfter")).isEqualTo(seen.getInt("selfCare.weekOneBefore") + 1);
        RequestSpecification person = as(seen.getString("selfCare.username"));

        JsonPath recommendation = person.baseUri(platform.url("triage"))
                .get("/api/v1/symptom-reports/" + seen.getString("selfCare.reportId") + "/recommendation")
                .then().statusCode(200).extract().jsonPath();
        assertThat(recommendation.getString("level")).isEqualTo("self-care");
        assertThat(recommendation.getList("plan.phases")).hasSize(seen.getInt("selfCare.phases"));

        List<String> sessions = as(seen.getString("selfCare.username")).baseUri(platform.url("tracking"))
                .get("/api/v1/me/sessions").then().statusCode(200).extract().jsonPath().getList("items.sessionId");
        assertThat(sessions).containsExactly(seen.getString("selfCare.sessionId"));
    }

    @Test
    void thePersonDownloadsTheirSummaryForAProfessionalInBothForms() {
        journey("selfCare");
        assertThat(seen.getString("selfCare.summary.pdfFile")).isEqualTo("hipflex-summary.pdf");
        assertThat(seen.getString("selfCare.summary.pdfStart")).isEqualTo("%PDF-");
        assertThat(seen.getInt("selfCare.summary.pdfBytes")).isGreaterThan(1000);
        assertThat(seen.getString("selfCare.summary.fhirFile")).isEqualTo("hipflex-summary.fhir.json");
        assertThat(seen.getString("selfCare.summary.fhirType")).isEqualTo("Bundle");
        assertThat(seen.getList("selfCare.summary.fhirResources", String.class))
                .contains("Patient", "Observation", "CarePlan");
    }

    @Test
    void feverWithAHotSwollenHipIsUrgentCareWithNoExercise() {
        journey("urgentCare");
        assertThat(seen.getString("urgentCare.level")).isEqualTo("Get urgent care today");
        assertThat(seen.getInt("urgentCare.exerciseLinks")).isZero();
        JsonPath recommendation = as(seen.getString("urgentCare.username")).baseUri(platform.url("triage"))
                .get("/api/v1/symptom-reports/" + seen.getString("urgentCare.reportId") + "/recommendation")
                .then().statusCode(200).extract().jsonPath();
        assertThat(recommendation.getString("level")).isEqualTo("urgent-care");
        assertThat(recommendation.getList("plan.phases")).isEmpty();
    }

    @Test
    void aPersonSignsOutThroughTheProviderAndSignsInAgain() {
        journey("invalidInput");
        assertThat(seen.getBoolean("invalidInput.signedOutAndIn")).isTrue();
    }

    @Test
    void invalidAnswersShowTheServicesMessagesAndRecordNothing() {
        journey("invalidInput");
        // The services' own messages, not the app's "please answer this".
        assertThat(seen.getString("invalidInput.daysMessage")).isNotBlank().doesNotContain("Please answer");
        assertThat(seen.getString("invalidInput.hoursMessage")).isNotBlank().doesNotContain("Please answer");
        RequestSpecification person = as(seen.getString("invalidInput.username")).baseUri(platform.url("triage"));
        assertThat(person.get("/api/v1/me/recommendations").then().statusCode(200).extract().jsonPath().getList("items"))
                .isEmpty();
        as(seen.getString("invalidInput.username")).baseUri(platform.url("triage"))
                .get("/api/v1/symptom-reports/" + seen.getString("invalidInput.reportId") + "/recommendation")
                .then().statusCode(404);
    }

    @Test
    void anotherPersonsReportIsNotFound() {
        journey("invalidInput");
        String othersReport = seen.getString("invalidInput.othersReport.reportId");
        assertThat(othersReport).isEqualTo(seen.getString("selfCare.reportId"));
        assertThat(seen.getString("invalidInput.othersReport.shown")).isEqualTo("Not found");
        as(seen.getString("invalidInput.username")).baseUri(platform.url("triage"))
                .get("/api/v1/symptom-reports/" + othersReport + "/recommendation").then().statusCode(404);
    }

    @Test
    void aSessionFinishedOfflineIsSentOnceWhenBackOnline() {
        journey("offlineSession");
        String username = seen.getString("offlineSession.username");
        String sessionId = seen.getString("offlineSession.sessionId");
        // The browser sent it once, when the connection returned (offline, no request left the page).
        assertThat(seen.getList("offlineSession.answers", Integer.class)).containsExactly(201);
        String token = platform.token(username);
        String person = Platform.subjectOf(token);

        List<String> sessions = given().baseUri(platform.url("tracking")).auth().oauth2(token).get("/api/v1/me/sessions")
                .then().statusCode(200).extract().jsonPath().getList("items.sessionId");
        assertThat(sessions).containsExactly(sessionId);

        try (TopicWatch watch = new TopicWatch(platform, List.of("session-completions"))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (watch.matching(r -> person.equals(r.key())).isEmpty() && System.nanoTime() < deadline) {
                watch.poll();
            }
            watch.catchUp(Duration.ofSeconds(60));
            List<ConsumerRecord<String, String>> events = watch.matching(r -> person.equals(r.key()));
            assertThat(events).as("session-completions events of the person who finished a session offline").hasSize(1);
            assertThat(events.get(0).value()).contains(sessionId);
        }
    }

    @Test
    void everyScreenIsPhotographedAtPhoneAndDesktopWidth() {
        List<String> files = seen.getList("screenshots");
        for (String screen : List.of("home-signed-out", "sign-up", "home", "exercises", "exercise", "symptom-check-1",
                "symptom-check-7", "symptom-check-invalid", "recommendation-self-care", "recommendation-why-this",
                "recommendation-urgent-care", "recommendation-not-found", "plan", "session-pain-before", "session-task",
                "session-pain-after", "session-saved", "session-kept-offline", "progress", "check-in")) {
            for (String width : List.of("phone", "desktop")) {
                String file = screen + "-" + width + ".png";
                assertThat(files).contains(file);
                assertThat(SCREENSHOTS.resolve(file)).isNotEmptyFile();
            }
        }
    }

    /** The journey ran to its end (its failure, if any, is in the output). */
    private static void journey(String name) {
        assertThat(seen.<Object>get(name + ".failed")).as("%s failed:\n%s", name, output).isNull();
    }

    /**
     * The person the browser signed up, as REST sees them: a token from the stack's Keycloak for the same account (its
     * password is set anew for that, after the browser is done with it).
     */
    private static RequestSpecification as(String username) {
        return given().auth().oauth2(platform.token(username)).contentType(ContentType.JSON);
    }
}
