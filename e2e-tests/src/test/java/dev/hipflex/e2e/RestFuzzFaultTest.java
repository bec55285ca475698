package dev.hipflex.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * REST fuzzing (issue 5, fault tests): generated invalid requests against all three services (wrong JSON
 * types, missing and null fields, unknown fields and words, huge bodies (declared or chunked) and malformed
 * ones, out-of-range numbers, bad dates and zones, bad pagination and path ids, wrong content types, bad
 * tokens, another person's id).
 * Every request is invalid by construction, so: no 5xx, every answer a 4xx with a problem body (naming the
 * field for a 400), and nothing written, neither through the REST API, nor in the databases, nor on the
 * topics. Sizes: {@code -Dhipflex.fault.scale=short} (default, ~600 per service) or {@code full} (10,000 per
 * service); {@code -Dhipflex.fault.seed=N} replays a run.
 */
class RestFuzzFaultTest {

    private static final List<String> SERVICES = List.of("catalog", "triage", "tracking");
    private static final List<String> TOPICS = List.of("symptom-reports", "recommendations", "session-completions",
            "adherence-updates", "recovery-alerts", "catalog-updates");
    private static final int SHOWN = 5;
    private static final int GROUPS_SHOWN = 30;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger hugeBodyRetries = new AtomicInteger();
    private Platform platform;

    /** What came back for one case. */
    record Outcome(FuzzCase request, int status, String contentType, String body, long millis, String failure) {

        @Override
        public String toString() {
            return describe();
        }

        String describe() {
            String answer = failure != null ? "no answer: " + failure
                    : status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
            return request.describe() + "\n      -> " + answer + " (" + millis + " ms)";
        }
    }

    @Test
    void invalidRequestsAreRefusedWithProblemsAndWriteNothing() throws Exception {
        FaultScale scale = FaultScale.current();
        int perService = scale.pick(600, 10_000);
        long seed = Long.getLong("hipflex.fault.seed", new Random().nextLong());
        System.out.printf("[fuzz] scale=%s, %d invalid requests per service, seed=%d (replay with -Dhipflex.fault.seed=%d)%n",
                scale, perService, seed, seed);

        platform = Platform.get();
        List<RestFuzzer.Actor> persons = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            persons.add(actor("fuzz-" + i + "-" + UUID.randomUUID()));
        }
        RestFuzzer.Actor reader = actor("fuzz-reader-" + UUID.randomUUID());
        RestFuzzer.Actor victim = actor("fuzz-victim-" + UUID.randomUUID());
        List<RestFuzzer.Actor> everyone = Stream.concat(persons.stream(), Stream.of(reader, victim)).toList();
        String[] everyoneIds = everyone.stream().map(RestFuzzer.Actor::id).toArray(String[]::new);
        String editorToken = platform.token("fuzz-editor-" + UUID.randomUUID(), "editor");

        Map<String, Integer> limits = new LinkedHashMap<>();
        SERVICES.forEach(service -> limits.put(service, FaultStack.bodyLimit(service)));
        ObjectNode exercise = exerciseTemplate();
        ObjectNode muscle = (ObjectNode) get("catalog", "/api/v1/muscles").get("items").get(0);
        List<String> exerciseSlugs = new ArrayList<>();
        get("catalog", "/api/v1/exercises?limit=100").get("items").forEach(item -> exerciseSlugs.add(item.get("slug").asText()));
        RestFuzzer.Setup setup = new RestFuzzer.Setup(persons, reader, victim.id(), editorToken,
                new BadTokens(platform.issuer(), persons.get(0).id(), persons.get(0).token()).all(), limits, exercise, muscle,
                List.copyOf(exerciseSlugs));
        System.out.printf("[fuzz] body limits %s; %d persons, a reader and a victim; exercise template '%s'%n", limits,
                persons.size(), exercise.get("slug").asText());

        try (TopicWatch topics = new TopicWatch(platform, TOPICS)) {
            // Before: what is stored for the fuzzing persons (nothing) and what the catalog is.
            JsonNode versionBefore = get("catalog", "/api/v1/catalog/version");
            long catalogUpdatesBefore = topics.endOffsetSum("catalog-updates");
            Map<String, Long> rowsBefore = rows(everyoneIds);
            Map<String, Long> restBefore = restCounts(everyone);

            // Fuzz: one seeded sequence of cases, the services in turn, run by a few threads.
            RestFuzzer fuzzer = new RestFuzzer(new Random(seed), setup);
            Map<String, List<Outcome>> outcomes = run(fuzzer, perService);

            // The barrier: a valid report and a valid session from a sentinel person, stored after every fuzzing
            // request was answered. Each outbox relays in the order events were stored, so once the sentinel's
            // events are on the topics, any event a fuzzing request had caused is there too.
            RestFuzzer.Actor sentinel = actor("fuzz-sentinel-" + UUID.randomUUID());
            sendSentinel(sentinel, exerciseSlugs.get(0));
            await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).until(() -> {
                topics.poll();
                return !topics.matching(r -> r.topic().equals("symptom-reports") && sentinel.id().equals(r.key())).isEmpty()
                        && !topics.matching(r -> r.topic().equals("session-completions") && sentinel.id().equals(r.key())).isEmpty();
            });
            topics.catchUp(Duration.ofSeconds(30));
            Set<String> fuzzIds = Set.of(everyoneIds);
            List<ConsumerRecord<String, String>> leaked = topics.matching(r -> fuzzIds.contains(r.key()));
            long catalogUpdatesAfter = topics.endOffsetSum("catalog-updates");
            JsonNode versionAfter = get("catalog", "/api/v1/catalog/version");
            Map<String, Long> rowsAfter = rows(everyoneIds);
            Map<String, Long> restAfter = restCounts(everyone);

            SoftAssertions softly = new SoftAssertions();
            for (String service : SERVICES) {
                report(service, outcomes.get(service), perService, softly);
            }
            System.out.printf("[fuzz] written: events for the fuzzing persons on %s: %d; catalog-updates records %d -> %d;"
                    + " catalog version %s -> %s%n", TOPICS, leaked.size(), catalogUpdatesBefore, catalogUpdatesAfter,
                    versionBefore.get("version").asText(), versionAfter.get("version").asText());
            System.out.printf("[fuzz] written: REST reads for the fuzzing persons before %s, after %s%n", restBefore, restAfter);
            System.out.printf("[fuzz] written: database rows for the fuzzing persons (catalog: all) before %s, after %s%n",
                    rowsBefore, rowsAfter);
            leaked.stream().limit(SHOWN).forEach(r -> System.out.printf("    leaked %s key=%s %s%n", r.topic(), r.key(),
                    r.value().length() > 300 ? r.value().substring(0, 300) + "..." : r.value()));
            Map<String, Long> leakedByTopic = new TreeMap<>(leaked.stream().collect(Collectors.groupingBy(ConsumerRecord::topic, Collectors.counting())));
            softly.assertThat(leakedByTopic).as("events for the fuzzing persons, by topic").isEmpty();
            softly.assertThat(catalogUpdatesAfter).as("catalog-updates records").isEqualTo(catalogUpdatesBefore);
            softly.assertThat(versionAfter).as("the catalog version (content hash, time and counts)").isEqualTo(versionBefore);
            softly.assertThat(restAfter).as("what the REST API shows of the fuzzing persons").isEqualTo(restBefore);
            softly.assertThat(rowsAfter).as("database rows of the fuzzing persons, and the catalog's editor rows").isEqualTo(rowsBefore);
            softly.assertAll();
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private Map<String, List<Outcome>> run(RestFuzzer fuzzer, int perService) throws InterruptedException {
        Map<String, List<Outcome>> outcomes = new ConcurrentHashMap<>();
        SERVICES.forEach(service -> outcomes.put(service, Collections.synchronizedList(new ArrayList<>())));
        AtomicInteger issued = new AtomicInteger();
        int total = perService * SERVICES.size();
        int threads = 4;
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                while (true) {
                    FuzzCase c;
                    // One sequence for the whole run, whatever thread sends each case: the seed replays it.
                    synchronized (fuzzer) {
                        int n = issued.getAndIncrement();
                        if (n >= total) {
                            return;
                        }
                        c = fuzzer.next(SERVICES.get(n % SERVICES.size()));
                    }
                    outcomes.get(c.service()).add(send(c));
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(scaleTimeoutMinutes(perService), TimeUnit.MINUTES)) {
            pool.shutdownNow();
            throw new AssertionError("Fuzzing did not finish in time");
        }
        System.out.printf("[fuzz] %d requests in %.1f s with %d threads (%d huge bodies sent again after the connection closed"
                + " without an answer)%n", total, (System.nanoTime() - started) / 1e9, threads, hugeBodyRetries.get());
        return outcomes;
    }

    private static long scaleTimeoutMinutes(int perService) {
        return Math.max(5, perService / 500);
    }

    /**
     * Sends one case. A server may close the connection on a body beyond its limit while the client still
     * writes it (RFC 9110, 413), and the client then sees no answer at all; such a request is sent again, at
     * most twice, on a fresh connection, and counted.
     */
    private Outcome send(FuzzCase c) {
        Outcome outcome = sendOnce(c);
        boolean huge = c.kind().equals(RestFuzzer.HUGE_BODY) || c.kind().equals(RestFuzzer.HUGE_CHUNKED_BODY);
        for (int retry = 0; retry < 2 && outcome.failure() != null && huge; retry++) {
            hugeBodyRetries.incrementAndGet();
            outcome = sendOnce(c);
        }
        return outcome;
    }

    private Outcome sendOnce(FuzzCase c) {
        HttpRequest.BodyPublisher body = c.body() == null ? HttpRequest.BodyPublishers.noBody()
                // A stream of unknown length goes out chunked (Transfer-Encoding: chunked, no Content-Length).
                : c.kind().equals(RestFuzzer.HUGE_CHUNKED_BODY) ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(c.body()))
                : HttpRequest.BodyPublishers.ofByteArray(c.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(platform.url(c.service()) + c.path()))
                .timeout(Duration.ofSeconds(30))
                .method(c.method(), body);
        if (c.authorization() != null) {
            builder.header("Authorization", c.authorization());
        }
        if (c.contentType() != null) {
            builder.header("Content-Type", c.contentType());
        }
        builder.header("Accept", "application/json, application/problem+json");
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Outcome(c, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    (System.nanoTime() - start) / 1_000_000, null);
        } catch (IOException e) {
            return new Outcome(c, 0, "", "", (System.nanoTime() - start) / 1_000_000, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(c, 0, "", "", (System.nanoTime() - start) / 1_000_000, e.toString());
        }
    }

    /** Judges and prints one service's outcomes; each kind of wrong answer is a soft assertion of its own. */
    private void report(String service, List<Outcome> outcomes, int perService, SoftAssertions softly) {
        Map<String, Long> byStatus = new TreeMap<>(outcomes.stream().collect(Collectors.groupingBy(
                o -> o.failure() != null ? "no-answer" : Integer.toString(o.status()), Collectors.counting())));
        Map<String, Long> byKind = new TreeMap<>(outcomes.stream().collect(Collectors.groupingBy(o -> o.request().kind(), Collectors.counting())));
        List<Outcome> noAnswer = new ArrayList<>();
        List<Outcome> serverErrors = new ArrayList<>();
        List<Outcome> accepted = new ArrayList<>();
        List<Outcome> noProblem = new ArrayList<>();
        List<Outcome> noField = new ArrayList<>();
        List<Outcome> otherStatus = new ArrayList<>();
        long maxMillis = 0;
        for (Outcome o : outcomes) {
            maxMillis = Math.max(maxMillis, o.millis());
            if (o.failure() != null) {
                noAnswer.add(o);
                continue;
            }
            if (o.status() >= 500) {
                serverErrors.add(o);
            } else if (o.status() < 400) {
                accepted.add(o);
            } else {
                JsonNode problem = problem(o);
                if (problem == null) {
                    noProblem.add(o);
                } else if (o.status() == 400 && o.request().field() != null && !namesField(problem, o.request().field())) {
                    noField.add(o);
                }
                if (!o.request().expected().contains(o.status())) {
                    otherStatus.add(o);
                }
            }
        }
        System.out.printf("[fuzz] %s: %d invalid requests; answers %s; max %d ms; by kind %s%n", service, outcomes.size(), byStatus,
                maxMillis, byKind);
        System.out.printf("[fuzz] %s: 5xx %d, no answer %d, accepted (2xx/3xx) %d, 4xx without a problem body %d,"
                + " 400 not naming the field %d, another 4xx than expected %d%n", service, serverErrors.size(), noAnswer.size(),
                accepted.size(), noProblem.size(), noField.size(), otherStatus.size());
        show(service, "5xx", serverErrors);
        show(service, "no answer", noAnswer);
        show(service, "accepted", accepted);
        show(service, "no problem body", noProblem);
        show(service, "400 not naming the field", noField);
        show(service, "another 4xx than expected", otherStatus);
        if (!serverErrors.isEmpty()) {
            System.out.printf("[fuzz] %s log from its first error on:%n", service);
            FaultStack.logExcerpt(service, " ERROR ", 30).forEach(line -> System.out.println("    | " + line));
        }
        softly.assertThat(outcomes.size()).as("%s: requests sent", service).isGreaterThanOrEqualTo(perService);
        softly.assertThat(groups(serverErrors)).as("%s: 5xx answers (see the output above)", service).isEmpty();
        softly.assertThat(groups(noAnswer)).as("%s: requests without an answer", service).isEmpty();
        softly.assertThat(groups(accepted)).as("%s: invalid requests answered 2xx/3xx", service).isEmpty();
        softly.assertThat(groups(noProblem)).as("%s: 4xx without an RFC 9457 problem body", service).isEmpty();
        softly.assertThat(groups(noField)).as("%s: 400 answers that do not name the bad field", service).isEmpty();
        softly.assertThat(groups(otherStatus)).as("%s: answers with another status than expected", service).isEmpty();
    }

    private static String group(Outcome o) {
        return o.request().kind() + " " + o.request().method() + " " + o.request().path().replaceAll("\\?.*", "")
                + (o.request().field() == null ? "" : " (" + o.request().field() + ")");
    }

    /** Offenders counted by what was wrong and where: what an assertion message shows. */
    private static Map<String, Long> groups(List<Outcome> offenders) {
        return new TreeMap<>(offenders.stream().collect(Collectors.groupingBy(RestFuzzFaultTest::group, Collectors.counting())));
    }

    /** Prints offenders grouped by what was wrong and where, with the distinct mutations and one full example each. */
    private static void show(String service, String what, List<Outcome> offenders) {
        if (offenders.isEmpty()) {
            return;
        }
        Map<String, List<Outcome>> groups = new TreeMap<>(offenders.stream().collect(Collectors.groupingBy(RestFuzzFaultTest::group)));
        System.out.printf("[fuzz] %s: %s: %d, in %d groups%n", service, what, offenders.size(), groups.size());
        groups.entrySet().stream().limit(GROUPS_SHOWN).forEach(group -> {
            List<String> notes = group.getValue().stream().map(o -> o.request().note()).distinct().limit(6)
                    .map(note -> note.length() > 70 ? note.substring(0, 70) + "..." : note).toList();
            System.out.printf("  - %d x %s, e.g. %s%n    %s%n", group.getValue().size(), group.getKey(), notes,
                    group.getValue().get(0).describe());
        });
    }

    /** The problem body, when it is one: {@code application/problem+json} with the same status and a title. */
    private JsonNode problem(Outcome o) {
        if (!o.contentType().toLowerCase().startsWith("application/problem+json")) {
            return null;
        }
        try {
            JsonNode body = json.readTree(o.body());
            if (body == null || !body.isObject() || body.path("status").asInt() != o.status() || body.path("title").asText("").isBlank()) {
                return null;
            }
            return body;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean namesField(JsonNode problem, String field) {
        for (JsonNode error : problem.path("errors")) {
            String named = error.path("field").asText("");
            if (named.equals(field) || named.startsWith(field + ".") || named.startsWith(field + "[")) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------

    /** A person with an account of the stack's Keycloak; the actor's id is the token's subject. */
    private RestFuzzer.Actor actor(String username) {
        String token = platform.token(username);
        return new RestFuzzer.Actor(Platform.subjectOf(token), token);
    }

    /** An exercise with every field the fuzzer mutates filled in, as GET shows it (and as POST and PUT take it). */
    private ObjectNode exerciseTemplate() throws IOException {
        for (JsonNode item : get("catalog", "/api/v1/exercises?limit=100").get("items")) {
            JsonNode full = get("catalog", "/api/v1/exercises/" + item.get("slug").asText());
            if (full.path("dose").path("sets").isObject() && full.path("dose").path("reps").isObject()) {
                return (ObjectNode) full;
            }
        }
        throw new IllegalStateException("No exercise with sets and reps to start from");
    }

    private JsonNode get(String service, String path) throws IOException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(platform.url(service) + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s %s", service, path).isEqualTo(200);
            return json.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private int status(String service, String path, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(platform.url(service) + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private JsonNode read(String service, String path, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(platform.url(service) + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s %s", service, path).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** What the REST API shows of each fuzzing person: recommendations, sessions, and whether they have a plan. */
    private Map<String, Long> restCounts(List<RestFuzzer.Actor> actors) throws IOException, InterruptedException {
        Map<String, Long> counts = new TreeMap<>();
        long recommendations = 0;
        long sessions = 0;
        long plans = 0;
        long adherence = 0;
        for (RestFuzzer.Actor a : actors) {
            recommendations += read("triage", "/api/v1/me/recommendations?limit=100", a.token()).get("total").asLong();
            sessions += read("tracking", "/api/v1/me/sessions?limit=100", a.token()).get("items").size();
            plans += status("tracking", "/api/v1/me/plan", a.token()) == 200 ? 1 : 0;
            adherence += status("tracking", "/api/v1/me/adherence", a.token()) == 200 ? 1 : 0;
        }
        counts.put("triage recommendations", recommendations);
        counts.put("tracking sessions", sessions);
        counts.put("tracking plans", plans);
        counts.put("tracking adherence", adherence);
        return counts;
    }

    /** Rows of the fuzzing persons in the triage and tracking databases, and the catalog's editor-made rows and events. */
    private static Map<String, Long> rows(String[] ids) {
        Map<String, Long> rows = new TreeMap<>();
        for (String table : List.of("symptom_report", "recommendation")) {
            rows.put("triage." + table, FaultStack.count("triage", "select count(*) from " + table + " where user_id = any(?)", (Object) ids));
        }
        rows.put("triage.outbox_event", FaultStack.count("triage", "select count(*) from outbox_event where record_key = any(?)", (Object) ids));
        for (String table : List.of("plan", "session", "day_sessions", "check_in", "raised_alert")) {
            rows.put("tracking." + table, FaultStack.count("tracking", "select count(*) from " + table + " where user_id = any(?)", (Object) ids));
        }
        rows.put("tracking.outbox_event", FaultStack.count("tracking", "select count(*) from outbox_event where record_key = any(?)", (Object) ids));
        rows.put("catalog.catalog_item(editor)", FaultStack.count("catalog", "select count(*) from catalog_item where origin = 'editor'"));
        rows.put("catalog.content_version", FaultStack.count("catalog", "select count(*) from content_version"));
        rows.put("catalog.outbox_event", FaultStack.count("catalog", "select count(*) from outbox_event"));
        return rows;
    }

    private void sendSentinel(RestFuzzer.Actor sentinel, String exercise) throws IOException, InterruptedException {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).withNano(0);
        String report = """
                {"reportId":"%s","reportedAt":"%s","timeZone":"Europe/Berlin","painLocations":["front-of-hip"],"side":"right",
                 "qualities":["tightness"],"intensity":3,"onset":"gradual","daysSinceOnset":20,"aggravatingActivities":["sitting"],
                 "signs":[],"history":[],"warningSigns":[],"age":30,
                 "screening":{"caudaEquinaSigns":[],"groinLump":"none","groinLumpSigns":[],"painIntoTesticle":"none",
                  "bellyPain":false,"painOnStraighteningTheHip":false,"urinarySymptoms":false,"medicalHistory":[],
                  "pregnancy":"not-pregnant","gaveBirthInLast3Months":false,"painOnlyWhenLyingOnIt":false,
                  "constantPainDayAndNight":false,"fallSinceThePainBegan":false,"achingHipsWithMorningStiffness":false},
                 "profile":{"runner":false,"deskWorker":true,"hoursSittingPerDay":8,"wearsRaisedHeels":false,
                  "wantsDeepPsoasRelease":false}}"""
                .formatted(UUID.randomUUID(), at);
        String session = """
                {"sessionId":"%s","startedAt":"%s","timeZone":"Europe/Berlin","minutes":15,"phases":["release"],
                 "exercises":["%s"],"sides":"both","painBefore":3,"painAfter":2}""".formatted(UUID.randomUUID(), at, exercise);
        assertThat(post("triage", "/api/v1/symptom-reports", sentinel.token(), report)).as("the sentinel's report").isEqualTo(202);
        assertThat(post("tracking", "/api/v1/me/sessions", sentinel.token(), session)).as("the sentinel's session").isEqualTo(201);
    }

    private int post(String service, String path, String token, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(platform.url(service) + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            System.out.printf("[fuzz] %s %s answered %d: %s%n", service, path, response.statusCode(), response.body());
        }
        return response.statusCode();
    }
}
