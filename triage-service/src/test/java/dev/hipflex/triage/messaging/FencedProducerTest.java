package dev.hipflex.triage.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.testsupport.KafkaBrokerResource;
import dev.hipflex.testsupport.TopicReader;
import dev.hipflex.testsupport.TopicWriter;
import dev.hipflex.triage.rest.Reports;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A producer the broker has fenced can never publish again. That happens when the transaction coordinator rolls back
 * triage's open transaction after a broker outage longer than the transaction timeout, or when another producer
 * takes the same transactional id. Here a rival producer takes triage's id: the pipeline must replace its producer
 * and go on, every report still getting exactly one recommendation.
 */
@QuarkusTest
class FencedProducerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFencedProducerIsReplacedAndEveryReportStillGetsExactlyOneRecommendation() throws Exception {
        String person = "p-" + UUID.randomUUID();
        try (TopicReader recommendations = new TopicReader(TriageEvents.RECOMMENDATIONS_TOPIC);
                TopicWriter writer = new TopicWriter()) {
            List<String> sent = new ArrayList<>();
            sent.add(send(writer, person));
            awaitRecommendations(recommendations, person, 1);

            fenceTriagesProducer();
            for (int i = 0; i < 20; i++) {
                sent.add(send(writer, person));
            }

            awaitRecommendations(recommendations, person, sent.size());
            // Give a duplicate every chance to show up before concluding there is none.
            List<ConsumerRecord<String, String>> events = await().pollDelay(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(10)).until(() -> ours(recommendations, person), r -> true);
            assertThat(events.stream().map(FencedProducerTest::reportIdOf).toList()).isEqualTo(sent);
        }
    }

    /** Another producer initialises transactions under triage's transactional id: the broker fences triage's. */
    private static void fenceTriagesProducer() {
        String transactionalId = SymptomReportPipeline.clientId(
                ConfigProvider.getConfig().getValue(SymptomReportPipeline.INSTANCE_ID, String.class));
        try (KafkaProducer<String, String> rival = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId), new StringSerializer(), new StringSerializer())) {
            rival.initTransactions();
        }
    }

    private static String send(TopicWriter writer, String person) throws Exception {
        UUID reportId = UUID.randomUUID();
        writer.send(TriageEvents.REPORTS_TOPIC, person, JSON.writeValueAsString(Reports.deskWorker(reportId, person)));
        return reportId.toString();
    }

    private static void awaitRecommendations(TopicReader reader, String person, int count) {
        await().atMost(Duration.ofSeconds(90)).until(() -> ours(reader, person), r -> r.size() >= count);
    }

    /** Every recommendation for the person read so far, in order. */
    private static List<ConsumerRecord<String, String>> ours(TopicReader reader, String person) {
        return reader.poll().stream().filter(r -> person.equals(r.key())).toList();
    }

    private static String reportIdOf(ConsumerRecord<String, String> event) {
        try {
            return JSON.readTree(event.value()).path("data").path("reportId").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
