package dev.hipflex.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    /**
     * The browser's painful session, as REST and analytics see it: stored with its feedback, the plan stepped back by
     * TRK-ADAPT-STEP-BACK on the session's own day (pain during above 5 alone decides), the card showing the API's
     * sentence, and one plan-adjustments event for the change.
     */
    @Test
    void aPainfulSessionStepsThePlanBackAndTheCardSaysWhy() {
        journey("stepBack");
        assertThat(seen.getString("stepBack.stopShown")).containsIgnoringCase("stop this exercise");
        assertThat(seen.getInt("stepBack.painDuringSent")).isEqualTo(6);
        assertThat(seen.getString("stepBack.effortSent")).isEqualTo("too-hard");
        assertThat(seen.getBoolean("stepBack.waking")).isTrue();
        assertThat(seen.getInt("stepBack.checkInStatus")).isEqualTo(201);
        assertThat(seen.getString("stepBack.rule")).isEqualTo("TRK-ADAPT-STEP-BACK v1");
        assertThat(seen.getString("stepBack.painDuringFigure")).endsWith(": 6");
        String token = platform.token(seen.getString("stepBack.username"));
        String person = Platform.subjectOf(token);
        RequestSpecification tracking = given().baseUri(platform.url("tracking")).auth().oauth2(token);

        JsonPath stored = tracking.get("/api/v1/me/sessions").then().statusCode(200).extract().jsonPath();
        assertThat(stored.getList("items.sessionId")).containsExactly(seen.getString("stepBack.sessionId"));
        assertThat(stored.getInt("items[0].painDuring")).isEqualTo(6);
        assertThat(stored.getString("items[0].effort")).isEqualTo("too-hard");

        JsonPath today = given().baseUri(platform.url("tracking")).auth().oauth2(token).get("/api/v1/me/plan/today")
                .then().statusCode(200).extract().jsonPath();
        List<String> rules = today.getList("changes.rule");
        assertThat(rules).containsExactly("TRK-ADAPT-STEP-BACK");
        assertThat(today.getString("changes[0].direction")).isEqualTo("back");
        assertThat(today.getInt("changes[0].figures.painDuring")).isEqualTo(6);
        assertThat(today.getString("changes[0].source")).isEqualTo("general-clinical-guidance");
        assertThat(seen.getString("stepBack.card")).contains(today.getString("changes[0].sentence"));

        try (TopicWatch watch = new TopicWatch(platform, List.of("plan-adjustments"))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (watch.matching(r -> person.equals(r.key())).isEmpty() && System.nanoTime() < deadline) {
                watch.poll();
            }
            watch.catchUp(Duration.ofSeconds(60));
            List<ConsumerRecord<String, String>> events = watch.matching(r -> person.equals(r.key()));
            assertThat(events).as("plan-adjustments events of the person whose session hurt").hasSize(1);
            assertThat(events.get(0).value()).contains("TRK-ADAPT-STEP-BACK");
        }
    }

    /**
     * A step forward needs 7 days since the plan's start (or last change) by the service's own clock, and the waking
     * rating of each morning after 3 tolerated sessions: the journey sends that week as an app could (a plan begun 8
     * days ago, sessions and waking ratings dated on those days, with the person's token), and the browser shows today's
     * plan with the step forward, its rule, its figures and tracking's sentence.
     */
    @Test
    void toleratedAboutRightSessionsOnSuccessiveDaysStepThePlanForwardAndThePlanSaysWhy() {
        journey("stepForward");
        assertThat(seen.getString("stepForward.rule")).isEqualTo("TRK-ADAPT-STEP-FORWARD v1");
        assertThat(seen.getString("stepForward.toleratedFigure")).endsWith(": 3");
        String token = platform.token(seen.getString("stepForward.username"));
        JsonPath adapted = given().baseUri(platform.url("tracking")).auth().oauth2(token).get("/api/v1/me/plan/today")
                .then().statusCode(200).extract().jsonPath();
        assertThat(adapted.getList("changes.rule")).containsExactly("TRK-ADAPT-STEP-FORWARD");
        assertThat(adapted.getString("changes[0].direction")).isEqualTo("forward");
        assertThat(adapted.getInt("changes[0].figures.toleratedInARow")).isEqualTo(3);
        assertThat(adapted.getInt("changes[0].figures.daysSinceLastChange")).isEqualTo(8);
        assertThat(adapted.getBoolean("changes[0].figures.everyMorningRated")).isTrue();
        assertThat(adapted.getString("changes[0].source")).isEqualTo("general-clinical-guidance");
        assertThat(adapted.getString("changes[0].sentence")).startsWith("Your last 3 sessions went well");
        assertThat(seen.getString("stepForward.card")).contains(adapted.getString("changes[0].sentence"));
    }

    /**
     * A root-cause experiment started in the browser from the suggested checklist item: tracking holds the one
     * experiment, in its baseline, for that item, which is the person's latest recommendation's first relevant check
     * (the most common first); the card named the phase and the morning rating; the second start was refused with the
     * service's 409, whose message the screen showed.
     */
    @Test
    void anExperimentStartsFromTheSuggestionAndASecondOneIsRefusedWithTheServicesMessage() {
        journey("experiment");
        String token = platform.token(seen.getString("experiment.username"));
        JsonPath recommendation = given().baseUri(platform.url("triage")).auth().oauth2(token)
                .get("/api/v1/me/recommendations").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> checks = recommendation.getList("items[0].rootCauseChecks");
        String expected = checks.stream()
                .sorted(java.util.Comparator.<Map<String, Object>, Boolean>comparing(c -> !Boolean.TRUE.equals(c.get("relevant")))
                        .thenComparing(c -> ((Number) c.get("order")).intValue()))
                .map(c -> (String) c.get("step")).findFirst().orElseThrow();
        assertThat(seen.getString("experiment.suggestedItem")).isEqualTo(expected);

        JsonPath experiments = given().baseUri(platform.url("tracking")).auth().oauth2(token)
                .get("/api/v1/me/experiments").then().statusCode(200).extract().jsonPath();
        assertThat(experiments.getList("items.experimentId")).containsExactly(seen.getString("experiment.experimentId"));
        assertThat(experiments.getString("items[0].checklistItem")).isEqualTo(expected);
        assertThat(experiments.getString("items[0].phase")).isEqualTo("baseline");
        assertThat(experiments.getBoolean("items[0].running")).isTrue();
        assertThat(experiments.getString("items[0].startDate")).isEqualTo(seen.getString("experiment.startDate"));
        assertThat(seen.getString("experiment.phase")).isEqualTo("Baseline");
        assertThat(seen.getString("experiment.morning")).contains("waking rating").contains("pain check-in");
        assertThat(seen.getString("experiment.advice")).isEqualTo(experiments.getString("items[0].advice"));

        assertThat(seen.getBoolean("experiment.foldedAway")).isTrue();
        assertThat(seen.getInt("experiment.secondStatus")).isEqualTo(409);
        assertThat(seen.getString("experiment.conflictDetail")).contains("is still running");
        assertThat(seen.getString("experiment.conflictMessage")).contains(seen.getString("experiment.conflictDetail"));
    }

    /**
     * The PSFS named and rated at the plan's start; a session whose first exercise hurt 7, which the person said was pain
     * rather than a strong stretch feeling: tracking stores the activities and the session's painKind, raises
     * TRK-ESCALATE-SESSION-PAIN (within a week) once on recovery-alerts, and the plan led with it in tracking's words.
     */
    @Test
    void painOfSevenCalledPainEscalatesOnThePlanAndThePsfsIsStored() {
        journey("painEscalation");
        assertThat(seen.getInt("painEscalation.psfsStatus")).isEqualTo(201);
        assertThat(seen.getList("painEscalation.shownActivities", String.class))
                .containsExactly("Sitting through a film", "Getting out of the car", "Mean");
        assertThat(seen.getString("painEscalation.stopShown")).containsIgnoringCase("stop this exercise");
        assertThat(seen.getInt("painEscalation.painDuringSent")).isEqualTo(7);
        assertThat(seen.getString("painEscalation.painKindSent")).isEqualTo("pain");
        assertThat(seen.getString("painEscalation.escalation.urgency")).isEqualTo("within-a-week");
        assertThat(seen.getBoolean("painEscalation.escalation.beforeThePlan")).isTrue();
        assertThat(seen.getInt("painEscalation.escalation.summaryOffered")).isEqualTo(1);
        String token = platform.token(seen.getString("painEscalation.username"));
        String person = Platform.subjectOf(token);

        JsonPath stored = given().baseUri(platform.url("tracking")).auth().oauth2(token).get("/api/v1/me/sessions")
                .then().statusCode(200).extract().jsonPath();
        assertThat(stored.getList("items.sessionId")).containsExactly(seen.getString("painEscalation.sessionId"));
        assertThat(stored.getInt("items[0].painDuring")).isEqualTo(7);
        assertThat(stored.getString("items[0].painKind")).isEqualTo("pain");

        JsonPath outcomes = given().baseUri(platform.url("tracking")).auth().oauth2(token).get("/api/v1/me/outcomes")
                .then().statusCode(200).extract().jsonPath();
        assertThat(outcomes.getList("activities", String.class)).containsExactly("Sitting through a film", "Getting out of the car");
        assertThat(outcomes.getList("assessments.week", Integer.class)).containsExactly(0);
        assertThat(outcomes.getList("assessments[0].ratings.rating", Integer.class)).containsExactly(4, 6);
        assertThat(outcomes.getList("escalations.rule", String.class)).containsExactly("TRK-ESCALATE-SESSION-PAIN");
        assertThat(outcomes.getString("escalations[0].urgency")).isEqualTo("within-a-week");
        assertThat(outcomes.getString("escalations[0].figures.painKind")).isEqualTo("pain");
        assertThat(seen.getString("painEscalation.escalation.reason")).isEqualTo(outcomes.getString("escalations[0].reason"));

        try (TopicWatch watch = new TopicWatch(platform, List.of("recovery-alerts"))) {
            java.util.function.Predicate<ConsumerRecord<String, String>> escalated =
                    r -> person.equals(r.key()) && r.value().contains("TRK-ESCALATE-SESSION-PAIN");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (watch.matching(escalated).isEmpty() && System.nanoTime() < deadline) {
                watch.poll();
            }
            watch.catchUp(Duration.ofSeconds(60));
            assertThat(watch.matching(escalated)).as("recovery-alerts escalations of the person whose session hurt 7")
                    .hasSize(1);
        }
        for (String screen : List.of("progress-psfs-start", "progress-psfs", "session-pain-or-stretch", "plan-escalation")) {
            assertThat(SCREENSHOTS.resolve(screen + "-phone.png")).isNotEmptyFile();
            assertThat(SCREENSHOTS.resolve(screen + "-desktop.png")).isNotEmptyFile();
        }
    }

    /** The library searched and filtered in the browser shows what the catalog finds for the same filters. */
    @Test
    void theLibrarySearchedAndFilteredShowsWhatTheCatalogFinds() {
        journey("selfCare");
        assertThat(seen.getString("selfCare.library.address")).contains("q=stretch").contains("acuteSafe=true");
        JsonPath catalog = given().baseUri(platform.url("catalog")).queryParam("q", "stretch").queryParam("acuteSafe", true)
                .queryParam("limit", 50).get("/api/v1/exercises").then().statusCode(200).extract().jsonPath();
        assertThat(seen.getInt("selfCare.library.found")).isEqualTo(catalog.getInt("total")).isPositive()
                .isLessThan(seen.getInt("selfCare.library.all"));
        assertThat(seen.getList("selfCare.library.titles", String.class))
                .containsExactlyInAnyOrderElementsOf(catalog.getList("items.title", String.class));
    }

    /**
     * A limp (RF-GAIT) is see-a-professional with every exercise held back until then, as triage stored it; the first
     * step of that symptom check was answered with the keyboard only, each stop of the focus visible and labelled.
     */
    @Test
    void aLimpIsSeeAProfessionalWithExercisesHeldBackAndTheCheckWorksByKeyboard() {
        journey("seeProfessional");
        assertThat(seen.getString("seeProfessional.level")).isEqualTo("See a professional");
        assertThat(seen.getInt("seeProfessional.exerciseLinks")).isZero();
        assertThat(seen.getInt("seeProfessional.startButtons")).isZero();
        JsonPath recommendation = as(seen.getString("seeProfessional.username")).baseUri(platform.url("triage"))
                .get("/api/v1/symptom-reports/" + seen.getString("seeProfessional.reportId") + "/recommendation")
                .then().statusCode(200).extract().jsonPath();
        assertThat(recommendation.getString("level")).isEqualTo("see-professional");
        assertThat(recommendation.getList("reasons.rule", String.class)).contains("RF-GAIT");
        assertThat(recommendation.getList("plan.phases")).isEmpty();
        List<String> whatToDo = recommendation.getList("reasons.findAll { it.level == 'see-professional' && it.whatToDo != null }.whatToDo", String.class);
        assertThat(seen.getList("seeProfessional.whatToDo", String.class)).containsExactlyInAnyOrderElementsOf(new java.util.LinkedHashSet<>(whatToDo));

        assertThat(seen.getList("seeProfessional.keyboard.areas", String.class)).containsExactly("front-of-hip");
        assertThat(seen.getList("seeProfessional.keyboard.visited", String.class))
                .anySatisfy(stop -> assertThat(stop).startsWith("Space the box for front-of-hip"))
                .anySatisfy(stop -> assertThat(stop).startsWith("Shift+Tab input[painLocations="))
                .anySatisfy(stop -> assertThat(stop).startsWith("Tab button"));
        assertThat(seen.getString("seeProfessional.keyboard.landedOn")).isNotBlank();
    }

    /** A paused plan restarted in the browser: tracking's start with the device's time zone, and the plan active again. */
    @Test
    void aPausedPlanRestartsAndRunsAgain() {
        journey("pauseRestart");
        assertThat(seen.getInt("pauseRestart.pauseStatus")).isEqualTo(200);
        assertThat(seen.getInt("pauseRestart.whilePaused.sessionLinks")).isZero();
        assertThat(seen.getInt("pauseRestart.restartStatus")).isEqualTo(200);
        assertThat(seen.getMap("pauseRestart.restartBody")).containsOnlyKeys("timeZone");
        JsonPath plan = as(seen.getString("pauseRestart.username")).baseUri(platform.url("tracking")).get("/api/v1/me/plan")
                .then().statusCode(200).extract().jsonPath();
        assertThat(plan.getString("status")).isEqualTo("active");
        assertThat(plan.getString("startDate")).isEqualTo(seen.getString("pauseRestart.startDateAfter"));
        assertThat(plan.getString("timeZone")).isEqualTo(seen.getString("pauseRestart.restartBody.timeZone"));
    }

    /** Installable and offline: the manifest, a 512 px icon, the service worker, and the shell with no connection. */
    @Test
    void theAppIsInstallableAndItsShellLoadsOffline() {
        journey("installable");
        assertThat(seen.getString("installable.manifest.display")).isEqualTo("standalone");
        assertThat(seen.getInt("installable.manifest.iconWidth")).isGreaterThanOrEqualTo(512);
        assertThat(seen.getInt("installable.manifest.iconHeight")).isGreaterThanOrEqualTo(512);
        assertThat(seen.getString("installable.serviceWorkerScope")).startsWith(platform.webUrl());
        assertThat(seen.getBoolean("installable.offline.controlled")).isTrue();
        assertThat(seen.getString("installable.offline.heading")).isNotBlank();
    }

    @Test
    void everyScreenIsPhotographedAtPhoneAndDesktopWidth() {
        List<String> files = seen.getList("screenshots");
        for (String screen : List.of("home-signed-out", "sign-up", "home", "exercises", "exercise", "symptom-check-1",
                "symptom-check-7", "symptom-check-invalid", "recommendation-self-care", "recommendation-why-this",
                "recommendation-urgent-care", "recommendation-not-found", "plan", "session-pain-before", "session-task",
                "session-pain-after", "session-saved", "session-kept-offline", "progress", "check-in", "check-in-morning",
                "session-stop-exercise", "plan-why-it-changed", "experiments-start", "experiments-running",
                "experiments-second-refused", "plan-step-forward", "exercises-filtered", "recommendation-see-professional",
                "plan-paused", "plan-restarted", "offline-shell")) {
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
