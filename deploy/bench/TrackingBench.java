// Tracking benchmark, run by deploy/bench/tracking against the local stack.
//   java -cp 'tracking-service/target/quarkus-app/lib/main/*' deploy/bench/TrackingBench.java \
//        <base-url> <bootstrap> <keycloak-url> <people> <sessions> <connections> <rate> <seconds> <queries> \
//        <throughput-seconds> <wrk-script or ->
//    with the stack's Keycloak admin password in HIPFLEX_KEYCLOAK_ADMIN_PASSWORD.
// 1. Plans: POST /me/plan/start for each person. Each person is an account of the local realm, made through
//    Keycloak's admin API, with a real token from the realm's dev client (as `deploy/hipflex token` gets one).
// 2. Throughput: sessions recorded over REST as fast as the service takes them, <connections> requests in flight
//    over keep-alive connections; sessions/s, with p50/p99 at that load. With a wrk script, wrk makes this load for
//    <throughput-seconds> (it costs the shared cores far less per request than this JVM); without, <sessions>
//    requests from here.
//    Then waits until every session recorded so far has its event on session-completions (the outbox drained).
// 3. Latency: sessions offered at <rate>/s for <seconds> s (open loop: each request's latency counts from the moment
//    it was due, so a stall delays the requests behind it too); POST p50/p99.
// 4. A year of history: a person whose plan started 365 days ago (a recommendation event, as triage sends it), with
//    a session on most days and weekly check-ins, then GET /me/adherence <queries> times one after another; p50/p99.
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;

public class TrackingBench {

    static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Asia/Tokyo", "Pacific/Auckland");
    static final List<String> EXERCISES = List.of("foam-roll-quads-rectus-femoris", "half-kneeling-hip-flexor-stretch",
            "glute-bridge-hold", "dead-bug", "supine-passive-hip-flexor-stretch", "bird-dog");

    static Vertx vertx;
    static HttpClient http;
    static String keycloak;
    /** This run's people, as the platform knows them (their tokens' subjects): the keys of their events. */
    static final java.util.Set<String> people = java.util.concurrent.ConcurrentHashMap.newKeySet();
    static String run = Long.toString(System.currentTimeMillis(), 36);

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String bootstrap = args[1];
        keycloak = args[2];
        int people = Integer.parseInt(args[3]);
        int sessions = Integer.parseInt(args[4]);
        int connections = Integer.parseInt(args[5]);
        int rate = Integer.parseInt(args[6]);
        int seconds = Integer.parseInt(args[7]);
        int queries = Integer.parseInt(args[8]);
        int throughputSeconds = Integer.parseInt(args[9]);
        String wrkScript = args[10];

        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(base.getHost()).setDefaultPort(base.getPort())
                .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        try {
            // Sent first: tracking may have recommendations to catch up on before it makes this person's plan.
            Year year = recommendYear(bootstrap);
            String[] zones = new String[people];
            for (int i = 0; i < people; i++) {
                zones[i] = ZONES.get(i % ZONES.size());
            }
            long signingIn = System.nanoTime();
            String[] tokens = tokens("bench-" + run + "-", people);
            for (String token : tokens) {
                TrackingBench.people.add(subjectOf(token));
            }
            System.out.printf("accounts      %,d Keycloak accounts made and signed in in %.1f s%n", people, secondsSince(signingIn));
            long started = System.nanoTime();
            Result plans = closedLoop(people, connections, i -> send(HttpMethod.POST, "/api/v1/me/plan/start", tokens[i],
                    "{\"timeZone\":\"" + zones[i] + "\"}"));
            System.out.printf("plans         %,d people started a plan in %.1f s (%,.0f/s), %d errors%n", people,
                    secondsSince(started), people / secondsSince(started), plans.errors());

            // Every recorded session's event is counted on its topic, so the latency phase can start on a settled system.
            KafkaConsumer<String, String> completions = completions(bootstrap);
            // Warm-up at the same load, not counted: JIT, connection pools, the outbox relay's first batches.
            int warmUp = Math.min(sessions / 5, 10_000);
            closedLoop(warmUp, connections, i -> session(tokens, zones));
            double perSecond;
            long recorded;
            long throughputErrors;
            if (!"-".equals(wrkScript)) {
                double[] wrk = wrk(base, wrkScript, tokens, zones, connections, throughputSeconds);
                // Only sessions answered 201 count.
                perSecond = (wrk[0] - wrk[4]) / wrk[1];
                recorded = warmUp + (long) wrk[0] - (long) wrk[4];
                throughputErrors = (long) wrk[4];
                System.out.printf("throughput    %,.0f sessions in %.0f s from wrk with %d connections: %,.0f sessions/s, p50 %.1f ms, p99 %.1f ms, %.0f errors%n",
                        wrk[0], wrk[1], connections, perSecond, wrk[2], wrk[3], wrk[4]);
            } else {
                started = System.nanoTime();
                Result throughput = closedLoop(sessions, connections, i -> session(tokens, zones));
                perSecond = (sessions - throughput.errors()) / secondsSince(started);
                recorded = warmUp + sessions - throughput.errors();
                throughputErrors = throughput.errors();
                System.out.printf("throughput    %,d sessions with %d in flight: %,.0f sessions/s, p50 %.1f ms, p99 %.1f ms, %d errors%n",
                        sessions, connections, perSecond, throughput.p(0.50), throughput.p(0.99), throughput.errors());
            }

            // Overload leaves a backlog (the outbox's events still to relay): the latency phase measures 500/s on its own.
            started = System.nanoTime();
            long events = awaitEvents(completions, recorded);
            System.out.printf("settled       %,d of %,d session-completions events on Kafka %.1f s after the throughput phase%n",
                    events, recorded, secondsSince(started));

            Result fixed = openLoop(rate, seconds, () -> session(tokens, zones));
            System.out.printf("latency       %,d sessions offered at %d/s: POST p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors%n",
                    fixed.count(), rate, fixed.p(0.50), fixed.p(0.99), fixed.max(), fixed.errors());

            String yearToken = yearOfHistory(year);
            closedLoop(Math.max(200, queries / 10), 1, i -> send(HttpMethod.GET, "/api/v1/me/adherence", yearToken, null));
            started = System.nanoTime();
            Result adherence = closedLoop(queries, 1, i -> send(HttpMethod.GET, "/api/v1/me/adherence", yearToken, null));
            System.out.printf("adherence     %,d GET /me/adherence one after another, a year of history: p50 %.2f ms, p99 %.2f ms, %,.0f/s, %d errors%n",
                    queries, adherence.p(0.50), adherence.p(0.99), queries / secondsSince(started), adherence.errors());

            System.out.printf("targets       sessions/s >= 2,000: %s; POST p99 <= 50 ms at 500/s: %s; adherence p99 <= 10 ms: %s%n",
                    perSecond >= 2000 && throughputErrors == 0 ? "MET" : "NOT MET", fixed.p(0.99) <= 50 && fixed.errors() == 0 ? "MET" : "NOT MET",
                    adherence.p(0.99) <= 10 && adherence.errors() == 0 ? "MET" : "NOT MET");
        } finally {
            http.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** A consumer of {@code session-completions} positioned at its end, before any of this run's sessions. */
    static KafkaConsumer<String, String> completions(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + run);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("session-completions"));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        return consumer;
    }

    /** Reads this run's session events until {@code expected} have arrived (or five minutes pass); returns how many. */
    static long awaitEvents(KafkaConsumer<String, String> consumer, long expected) {
        long seen = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (seen < expected && System.nanoTime() < deadline) {
            for (var record : consumer.poll(Duration.ofMillis(200))) {
                if (record.key() != null && people.contains(record.key())) {
                    seen++;
                }
            }
        }
        consumer.close();
        return seen;
    }

    /** Runs wrk with the sessions script; returns requests, seconds, p50 ms, p99 ms, errors (its "WRK" line). */
    static double[] wrk(URI base, String script, String[] tokens, String[] zones, int connections, int seconds)
            throws Exception {
        Path people = Files.createTempFile("tracking-bench-people", ".txt");
        try {
            StringBuilder lines = new StringBuilder();
            Instant at = Instant.now().minusSeconds(1800).truncatedTo(ChronoUnit.SECONDS);
            for (int i = 0; i < tokens.length; i++) {
                lines.append(tokens[i]).append(' ').append(zones[i]).append(' ')
                        .append(at.atZone(ZoneId.of(zones[i])).toOffsetDateTime()).append('\n');
            }
            Files.writeString(people, lines);
            Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency", "-s",
                    script, base.toString(), "--", people.toString(),
                    Long.toString(ThreadLocalRandom.current().nextLong(1L << 32))).redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (wrk.waitFor() != 0) {
                throw new IllegalStateException("wrk failed:\n" + output);
            }
            String line = output.lines().filter(l -> l.startsWith("WRK ")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no result from wrk:\n" + output));
            return Arrays.stream(line.substring(4).trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
        } finally {
            Files.deleteIfExists(people);
        }
    }

    /** Latencies in microseconds, and how many requests did not answer 2xx. */
    record Result(long[] micros, int errors) {

        int count() {
            return micros.length;
        }

        double p(double q) {
            return micros.length == 0 ? Double.NaN : micros[Math.min(micros.length - 1, (int) Math.ceil(q * micros.length) - 1)] / 1000.0;
        }

        double max() {
            return micros.length == 0 ? Double.NaN : micros[micros.length - 1] / 1000.0;
        }
    }

    interface Call {
        Future<Integer> start(int i);
    }

    /** {@code n} calls, at most {@code inFlight} at a time, each started as soon as one finishes. */
    static Result closedLoop(int n, int inFlight, Call call) throws Exception {
        long[] micros = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        CompletableFuture<Void> finished = new CompletableFuture<>();
        Runnable[] worker = new Runnable[1];
        worker[0] = () -> {
            int i = next.getAndIncrement();
            if (i >= n) {
                return;
            }
            long start = System.nanoTime();
            call.start(i).onComplete(result -> {
                micros[i] = (System.nanoTime() - start) / 1000;
                if (result.failed() || result.result() / 100 != 2) {
                    if (errors.incrementAndGet() <= 3) {
                        System.err.println("  error: " + (result.failed() ? result.cause() : "status " + result.result()));
                    }
                }
                if (done.incrementAndGet() == n) {
                    finished.complete(null);
                } else {
                    worker[0].run();
                }
            });
        };
        vertx.runOnContext(v -> {
            for (int k = 0; k < Math.min(inFlight, n); k++) {
                worker[0].run();
            }
        });
        finished.get(30, TimeUnit.MINUTES);
        Arrays.sort(micros);
        return new Result(micros, errors.get());
    }

    /** {@code rate} calls a second for {@code seconds}; each latency counts from when the call was due. */
    static Result openLoop(int rate, int seconds, java.util.function.Supplier<Future<Integer>> call) throws Exception {
        int n = rate * seconds;
        long[] micros = new long[n];
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        CompletableFuture<Void> finished = new CompletableFuture<>();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        AtomicLong timer = new AtomicLong();
        vertx.runOnContext(v -> timer.set(vertx.setPeriodic(1, id -> {
            long now = System.nanoTime();
            while (issued.get() < n && start + issued.get() * interval <= now) {
                int i = issued.getAndIncrement();
                long due = start + i * interval;
                call.get().onComplete(result -> {
                    micros[i] = (System.nanoTime() - due) / 1000;
                    if (result.failed() || result.result() / 100 != 2) {
                        errors.incrementAndGet();
                    }
                    if (done.incrementAndGet() == n) {
                        finished.complete(null);
                    }
                });
            }
            if (issued.get() >= n) {
                vertx.cancelTimer(id);
            }
        })));
        finished.get(seconds + 300L, TimeUnit.SECONDS);
        Arrays.sort(micros);
        return new Result(micros, errors.get());
    }

    /** A session for a random person, started within the last hour. */
    static Future<Integer> session(String[] tokens, String[] zones) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int person = random.nextInt(tokens.length);
        Instant at = Instant.now().minusSeconds(60 + random.nextInt(3600)).truncatedTo(ChronoUnit.SECONDS);
        String startedAt = at.atZone(ZoneId.of(zones[person])).toOffsetDateTime().toString();
        return send(HttpMethod.POST, "/api/v1/me/sessions", tokens[person], sessionBody(UUID.randomUUID(), startedAt,
                zones[person], random));
    }

    static String sessionBody(UUID id, String startedAt, String zone, ThreadLocalRandom random) {
        boolean strengthen = random.nextInt(4) != 0;
        String sides = switch (random.nextInt(10)) {
            case 0 -> "left";
            case 1 -> "right";
            default -> "both";
        };
        int before = random.nextInt(3, 8);
        return "{\"sessionId\":\"" + id + "\",\"startedAt\":\"" + startedAt + "\",\"timeZone\":\"" + zone + "\","
                + "\"minutes\":" + random.nextInt(12, 25) + ",\"phases\":[\"release\",\"stretch\""
                + (strengthen ? ",\"strengthen\"" : "") + "],\"exercises\":[\"" + EXERCISES.get(random.nextInt(EXERCISES.size()))
                + "\",\"" + EXERCISES.get(random.nextInt(EXERCISES.size())) + "\"],\"sides\":\"" + sides + "\","
                + "\"painBefore\":" + before + ",\"painAfter\":" + Math.max(0, before - random.nextInt(3)) + "}";
    }

    static Future<Integer> send(HttpMethod method, String path, String token, String body) {
        return http.request(method, path).compose(request -> {
            request.putHeader("Authorization", "Bearer " + token);
            if (body == null) {
                return request.send();
            }
            request.putHeader("Content-Type", "application/json");
            return request.send(Buffer.buffer(body));
        }).compose(response -> response.body().map(ignored -> response.statusCode()));
    }

    record Year(String person, String token, ZoneId zone, LocalDate start) {
    }

    /** A person whose plan began 365 days ago: their first recommendation, sent on the recommendations topic as triage does. */
    static Year recommendYear(String bootstrap) throws Exception {
        String token = token("bench-" + run + "-year");
        String person = subjectOf(token);
        ZoneId zone = ZoneId.of("Europe/Berlin");
        Instant recommendedAt = Instant.now().minus(365, ChronoUnit.DAYS);
        String reportId = UUID.randomUUID().toString();
        String event = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/hipflex/triage-service\","
                + "\"type\":\"dev.hipflex.triage.recommendation.created\",\"time\":\"" + recommendedAt + "\",\"subject\":\""
                + reportId + "\",\"datacontenttype\":\"application/json\","
                + "\"dataschema\":\"https://hipflex.dev/schemas/recommendations/v2\",\"data\":{\"reportId\":\"" + reportId
                + "\",\"userId\":\"" + person + "\",\"timeZone\":\"" + zone.getId() + "\",\"level\":\"self-care\","
                + "\"plan\":{\"protocol\":\"complete-release-protocol\",\"phases\":[{\"items\":[{\"exercise\":"
                + "\"foam-roll-quads-rectus-femoris\"}]}]}}}";
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("recommendations", person, event)).get();
        }
        return new Year(person, token, zone, recommendedAt.atZone(zone).toLocalDate());
    }

    /** Once tracking has made the plan: a session on five days of seven, a second one now and then, a check-in a week. */
    static String yearOfHistory(Year year) throws Exception {
        String token = year.token();
        ZoneId zone = year.zone();
        LocalDate start = year.start();
        long waiting = System.nanoTime();
        while (send(HttpMethod.GET, "/api/v1/me/plan", token, null).toCompletionStage().toCompletableFuture().get() != 200) {
            if (secondsSince(waiting) > 1800) {
                throw new IllegalStateException("no plan for " + year.person() + " 30 minutes after its recommendation");
            }
            Thread.sleep(1000);
        }
        if (secondsSince(waiting) > 5) {
            System.out.printf("              (waited %.0f s for tracking to reach this person's recommendation)%n", secondsSince(waiting));
        }
        List<String> bodies = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (LocalDate day = start; day.isBefore(LocalDate.now(zone)); day = day.plusDays(1)) {
            if (random.nextInt(7) < 5) {
                bodies.add(sessionBody(UUID.randomUUID(), at(day, 7, zone), zone.getId(), random));
                if (random.nextInt(10) == 0) {
                    bodies.add(sessionBody(UUID.randomUUID(), at(day, 19, zone), zone.getId(), random));
                }
            }
        }
        Result recorded = closedLoop(bodies.size(), 8, i -> send(HttpMethod.POST, "/api/v1/me/sessions", token, bodies.get(i)));
        int weeks = (int) (ChronoUnit.DAYS.between(start, LocalDate.now(zone)) / 7);
        Result checkIns = closedLoop(weeks, 8, i -> send(HttpMethod.POST, "/api/v1/me/check-ins", token,
                "{\"checkInId\":\"" + UUID.randomUUID() + "\",\"at\":\"" + at(start.plusWeeks(i), 20, zone) + "\","
                        + "\"timeZone\":\"" + zone.getId() + "\",\"pain\":" + Math.max(1, 6 - i / 10) + "}"));
        System.out.printf("history       %s: plan from %s, %,d sessions and %d check-ins recorded (%d errors)%n",
                year.person(), start, bodies.size(), weeks, recorded.errors() + checkIns.errors());
        return token;
    }

    static String at(LocalDate day, int hour, ZoneId zone) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), zone).toOffsetDateTime().toString();
    }

    static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    // --- Accounts and tokens from the local stack's Keycloak ------------------------------------------------------

    static final java.net.http.HttpClient KEYCLOAK = java.net.http.HttpClient.newHttpClient();
    static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    static String adminToken;
    static long adminTokenAt;

    /** Tokens for {@code count} new accounts named {@code prefix + i}, made eight at a time (the server hashes each password). */
    static String[] tokens(String prefix, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String username = prefix + i;
                pending.add(pool.submit(() -> token(username)));
            }
            String[] tokens = new String[count];
            for (int i = 0; i < count; i++) {
                tokens[i] = pending.get(i).get();
            }
            return tokens;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A new account of the realm with the role user (its default), signed in through the dev client: its access token. */
    static String token(String username) throws Exception {
        String password = UUID.randomUUID().toString();
        String account = "{\"username\":\"" + username + "\",\"enabled\":true,\"credentials\":[{\"type\":\"password\",\"value\":\""
                + password + "\",\"temporary\":false}]}";
        HttpResponse<String> created = KEYCLOAK.send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/hipflex/users"))
                .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(account)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Keycloak did not make the account " + username + ": " + created.statusCode() + " " + created.body());
        }
        return signIn("hipflex", "hipflex-dev-tokens", username, password);
    }

    /** The admin API's token, renewed well before the master realm's one-minute lifespan runs out. */
    static synchronized String adminToken() throws Exception {
        if (adminToken == null || secondsSince(adminTokenAt) > 30) {
            adminTokenAt = System.nanoTime();
            adminToken = signIn("master", "admin-cli", "admin", System.getenv("HIPFLEX_KEYCLOAK_ADMIN_PASSWORD"));
        }
        return adminToken;
    }

    static String signIn(String realm, String client, String username, String password) throws Exception {
        String form = "grant_type=password&client_id=" + client + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> answer = KEYCLOAK.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + realm
                + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(answer.body());
        if (answer.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("Keycloak refused " + username + " in " + realm + ": " + answer.statusCode() + " " + answer.body());
        }
        return token.group(1);
    }

    /** The token's subject: the person's id on the platform. */
    static String subjectOf(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher sub = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"").matcher(payload);
        if (!sub.find()) {
            throw new IllegalStateException("no subject in " + payload);
        }
        return sub.group(1);
    }
}
