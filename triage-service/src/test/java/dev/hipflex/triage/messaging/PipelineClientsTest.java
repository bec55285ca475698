package dev.hipflex.triage.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Every instance names itself: without an instance id, replicas would share one transactional id and fence each
 * other's transactions, so start-up stops with a message saying what to set. And the pipeline's Kafka clients take
 * the service's {@code kafka.*} settings, TLS and SASL included.
 */
class PipelineClientsTest {

    @Test
    void withoutAnInstanceIdStartUpFailsNamingThePropertyAndTheEnvironmentVariable() {
        for (Optional<String> missing : java.util.List.of(Optional.<String>empty(), Optional.of(""), Optional.of("  "))) {
            assertThatThrownBy(() -> SymptomReportPipeline.instanceId(missing)).as("%s", missing)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("hipflex.instance-id")
                    .hasMessageContaining("HIPFLEX_INSTANCE_ID");
        }
    }

    @Test
    void theTransactionalIdAndGroupMemberIdComeFromTheInstanceId() {
        assertThat(SymptomReportPipeline.instanceId(Optional.of(" 2 "))).isEqualTo("2");
        assertThat(SymptomReportPipeline.clientId("2")).isEqualTo("triage-service-2");
        assertThat(SymptomReportPipeline.clientId("2")).isNotEqualTo(SymptomReportPipeline.clientId("3"));
    }

    @Test
    void bothClientsTakeTheServicesKafkaSettingsThenThePipelinesThenWhatTheLoopRequires() {
        Map<String, Object> kafka = Map.of("bootstrap.servers", "broker-1:9093", "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512", "request.timeout.ms", "30000", "isolation.level", "read_uncommitted",
                "transactional.id", "shared");
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "hipflex.triage.pipeline.producer.request.timeout.ms", "5000",
                "hipflex.triage.pipeline.consumer.max.poll.records", "200"), "test", 100)).build();

        Map<String, Object> consumer = SymptomReportPipeline.consumerConfig(kafka, config, "7");
        Map<String, Object> producer = SymptomReportPipeline.producerConfig(kafka, config, "7");

        for (Map<String, Object> client : java.util.List.of(consumer, producer)) {
            assertThat(client).containsEntry("bootstrap.servers", "broker-1:9093")
                    .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        }
        assertThat(producer).containsEntry("request.timeout.ms", "5000").containsEntry("transactional.id", "triage-service-7");
        assertThat(consumer).containsEntry("request.timeout.ms", "30000").containsEntry("max.poll.records", "200")
                .containsEntry("isolation.level", "read_committed").containsEntry("enable.auto.commit", "false")
                .containsEntry("group.id", "triage-service").containsEntry("group.instance.id", "triage-service-7");
        assertThat(producer).doesNotContainKey("max.poll.records");
    }
}
