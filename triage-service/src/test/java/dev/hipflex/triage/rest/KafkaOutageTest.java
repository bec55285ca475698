package dev.hipflex.triage.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
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
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Kafka goes away while people send reports: each report is still answered 202 at once (the REST path only writes to
 * PostgreSQL, the report's event waits in the outbox), readiness says Kafka is down, and once the broker is back each
 * report is published and gets its recommendation, exactly one, through the pipeline's reconnected consumer and
 * transactional producer.
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

    private final String token = TestTokens.token("p-" + UUID.randomUUID(), "user");

    @Test
    void reportsAreAcceptedWhileKafkaIsDownAndEachGetsOneRecommendationWhenItReturns() throws Exception {
        // Before: the pipeline runs, so its clients and the outbox's producer know the broker and the topics.
        UUID before = send();
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/v1/symptom-reports/" + before + "/recommendation").then().statusCode(200));

        List<UUID> during = new ArrayList<>();
        RestartableKafkaBrokerResource.stopBroker();
        try {
            await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == '" + KAFKA_CHECK + "' }.status", equalTo("DOWN")));
            for (int i = 0; i < 10; i++) {
                long started = System.nanoTime();
                during.add(send());
                // Not a performance check: a request that waited on Kafka would take the producer's timeout.
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(deliveryTimeoutMs / 3));
            }
            assertThat(unsent(during)).isEqualTo(during.size());
            // The broker stays away until the relay's producer has given up on sends: they must come from the outbox again.
            await().atMost(WAIT).until(() -> producerErrors() > 0);
            assertThat(unsent(during)).isEqualTo(during.size());
            for (UUID report : during) {
                given().auth().oauth2(token).get("/api/v1/symptom-reports/" + report + "/recommendation").then()
                        .statusCode(202);
            }
        } finally {
            RestartableKafkaBrokerResource.startBroker();
        }

        await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem(KAFKA_CHECK)));
        for (UUID report : during) {
            await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(token)
                    .get("/api/v1/symptom-reports/" + report + "/recommendation").then().statusCode(200)
                    .body("reportId", equalTo(report.toString())));
        }
        try (TopicReader recommendations = new TopicReader("recommendations")) {
            Set<String> ours = new HashSet<>(during.stream().map(UUID::toString).toList());
            await().atMost(WAIT).until(() -> eventIdsByReport(recommendations, ours).keySet().containsAll(ours));
            // Give a duplicate every chance to show up before concluding there is none.
            Map<String, List<String>> events = await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT)
                    .until(() -> eventIdsByReport(recommendations, ours), e -> true);
            for (String report : ours) {
                assertThat(events.get(report)).as("recommendation events for report %s", report).hasSize(1);
            }
        }
    }

    private UUID send() {
        UUID reportId = UUID.randomUUID();
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Reports.deskWorker(reportId, null))
                .post("/api/v1/symptom-reports").then().statusCode(202);
        return reportId;
    }

    /** Events the outbox relay's producer failed to deliver (it gave up on them): they wait in the outbox. */
    private double producerErrors() {
        return registry.find("hipflex.outbox.undelivered").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private long unsent(List<UUID> reports) {
        return pool.preparedQuery("select count(*) from outbox_event where topic = 'symptom-reports'"
                + " and sent_at is null and payload::jsonb -> 'data' ->> 'reportId' = any($1)")
                .execute(Tuple.of(reports.stream().map(UUID::toString).toArray(String[]::new))).await().atMost(WAIT)
                .iterator().next().getLong(0);
    }

    /** The event ids received so far for each of these reports, duplicates included. */
    private static Map<String, List<String>> eventIdsByReport(TopicReader reader, Set<String> reports) throws Exception {
        Map<String, List<String>> byReport = new HashMap<>();
        for (ConsumerRecord<String, String> record : reader.poll()) {
            JsonNode event = JSON.readTree(record.value());
            String report = event.path("data").path("reportId").asText();
            if (reports.contains(report)) {
                byReport.computeIfAbsent(report, r -> new ArrayList<>()).add(event.path("id").asText());
            }
        }
        return byReport;
    }
}
