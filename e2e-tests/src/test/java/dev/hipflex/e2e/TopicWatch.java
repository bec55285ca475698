package dev.hipflex.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A plain consumer of some topics for the fault tests, in a group of its own, reading committed records only
 * from the beginning. Unlike {@link Analytics} it does not judge contracts: it counts. Not thread-safe; poll
 * it from the test thread.
 */
final class TopicWatch implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final Set<String> topics;
    private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

    TopicWatch(Platform platform, Collection<String> topics) {
        this.topics = Set.copyOf(topics);
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-faults-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                // Watching must not create a topic that no service has written to yet.
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false",
                // Topics that appear while the test runs are found within a second, not five minutes.
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000"),
                new StringDeserializer(), new StringDeserializer());
        // By pattern: a topic that no service has written to yet is picked up when it appears, without warnings meanwhile.
        consumer.subscribe(Pattern.compile(this.topics.stream().map(Pattern::quote).collect(Collectors.joining("|"))));
    }

    /** Polls once (briefly) and returns everything received so far. */
    List<ConsumerRecord<String, String>> poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
        return List.copyOf(received);
    }

    /** Everything received so far that matches. */
    List<ConsumerRecord<String, String>> matching(Predicate<ConsumerRecord<String, String>> test) {
        return received.stream().filter(test).toList();
    }

    /**
     * Reads on until every partition of the watched topics is read up to what was committed when this was
     * called, so that a count taken afterwards misses nothing that was on the broker by then.
     */
    void catchUp(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(10)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
        while (true) {
            poll();
            boolean done = consumer.assignment().containsAll(partitions)
                    && ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            if (done) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The watch on " + topics + " did not read up to " + ends + " within " + atMost);
            }
        }
    }

    /** The committed end offset of each partition of {@code topic}, summed: how many records it holds. */
    long endOffsetSum(String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        return consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
