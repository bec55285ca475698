package dev.hipflex.triage.rest;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.testsupport.TopicReader;
import dev.hipflex.testsupport.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;

/**
 * At-least-once delivery means a report can arrive again (redelivery after a crash or rebalance,
 * a producer's retry): every report still yields exactly one recommendation event, and each
 * person's recommendations come out in the order of their reports.
 */
@QuarkusTest
class RedeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyReportDeliveredTwiceGetsExactlyOneRecommendationInPerPersonOrder() throws Exception {
        List<String> people = List.of("p-" + UUID.randomUUID(), "p-" + UUID.randomUUID(), "p-" + UUID.randomUUID());
        Map<String, List<String>> sentByPerson = new HashMap<>();
        List<String[]> records = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String person = people.get(i % people.size());
            UUID reportId = UUID.randomUUID();
            sentByPerson.computeIfAbsent(person, p -> new ArrayList<>()).add(reportId.toString());
            records.add(new String[] { person, JSON.writeValueAsString(Reports.deskWorker(reportId, person)) });
        }
        try (TopicReader recommendations = new TopicReader("recommendations"); TopicWriter writer = new TopicWriter()) {
            for (String[] record : records) {
                writer.send("symptom-reports", record[0], record[1]);
            }
            // The whole stream again, as a consumer restarted from an old offset would see it.
            for (String[] record : records) {
                writer.send("symptom-reports", record[0], record[1]);
            }
            Set<String> ours = Set.copyOf(people);
            List<ConsumerRecord<String, String>> events = await().atMost(Duration.ofSeconds(60))
                    .until(() -> recommendations.poll().stream().filter(r -> ours.contains(r.key())).toList(),
                            r -> r.size() >= records.size());
            // Give a duplicate every chance to show up before concluding there is none.
            events = await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
                    .until(() -> recommendations.poll().stream().filter(r -> ours.contains(r.key())).toList(), r -> true);
            Map<String, List<String>> receivedByPerson = events.stream().collect(Collectors.groupingBy(
                    ConsumerRecord::key, Collectors.mapping(r -> reportIdOf(r.value()), Collectors.toList())));
            org.assertj.core.api.Assertions.assertThat(receivedByPerson).isEqualTo(sentByPerson);
        }
    }

    private static String reportIdOf(String event) {
        try {
            JsonNode node = JSON.readTree(event);
            return node.path("data").path("reportId").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
