package dev.hipflex.e2e;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.testsupport.SymptomReports;

/**
 * The steady REST load of the cluster failover tests: a few people, each in a thread of their own, sending a symptom
 * report and then recording a session, over and over, spread over both triage and both tracking instances as a load
 * balancer spreads them. A client does what the API asks of it: after a 503 it waits the Retry-After and sends the
 * same request again (same report or session id, so a repeat is stored once). An instance that refuses the connection
 * (stopped) or drops it is taken out of that one request's turn and the request goes to the other instance, as a load
 * balancer does; these are counted apart. Every answer is kept, to judge what the clients saw.
 */
final class ClusterLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PACE = Duration.ofMillis(250);
    private static final Duration GIVE_UP = Duration.ofMinutes(5);

    /** One answer (or none) to one try of a request. */
    record Answer(String request, String instance, int status, boolean retryAfter, String failure) {

        boolean accepted() {
            return failure == null && status >= 200 && status < 300;
        }

        /** A 503 that says when to try again: what a client may see while the platform settles. */
        boolean retryable() {
            return failure == null && status == 503 && retryAfter;
        }

        /** What the test allows no client to see: a 5xx other than a retryable 503, or a 4xx. */
        boolean failed() {
            return failure == null && status >= 400 && !retryable();
        }

        String kind() {
            return failure != null ? failure : status + (status == 503 ? retryAfter ? " with Retry-After" : " without Retry-After" : "");
        }
    }

    record Person(String id, String token, ZoneId zone) {
    }

    private final Platform cluster;
    private final String name;
    private final List<Person> people = new ArrayList<>();
    private final List<String> exercises = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    /** Reports answered 202, each with its person, in the order each person's were accepted. */
    private final ConcurrentLinkedQueue<String[]> reports = new ConcurrentLinkedQueue<>();
    private final Set<String> sessions = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicInteger givenUp = new AtomicInteger();
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean();
    private ExecutorService threads;

    /** Creates {@code count} people (accounts, tokens, started plans). */
    ClusterLoad(Platform cluster, String name, int count) throws Exception {
        this.cluster = cluster;
        this.name = name;
        JsonNode catalog = JSON.readTree(send(HttpRequest.newBuilder(URI.create(cluster.url("catalog") + "/api/v1/exercises?limit=100"))
                .GET().build()).body());
        catalog.get("items").forEach(item -> exercises.add(item.get("slug").asText()));
        for (int i = 0; i < count; i++) {
            String token = cluster.token(name + "-" + i + "-" + UUID.randomUUID());
            Person person = new Person(Platform.subjectOf(token), token, ZoneId.of(i % 2 == 0 ? "Europe/Berlin" : "America/New_York"));
            HttpResponse<String> started = send(post("tracking", "/api/v1/me/plan/start", person,
                    "{\"timeZone\":\"" + person.zone().getId() + "\"}"));
            if (started.statusCode() != 200) {
                throw new IllegalStateException("plan start for " + person.id() + ": " + started.statusCode() + " " + started.body());
            }
            people.add(person);
        }
    }

    void start() {
        running.set(true);
        threads = Executors.newFixedThreadPool(people.size());
        for (Person person : people) {
            threads.execute(() -> stream(person));
        }
    }

    /** Stops sending; waits for the requests under way, retries included. */
    void stop() throws InterruptedException {
        running.set(false);
        threads.shutdown();
        if (!threads.awaitTermination(GIVE_UP.toSeconds() + 60, TimeUnit.SECONDS)) {
            threads.shutdownNow();
            throw new IllegalStateException("the " + name + " load did not stop");
        }
    }

    private void stream(Person person) {
        Random random = new Random(person.id().hashCode());
        long next = System.nanoTime();
        while (running.get()) {
            try {
                String reportId = UUID.randomUUID().toString();
                String report = JSON.writeValueAsString(SymptomReports.deskWorker(UUID.fromString(reportId), person.id(), person.zone()));
                if (until2xx("report", List.of("triage", "triage-2"), "/api/v1/symptom-reports", person, report)) {
                    reports.add(new String[] {person.id(), reportId});
                }
                String sessionId = UUID.randomUUID().toString();
                if (until2xx("session", List.of("tracking", "tracking-2"), "/api/v1/me/sessions", person, session(sessionId, person, random))) {
                    sessions.add(sessionId);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            next += PACE.toNanos();
            java.util.concurrent.locks.LockSupport.parkNanos(next - System.nanoTime());
        }
    }

    /** Sends one request until an instance accepts it; false when refused for good (4xx, a 5xx other than 503) or given up. */
    private boolean until2xx(String what, List<String> instances, String path, Person person, String body) throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline) {
            String instance = instances.get(Math.floorMod(turn.getAndIncrement(), instances.size()));
            Answer answer;
            try {
                HttpResponse<String> response = send(post(instance, path, person, body));
                answer = new Answer(what, instance, response.statusCode(), response.headers().firstValue("Retry-After").isPresent(), null);
            } catch (ConnectException e) {
                answer = new Answer(what, instance, 0, false, "connection refused");
            } catch (IOException e) {
                answer = new Answer(what, instance, 0, false, "no answer (" + e.getClass().getSimpleName() + ")");
            }
            answers.add(answer);
            if (answer.accepted()) {
                return true;
            }
            if (answer.failed()) {
                return false;
            }
            // A retryable 503 or a missing instance: the next instance, after a pause (at most the 1-2 s Retry-After).
            Thread.sleep(answer.retryable() ? 1000 : 200);
        }
        givenUp.incrementAndGet();
        return false;
    }

    private String session(String sessionId, Person person, Random random) {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(30 + random.nextInt(72 * 60)).withNano(0);
        return """
                {"sessionId":"%s","startedAt":"%s","timeZone":"%s","minutes":%d,"phases":["release","stretch","strengthen"],\
                "exercises":["%s"],"sides":"both","painBefore":%d,"painAfter":%d}"""
                .formatted(sessionId, at, person.zone().getId(), 10 + random.nextInt(30), exercises.get(random.nextInt(exercises.size())),
                        2 + random.nextInt(5), 1 + random.nextInt(4));
    }

    private HttpRequest post(String instance, String path, Person person, String body) {
        return HttpRequest.newBuilder(URI.create(cluster.url(instance) + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + person.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Hands the reports accepted since the last call to the tally, which then counts their recommendations too. */
    void registerReports(RecommendationTally tally) {
        for (String[] report = reports.poll(); report != null; report = reports.poll()) {
            tally.expect(report[0], report[1]);
        }
    }

    int reportsAccepted() {
        return (int) answers.stream().filter(a -> a.request().equals("report") && a.accepted()).count();
    }

    Set<String> sessionsAccepted() {
        return Set.copyOf(sessions);
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    int givenUp() {
        return givenUp.get();
    }

    /** What the clients saw: each kind of answer with its count, by request. */
    String seen() {
        return answers().stream().collect(Collectors.groupingBy(a -> a.request() + " " + a.kind(), TreeMap::new, Collectors.counting()))
                .toString();
    }

    /** The answers no client may see (a 4xx, or a 5xx other than 503 with Retry-After), by kind. */
    Map<String, Long> failures() {
        return answers().stream().filter(Answer::failed)
                .collect(Collectors.groupingBy(a -> a.request() + " " + a.instance() + " " + a.kind(), TreeMap::new, Collectors.counting()));
    }

    /** Every session id tracking lists for this load's people, all pages, asked of {@code instance}. */
    List<String> sessionsStored() throws IOException {
        List<String> ids = new ArrayList<>();
        for (Person person : people) {
            int offset = 0;
            while (true) {
                HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(cluster.url("tracking")
                        + "/api/v1/me/sessions?limit=100&offset=" + offset)).header("Authorization", "Bearer " + person.token())
                        .timeout(Duration.ofSeconds(30)).GET().build());
                if (page.statusCode() != 200) {
                    throw new IllegalStateException("listing sessions: " + page.statusCode() + " " + page.body());
                }
                JsonNode body = JSON.readTree(page.body());
                body.get("items").forEach(item -> ids.add(item.get("sessionId").asText()));
                if (body.get("nextOffset").isNull()) {
                    break;
                }
                offset = body.get("nextOffset").asInt();
            }
        }
        return ids;
    }

    /** This load's people, for the topics' keys. */
    Set<String> personIds() {
        return people.stream().map(Person::id).collect(Collectors.toSet());
    }

    /**
     * The sessions' completion events: by session id, the distinct event ids read for it (the outbox relay may send one
     * event twice, as the same event; two different events for one session would be a duplicate).
     */
    Map<String, Set<String>> completionEvents(List<ConsumerRecord<String, String>> records) throws IOException {
        Set<String> ours = personIds();
        Map<String, Set<String>> events = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            if (ours.contains(record.key())) {
                JsonNode event = JSON.readTree(record.value());
                String sessionId = event.hasNonNull("subject") ? event.get("subject").asText() : event.path("data").path("sessionId").asText();
                events.computeIfAbsent(sessionId, k -> new HashSet<>()).add(event.path("id").asText());
            }
        }
        return events;
    }

    /**
     * After the load stopped: waits until every report the tally counts (sent to Kafka, and accepted over REST) has its
     * recommendation and every accepted session its completion event, reads on for duplicates, prints the counts and
     * asserts them: nothing lost, nothing duplicated, each person's recommendations in order, no client saw a failure.
     */
    void settle(String tag, RecommendationTally tally, TopicWatch completions) throws Exception {
        registerReports(tally);
        Set<String> accepted = sessionsAccepted();
        long settling = System.nanoTime();
        org.awaitility.Awaitility.await(tag + " every report recommended, every session announced").atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ZERO).until(() -> {
                    tally.poll();
                    completions.poll();
                    return tally.missing() == 0 && completionEvents(completions.poll()).keySet().containsAll(accepted);
                });
        double settled = (System.nanoTime() - settling) / 1e9;
        tally.readOn();
        completions.catchUp(Duration.ofSeconds(60));
        List<String> stored = sessionsStored();
        Map<String, Set<String>> events = completionEvents(completions.poll());
        long sessionsTwice = events.values().stream().filter(ids -> ids.size() > 1).count();
        long storedTwice = stored.size() - new HashSet<>(stored).size();
        System.out.printf("[%s] reports (%d over Kafka, %d over REST): %s; settled %.1f s after the load stopped%n", tag,
                tally.sent() - reportsAccepted(), reportsAccepted(), tally.counts(), settled);
        System.out.printf("[%s] sessions: %d accepted, %d stored (%d twice), %d with a completion event, %d with two different"
                + " events%n", tag, accepted.size(), stored.size(), storedTwice, events.keySet().stream().filter(accepted::contains).count(),
                sessionsTwice);
        System.out.printf("[%s] what the REST clients saw, by answer: %s; given up %d%n", tag, seen(), givenUp());

        org.assertj.core.api.SoftAssertions softly = new org.assertj.core.api.SoftAssertions();
        softly.assertThat(tally.missing()).as("reports without a recommendation").isZero();
        softly.assertThat(tally.duplicates()).as("reports with more than one recommendation").isZero();
        softly.assertThat(tally.events()).as("recommendation events, one per report").isEqualTo(tally.sent());
        softly.assertThat(tally.outOfOrder()).as("people whose recommendations came out of order").isZero();
        softly.assertThat(new HashSet<>(stored)).as("sessions stored: exactly those accepted").isEqualTo(accepted);
        softly.assertThat(storedTwice).as("sessions stored twice").isZero();
        softly.assertThat(sessionsTwice).as("sessions with two different completion events").isZero();
        softly.assertThat(failures()).as("answers other than 2xx and 503 with Retry-After, by request, instance and answer").isEmpty();
        softly.assertThat(givenUp()).as("requests given up after %s", GIVE_UP).isZero();
        softly.assertAll();
    }

    @Override
    public void close() throws InterruptedException {
        if (threads != null && !threads.isTerminated()) {
            stop();
        }
    }
}
