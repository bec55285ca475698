package dev.hipflex.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.hipflex.testsupport.EventContracts;

/**
 * What an analytics team sees: a plain consumer of every event topic, in a group of its own, reading
 * committed records only, as the contracts ask of consumers. Each record it hands out has been checked
 * against its topic's published schema and key.
 */
final class Analytics implements AutoCloseable {

    static final List<String> TOPICS = List.of("symptom-reports", "recommendations", "session-completions",
            "adherence-updates", "recovery-alerts", "catalog-updates");

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

    /** Starts reading at the current end of every topic: what the journeys after this do, and nothing older. */
    Analytics(Platform platform) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-analytics-" + UUID.randomUUID(),
                // Earliest for a topic created later (its first records are ours); the end for those that exist now.
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(TOPICS);
        // Join the group and fix the positions now, so that nothing published from here on can be missed (earlier
        // tests, such as the fault tests, leave tens of thousands of records behind that are not ours to check).
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100));
        }
        assertThat(consumer.assignment()).as("partitions assigned to the analytics consumer").isNotEmpty();
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
    }

    /** Everything received so far for {@code person} on {@code topic}, in the order it was published. */
    List<ConsumerRecord<String, String>> events(String topic, String person) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
            List<String> violations = EventContracts.violations(record.topic(), record.key(), record.value());
            assertThat(violations).as("%s record %s@%d breaks its contract", record.topic(), record.key(),
                    record.offset()).isEmpty();
            received.add(record);
        }
        return received.stream().filter(r -> r.topic().equals(topic) && person.equals(r.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
