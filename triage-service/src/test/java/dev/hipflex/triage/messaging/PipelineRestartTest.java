package dev.hipflex.triage.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.testsupport.TopicReader;
import dev.hipflex.testsupport.TopicWriter;
import dev.hipflex.triage.rest.Reports;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The pipeline stopped in the middle of a stream of reports, while reports keep coming, and started again (as on a
 * redeploy): with the real broker and PostgreSQL, every report gets exactly one recommendation event, and each
 * person's come in the order the reports were sent. A process killed outright is the e2e fault tests' part
 * ({@code PipelineFaultTest}).
 */
@QuarkusTest
class PipelineRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REPORTS = 1_500;
    private static final int STOP_AFTER = 500;
    private static final int PEOPLE = 15;

    @Inject
    SymptomReportPipeline pipeline;

    @Test
    void stoppedAndStartedAgainMidStreamEveryReportGetsExactlyOneRecommendationInOrder() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, List<String>> sentByPerson = new LinkedHashMap<>();
        try (TopicReader recommendations = new TopicReader(TriageEvents.RECOMMENDATIONS_TOPIC);
                TopicWriter writer = new TopicWriter()) {
            Set<String> sentWhileStopped = new HashSet<>();
            for (int i = 0; i < REPORTS; i++) {
                if (i == STOP_AFTER) {
                    // Mid-stream: recommendations are coming out and a thousand reports are still to be sent.
                    await().atMost(Duration.ofSeconds(60)).until(() -> ours(recommendations, run).size(), n -> n > 0);
                    pipeline.stop(null);
                    assertThat(pipeline.ready(Duration.ofSeconds(60))).as("ready while stopped").isFalse();
                }
                String person = "restart-" + run + "-" + (i % PEOPLE);
                UUID reportId = UUID.randomUUID();
                writer.send(TriageEvents.REPORTS_TOPIC, person, JSON.writeValueAsString(Reports.deskWorker(reportId, person)));
                sentByPerson.computeIfAbsent(person, p -> new ArrayList<>()).add(reportId.toString());
                if (i >= STOP_AFTER) {
                    sentWhileStopped.add(reportId.toString());
                }
            }
            assertThat(ours(recommendations, run)).extracting(PipelineRestartTest::reportIdOf)
                    .as("nothing is recommended while the pipeline is stopped").doesNotContainAnyElementsOf(sentWhileStopped);
            pipeline.start(null);

            await().atMost(Duration.ofSeconds(120)).until(() -> ours(recommendations, run).size(), n -> n >= REPORTS);
            // Give a duplicate every chance to show up before concluding there is none.
            List<ConsumerRecord<String, String>> events = await().pollDelay(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(10)).until(() -> ours(recommendations, run), r -> true);

            Map<String, List<String>> receivedByPerson = new LinkedHashMap<>();
            for (ConsumerRecord<String, String> event : events) {
                receivedByPerson.computeIfAbsent(event.key(), p -> new ArrayList<>()).add(reportIdOf(event));
            }
            assertThat(events).as("exactly one event per report").hasSize(REPORTS);
            assertThat(receivedByPerson).as("each person's in the order sent").isEqualTo(sentByPerson);
            await().atMost(Duration.ofSeconds(30)).until(() -> pipeline.ready(Duration.ofSeconds(60)));
        }
    }

    private static List<ConsumerRecord<String, String>> ours(TopicReader reader, String run) {
        return reader.poll().stream().filter(r -> r.key() != null && r.key().startsWith("restart-" + run + "-")).toList();
    }

    private static String reportIdOf(ConsumerRecord<String, String> event) {
        try {
            return JSON.readTree(event.value()).path("data").path("reportId").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
