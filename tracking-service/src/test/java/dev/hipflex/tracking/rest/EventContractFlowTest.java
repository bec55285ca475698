package dev.hipflex.tracking.rest;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.hipflex.testsupport.EventContracts;
import dev.hipflex.testsupport.TopicReader;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The records tracking really puts on Kafka after a session (its ObjectMapper, the outbox and its relay) keep the
 * published contracts, key included.
 */
@QuarkusTest
class EventContractFlowTest {

    @Test
    void theSessionAndTheAdherenceUpdateTrackingPublishesKeepTheirContracts() throws Exception {
        PlanFixture person = new PlanFixture(3);
        try (TopicReader sessions = new TopicReader("session-completions");
                TopicReader adherence = new TopicReader("adherence-updates")) {
            person.record(person.session(2, LocalTime.of(7, 30)));

            for (TopicReader reader : List.of(sessions, adherence)) {
                List<ConsumerRecord<String, String>> mine = await().atMost(Duration.ofSeconds(30)).until(
                        () -> reader.poll().stream().filter(r -> person.person.equals(r.key())).toList(),
                        r -> !r.isEmpty());
                EventContracts.assertValid(mine.get(0).topic(), mine.get(0).key(), mine.get(0).value());
            }
        }
    }
}
