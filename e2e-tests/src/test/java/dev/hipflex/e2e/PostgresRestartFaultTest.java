package dev.hipflex.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * PostgreSQL restarted while sessions are posted (issue 5, fault tests). Several persons post sessions back to
 * back; the machine's PostgreSQL is stopped, kept down for a few seconds and started again. During the outage
 * tracking must answer fast with 503 and a problem body (not 500, not a hang) and report itself not ready;
 * afterwards it must be ready again without a restart, every session answered 2xx must be stored with exactly
 * one {@code session-completions} event, and every session refused during the outage must be accepted when
 * sent again with the same id, and then be stored once.
 *
 * <p>Stopping PostgreSQL affects every stack on this machine for those seconds. It is started again in a
 * finally block, and by a shutdown hook should the test JVM be stopped meanwhile.
 */
class PostgresRestartFaultTest {

    /** How often each person posts a session. */
    private static final Duration STREAM_INTERVAL = Duration.ofMillis(100);
    /** Longer than this is a hang, not a fast refusal. */
    private static final long MAX_LATENCY_MS = 5_000;
    private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney",
            "America/Sao_Paulo", "Africa/Lagos", "Asia/Kolkata", "Pacific/Auckland");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Platform platform;

    private record Person(String id, String token, ZoneId zone) {

        @Override
        public String toString() {
            return id;
        }
    }

    /** One POST of a session and its answer. */
    private record Attempt(Person person, String sessionId, String body, String phase, int status, String contentType,
            String answer, long millis, String failure) {

        boolean ok() {
            return failure == null && status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return describe();
        }

        String describe() {
            return "POST /api/v1/me/sessions " + sessionId + " of " + person.id() + " (" + phase + ") -> "
                    + (failure != null ? "no answer: " + failure : status + " " + contentType + " "
                            + (answer.length() > 300 ? answer.substring(0, 300) + "..." : answer))
                    + " (" + millis + " ms)";
        }
    }

    @Test
    void sessionsPostedWhilePostgresRestartsAreRefusedFastOrStoredOnceWithOneEvent() throws Exception {
        FaultScale scale = FaultScale.current();
        int personCount = scale.pick(4, 8);
        Duration outageAtLeast = scale.pick(Duration.ofSeconds(5), Duration.ofSeconds(15));
        int afterRecovery = scale.pick(5, 25);
        platform = Platform.get();
        long trackingPid = platform.pid("tracking");

        List<String> exercises = new ArrayList<>();
        read("catalog", "/api/v1/exercises?limit=100", null).get("items").forEach(e -> exercises.add(e.get("slug").asText()));
        List<Person> persons = new ArrayList<>();
        for (int i = 0; i < personCount; i++) {
            String id = "pg-" + i + "-" + UUID.randomUUID();
            String token = platform.token(id);
            Person person = new Person(Platform.subjectOf(token), token, ZoneId.of(ZONES.get(i % ZONES.size())));
            HttpResponse<String> started = post(person, "/api/v1/me/plan/start", "{\"timeZone\":\"" + person.zone().getId() + "\"}");
            assertThat(started.statusCode()).as("plan start for %s: %s", id, started.body()).isEqualTo(200);
            persons.add(person);
        }
        System.out.printf("[pg-restart] scale=%s: %d persons with a started plan post sessions back to back; tracking pid %d%n",
                scale, personCount, trackingPid);

        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        AtomicReference<String> phase = new AtomicReference<>("before");
        AtomicBoolean streaming = new AtomicBoolean(true);
        ExecutorService stream = Executors.newFixedThreadPool(personCount);
        for (Person person : persons) {
            Random random = new Random(person.id().hashCode());
            stream.execute(() -> {
                // A steady stream: one session per person every STREAM_INTERVAL (sooner after a slow answer).
                long next = System.nanoTime();
                while (streaming.get()) {
                    attempts.add(postSession(person, session(person, random, exercises), phase.get()));
                    next += STREAM_INTERVAL.toNanos();
                    LockSupport.parkNanos(next - System.nanoTime());
                }
            });
        }

        PostgresCluster postgres = new PostgresCluster();
        Map<String, Long> readiness = new LinkedHashMap<>();
        long outageStart;
        long outageMillis;
        long readyAgainMillis;
        String outageShortfall = null;
        try (TopicWatch topics = new TopicWatch(platform, List.of("session-completions"))) {
            await("every person has sessions stored before the outage").atMost(Duration.ofSeconds(60))
                    .until(() -> persons.stream().allMatch(p -> answered(attempts, p, "before", true) >= 5));

            // The outage: stopped, kept down until tracking has said it is not ready and every person has been
            // answered during it, and for at least a few seconds; started again whatever happens.
            outageStart = System.nanoTime();
            phase.set("outage");
            try {
                postgres.stop();
                await("tracking readiness DOWN and every person answered during the outage").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> {
                            readiness.merge("outage " + ready(), 1L, Long::sum);
                            return readiness.containsKey("outage DOWN")
                                    && persons.stream().allMatch(p -> answered(attempts, p, "outage", false) >= 1)
                                    && System.nanoTime() - outageStart >= outageAtLeast.toNanos();
                        });
            } catch (ConditionTimeoutException e) {
                // Judged below with everything else (a hang shows there as requests without an answer).
                outageShortfall = e.getMessage();
            } finally {
                postgres.start();
                outageMillis = (System.nanoTime() - outageStart) / 1_000_000;
                phase.set("recovering");
            }
            long started = System.nanoTime();
            await("tracking readiness UP again without a restart").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        String state = ready();
                        readiness.merge("recovering " + state, 1L, Long::sum);
                        return state.equals("UP");
                    });
            readyAgainMillis = (System.nanoTime() - started) / 1_000_000;
            phase.set("after");
            await("every person has sessions stored after the outage").atMost(Duration.ofSeconds(60))
                    .until(() -> persons.stream().allMatch(p -> answered(attempts, p, "after", true) >= afterRecovery));
            streaming.set(false);
            stream.shutdown();
            assertThat(stream.awaitTermination(60, TimeUnit.SECONDS)).as("the stream stops").isTrue();

            // What happened, by phase.
            SoftAssertions softly = new SoftAssertions();
            List<Attempt> all = List.copyOf(attempts);
            System.out.printf("[pg-restart] PostgreSQL down for %d ms (%s); tracking ready again %d ms after the start;"
                    + " readiness polls %s%n", outageMillis, postgres.log(), readyAgainMillis, readiness);
            for (String p : List.of("before", "outage", "recovering", "after")) {
                List<Attempt> inPhase = all.stream().filter(a -> a.phase().equals(p)).toList();
                Map<String, Long> statuses = new TreeMap<>(inPhase.stream().collect(Collectors.groupingBy(
                        a -> a.failure() != null ? "no-answer" : Integer.toString(a.status()), Collectors.counting())));
                long max = inPhase.stream().mapToLong(Attempt::millis).max().orElse(0);
                System.out.printf("[pg-restart] %-10s %5d sessions posted: %s, max latency %d ms%n", p, inPhase.size(), statuses, max);
            }
            List<Attempt> refused = all.stream().filter(a -> !a.ok()).toList();
            List<Attempt> notFast503 = refused.stream().filter(a -> a.failure() != null || a.status() != 503 || !isProblem(a)).toList();
            // Fast refusal: every answer while PostgreSQL was down or coming back, and every refusal, within MAX_LATENCY_MS.
            List<Attempt> slow = all.stream().filter(a -> a.millis() > MAX_LATENCY_MS
                    && (!a.ok() || a.phase().equals("outage") || a.phase().equals("recovering"))).toList();
            Map<String, List<Attempt>> wrongGroups = notFast503.stream().collect(Collectors.groupingBy(
                    a -> a.phase() + " " + (a.failure() != null ? "no answer" : a.status() + " " + a.contentType()), TreeMap::new, Collectors.toList()));
            wrongGroups.forEach((group, list) -> System.out.printf("[pg-restart] not a 503 problem: %d x %s, e.g.%n    %s%n", list.size(),
                    group, list.get(0).describe()));
            slow.stream().limit(5).forEach(a -> System.out.println("[pg-restart] slow: " + a.describe()));
            if (!notFast503.isEmpty()) {
                System.out.println("[pg-restart] tracking log around the first failure:");
                FaultStack.logExcerpt("tracking", " ERROR ", 25).forEach(line -> System.out.println("    | " + line));
            }
            softly.assertThat(all.stream().filter(a -> a.phase().equals("outage") && !a.ok()).count())
                    .as("sessions refused during the outage").isPositive();
            Map<String, Integer> wrongCounts = new TreeMap<>();
            wrongGroups.forEach((group, list) -> wrongCounts.put(group, list.size()));
            softly.assertThat(wrongCounts).as("refusals that are not a 503 with a problem body (500s, hangs, other answers),"
                    + " by phase and answer").isEmpty();
            softly.assertThat(slow.stream().map(Attempt::describe).limit(5).toList())
                    .as("answers during the outage, and refusals, slower than %d ms", MAX_LATENCY_MS).isEmpty();
            softly.assertThat(readiness).as("readiness during the outage").containsKey("outage DOWN");
            softly.assertThat(outageShortfall).as("the outage went as planned (readiness DOWN, every person answered)").isNull();

            // Stored: every 2xx; then every refused session sent again with the same id and body is accepted.
            Map<Person, Set<String>> acceptedIds = new HashMap<>();
            all.stream().filter(Attempt::ok).forEach(a -> acceptedIds.computeIfAbsent(a.person(), k -> new HashSet<>()).add(a.sessionId()));
            Map<Person, List<String>> storedBefore = stored(persons);
            long missing = 0;
            for (Person p : persons) {
                Set<String> missingOnes = new HashSet<>(acceptedIds.getOrDefault(p, Set.of()));
                missingOnes.removeAll(storedBefore.get(p));
                missing += missingOnes.size();
                missingOnes.stream().limit(3).forEach(id -> System.out.printf("[pg-restart] answered 2xx but not stored: %s of %s%n", id, p.id()));
            }
            long storedAnyway = 0;
            Map<String, Long> retryStatuses = new TreeMap<>();
            List<String> retryProblems = new ArrayList<>();
            for (Attempt a : refused) {
                if (storedBefore.get(a.person()).contains(a.sessionId())) {
                    storedAnyway++;
                }
                HttpResponse<String> again = post(a.person(), "/api/v1/me/sessions", a.body());
                retryStatuses.merge(Integer.toString(again.statusCode()), 1L, Long::sum);
                if (again.statusCode() == 201) {
                    acceptedIds.computeIfAbsent(a.person(), k -> new HashSet<>()).add(a.sessionId());
                } else if (retryProblems.size() < 5) {
                    retryProblems.add(a.sessionId() + " -> " + again.statusCode() + " " + again.body());
                }
            }
            Map<Person, List<String>> storedAfter = stored(persons);
            long storedTotal = storedAfter.values().stream().mapToLong(List::size).sum();
            long duplicatesStored = storedAfter.values().stream().mapToLong(ids -> ids.size() - new HashSet<>(ids).size()).sum();
            Set<String> expected = acceptedIds.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
            Set<String> storedIds = storedAfter.values().stream().flatMap(List::stream).collect(Collectors.toSet());
            System.out.printf("[pg-restart] stored: %d answered 2xx, %d of them missing; %d refused, %d of those stored anyway;"
                    + " retried with the same id: %s; now stored %d sessions (%d listed twice), %d expected%n",
                    all.stream().filter(Attempt::ok).count(), missing, refused.size(), storedAnyway, retryStatuses, storedTotal,
                    duplicatesStored, expected.size());
            retryProblems.forEach(line -> System.out.println("[pg-restart] retry refused: " + line));
            softly.assertThat(missing).as("sessions answered 2xx but not stored").isZero();
            softly.assertThat(retryProblems).as("refused sessions that a retry with the same id did not store").isEmpty();
            softly.assertThat(storedIds).as("stored sessions: exactly those answered 2xx, first time or on retry").isEqualTo(expected);
            softly.assertThat(duplicatesStored).as("sessions stored twice").isZero();

            // Events: one per stored session. A sentinel stored last is the barrier: the outbox relays in the
            // order events were stored, so once its event is read, any second copy of an earlier one is there too.
            Person sentinel = persons.get(0);
            Attempt last = postSession(sentinel, session(sentinel, new Random(), exercises), "sentinel");
            assertThat(last.status()).as("the sentinel session: %s", last.describe()).isEqualTo(201);
            Set<String> personIds = persons.stream().map(Person::id).collect(Collectors.toSet());
            await("an event for every stored session").atMost(Duration.ofSeconds(120)).pollDelay(Duration.ZERO).until(() -> {
                topics.poll();
                Set<String> seen = topics.matching(r -> personIds.contains(r.key())).stream().map(this::sessionIdOf).collect(Collectors.toSet());
                return seen.contains(last.sessionId()) && seen.containsAll(expected);
            });
            topics.catchUp(Duration.ofSeconds(30));
            // The outbox relay is at-least-once: a batch sent to Kafka whose "sent" mark could not be committed (the
            // database went away in between) is sent again, as the same events (same CloudEvent id), which consumers
            // drop by id (contracts/README.md). What must hold: one event per session, never two different ones.
            List<ConsumerRecord<String, String>> records = topics.matching(r -> personIds.contains(r.key())).stream()
                    .filter(r -> !last.sessionId().equals(sessionIdOf(r))).toList();
            Map<String, Set<String>> eventIdsPerSession = records.stream().collect(Collectors.groupingBy(this::sessionIdOf,
                    Collectors.mapping(this::eventIdOf, Collectors.toSet())));
            Map<String, Long> eventsPerSession = eventIdsPerSession.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> (long) e.getValue().size()));
            Map<String, Long> twice = eventsPerSession.entrySet().stream().filter(e -> e.getValue() != 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            Set<String> withoutStored = new HashSet<>(eventsPerSession.keySet());
            withoutStored.removeAll(storedIds);
            long distinct = eventsPerSession.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("[pg-restart] session-completions (read_committed): %d distinct events for %d sessions, %d"
                    + " records (%d redelivered copies of the same event id); sessions with more than one distinct event %d;"
                    + " events for sessions not stored %d%n", distinct, eventsPerSession.size(), records.size(),
                    records.size() - distinct, twice.size(), withoutStored.size());
            twice.entrySet().stream().limit(5).forEach(e -> System.out.printf("[pg-restart] %s has %d events%n", e.getKey(), e.getValue()));
            softly.assertThat(eventsPerSession.keySet()).as("sessions with an event").isEqualTo(storedIds);
            softly.assertThat(twice).as("sessions with more than one distinct event").isEmpty();

            // Recovered in place: the same process, ready.
            softly.assertThat(platform.pid("tracking")).as("tracking's pid").isEqualTo(trackingPid);
            softly.assertThat(ProcessHandle.of(trackingPid).map(ProcessHandle::isAlive)).as("tracking still running").contains(true);
            softly.assertThat(ready()).as("tracking readiness at the end").isEqualTo("UP");
            softly.assertAll();
        } finally {
            streaming.set(false);
            stream.shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private static long answered(ConcurrentLinkedQueue<Attempt> attempts, Person person, String phase, boolean ok) {
        return attempts.stream().filter(a -> a.person() == person && a.phase().equals(phase) && a.failure() == null && a.ok() == ok).count();
    }

    private String session(Person person, Random random, List<String> exercises) {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(30 + random.nextInt(72 * 60)).withNano(0);
        return """
                {"sessionId":"%s","startedAt":"%s","timeZone":"%s","minutes":%d,"phases":["release","stretch","strengthen"],\
                "exercises":["%s"],"sides":"both","painBefore":%d,"painAfter":%d}"""
                .formatted(UUID.randomUUID(), at, person.zone().getId(), 10 + random.nextInt(30), exercises.get(random.nextInt(exercises.size())),
                        2 + random.nextInt(5), 1 + random.nextInt(4));
    }

    private Attempt postSession(Person person, String body, String phase) {
        String sessionId = body.substring(body.indexOf("\"sessionId\":\"") + 13, body.indexOf("\"sessionId\":\"") + 49);
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = post(person, "/api/v1/me/sessions", body);
            return new Attempt(person, sessionId, body, phase, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(), (System.nanoTime() - start) / 1_000_000, null);
        } catch (IOException e) {
            return new Attempt(person, sessionId, body, phase, 0, "", "", (System.nanoTime() - start) / 1_000_000, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(person, sessionId, body, phase, 0, "", "", (System.nanoTime() - start) / 1_000_000, e.toString());
        }
    }

    private boolean isProblem(Attempt a) {
        if (!a.contentType().startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonNode problem = json.readTree(a.answer());
            return problem.path("status").asInt() == a.status() && !problem.path("title").asText("").isBlank();
        } catch (IOException e) {
            return false;
        }
    }

    private String eventIdOf(ConsumerRecord<String, String> record) {
        try {
            return json.readTree(record.value()).path("id").asText();
        } catch (IOException e) {
            return "unreadable@" + record.offset();
        }
    }

    private String sessionIdOf(ConsumerRecord<String, String> record) {
        try {
            JsonNode event = json.readTree(record.value());
            return event.hasNonNull("subject") ? event.get("subject").asText() : event.path("data").path("sessionId").asText();
        } catch (IOException e) {
            return "unreadable@" + record.offset();
        }
    }

    /** Every session id tracking lists for each person, in order, all pages. */
    private Map<Person, List<String>> stored(List<Person> persons) throws IOException, InterruptedException {
        Map<Person, List<String>> stored = new HashMap<>();
        for (Person p : persons) {
            List<String> ids = new ArrayList<>();
            int offset = 0;
            while (true) {
                JsonNode page = read("tracking", "/api/v1/me/sessions?limit=100&offset=" + offset, p.token());
                page.get("items").forEach(item -> ids.add(item.get("sessionId").asText()));
                if (page.get("nextOffset").isNull()) {
                    break;
                }
                offset = page.get("nextOffset").asInt();
            }
            stored.put(p, ids);
        }
        return stored;
    }

    /** Tracking's readiness: UP, DOWN, or what else it answered. */
    private String ready() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(platform.url("tracking") + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return json.readTree(response.body()).path("status").asText("status " + response.statusCode());
        } catch (IOException e) {
            return "unreachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private HttpResponse<String> post(Person person, String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(platform.url("tracking") + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + person.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode read(String service, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(platform.url(service) + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s %s: %s", service, path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /**
     * The machine's PostgreSQL cluster (the one {@code deploy/hipflex} uses: {@code PG_CLUSTER_VERSION}, {@code PG_CLUSTER_NAME},
     * 15/main by default), stopped and started with {@code pg_ctlcluster}. While it is stopped a shutdown hook stands ready
     * to start it, so that an interrupted test run does not leave it down.
     */
    private static final class PostgresCluster {

        private final String version = System.getenv().getOrDefault("PG_CLUSTER_VERSION", "15");
        private final String name = System.getenv().getOrDefault("PG_CLUSTER_NAME", "main");
        private final Thread startOnExit = new Thread(this::startQuietly, "start-postgres-on-exit");
        private final List<String> log = new ArrayList<>();
        private boolean stopped;

        synchronized void stop() {
            Runtime.getRuntime().addShutdownHook(startOnExit);
            stopped = true;
            run("stop");
        }

        synchronized void start() {
            if (!stopped) {
                return;
            }
            String failure = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                failure = run("start");
                if (failure == null || failure.contains("already running")) {
                    stopped = false;
                    Runtime.getRuntime().removeShutdownHook(startOnExit);
                    return;
                }
            }
            throw new IllegalStateException("PostgreSQL " + version + "/" + name + " did not start again: " + failure);
        }

        synchronized String log() {
            return String.join(", ", log);
        }

        private void startQuietly() {
            try {
                run("start");
            } catch (RuntimeException e) {
                System.err.println("Could not start PostgreSQL again: " + e);
            }
        }

        /** Runs pg_ctlcluster; returns null when it succeeded, else what it said. */
        private String run(String action) {
            long started = System.nanoTime();
            try {
                Process process = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, name, action)
                        .redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                boolean done = process.waitFor(60, TimeUnit.SECONDS);
                long millis = (System.nanoTime() - started) / 1_000_000;
                log.add("pg_ctlcluster " + action + " " + millis + " ms");
                if (!done || process.exitValue() != 0) {
                    String failure = "pg_ctlcluster " + action + (done ? " exited " + process.exitValue() : " did not finish") + ": " + output;
                    if (action.equals("stop")) {
                        throw new IllegalStateException(failure);
                    }
                    return failure;
                }
                return null;
            } catch (IOException e) {
                return "pg_ctlcluster " + action + ": " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "pg_ctlcluster " + action + " interrupted";
            }
        }
    }
}
