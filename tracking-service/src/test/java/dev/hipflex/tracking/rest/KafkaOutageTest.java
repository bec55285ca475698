package dev.hipflex.tracking.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.testsupport.BrokerThatRestarts;
import dev.hipflex.testsupport.RestartableKafkaBrokerResource;
import dev.hipflex.testsupport.TestTokens;
import dev.hipflex.testsupport.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Kafka goes away while people record sessions: every session is still answered 201 at once (the REST path only
 * writes to PostgreSQL, the event waits in the outbox), readiness says Kafka is down, and once the broker is back on
 * its port each session's {@code session-completions} event arrives, exactly once.
 */
@QuarkusTest
@TestProfile(BrokerThatRestarts.class)
class KafkaOutageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String KAFKA_CHECK = "Kafka connection health check";

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    /** How long the outbox's producer keeps trying one send: a request that waited for Kafka would take this long. */
    @ConfigProperty(name = "hipflex.outbox.producer.delivery.timeout.ms")
    long deliveryTimeoutMs;

    @Test
    void sessionsAreAcceptedWhileKafkaIsDownAndTheirEventsFollowExactlyOnceWhenItReturns() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String token = TestTokens.token("p-" + UUID.randomUUID(), "user");
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("timeZone", "Europe/Berlin"))
                    .post("/api/v1/me/plan/start").then().statusCode(200);
            tokens.add(token);
        }
        // Before: events flow, so the producer knows the broker and the topic.
        UUID before = record(tokens.get(0));
        try (TopicReader completions = new TopicReader("session-completions")) {
            await().atMost(WAIT).until(() -> sessionIds(completions).contains(before.toString()));
        }
        await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));

        List<UUID> during = new ArrayList<>();
        RestartableKafkaBrokerResource.stopBroker();
        try {
            await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == '" + KAFKA_CHECK + "' }.status", equalTo("DOWN")));
            for (int i = 0; i < 20; i++) {
                long started = System.nanoTime();
                during.add(record(tokens.get(i % tokens.size())));
                // Not a performance check: a request that waited on Kafka would take the producer's timeout.
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(deliveryTimeoutMs / 3));
            }
            // Stored with their sessions, none sent: nothing can reach the broker.
            assertThat(unsent(during)).isEqualTo(during.size());
            // The broker stays away until the relay's producer has given up on sends: they must come from the outbox again.
            await().atMost(WAIT).until(() -> producerErrors() > 0);
            assertThat(unsent(during)).isEqualTo(during.size());
        } finally {
            RestartableKafkaBrokerResource.startBroker();
        }

        await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem(KAFKA_CHECK)));
        try (TopicReader completions = new TopicReader("session-completions")) {
            await().atMost(WAIT).until(() -> sessionIds(completions).containsAll(ids(during)));
            await().atMost(WAIT).until(() -> unsent(during) == 0);
            // The relay is at-least-once: a send the broker took but never acknowledged (it stopped) is sent again,
            // as the same event (same CloudEvent id), which consumers drop by id. Never two different events.
            Map<String, Set<String>> received = new HashMap<>();
            for (ConsumerRecord<String, String> record : completions.poll()) {
                JsonNode event = JSON.readTree(record.value());
                received.computeIfAbsent(event.path("data").path("sessionId").asText(), id -> new HashSet<>())
                        .add(event.path("id").asText());
            }
            for (UUID session : during) {
                assertThat(received.get(session.toString())).as("distinct events for session %s", session).hasSize(1);
            }
        }
    }

    /** Events the outbox relay's producer failed to deliver (it gave up on them): they wait in the outbox. */
    private double producerErrors() {
        return registry.find("hipflex.outbox.undelivered").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** Records a session for the token's person and expects 201. */
    private static UUID record(String token) {
        UUID id = UUID.randomUUID();
        Response response = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(PlanAndSessionsTest.session(id, OffsetDateTime.now(ZoneOffset.UTC).minusHours(1)))
                .post("/api/v1/me/sessions");
        response.then().statusCode(201);
        return id;
    }

    private long unsent(List<UUID> sessions) {
        return pool.preparedQuery("select count(*) from outbox_event where topic = 'session-completions'"
                + " and sent_at is null and payload::jsonb -> 'data' ->> 'sessionId' = any($1)")
                .execute(Tuple.of(ids(sessions).toArray(new String[0]))).await().atMost(WAIT).iterator().next().getLong(0);
    }

    private static List<String> ids(List<UUID> sessions) {
        return sessions.stream().map(UUID::toString).toList();
    }

    /** The session id of every event received so far, duplicates included. */
    private static List<String> sessionIds(TopicReader completions) {
        return completions.poll().stream().map(r -> {
            try {
                return JSON.readTree(r.value()).path("data").path("sessionId").asText();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }
}
