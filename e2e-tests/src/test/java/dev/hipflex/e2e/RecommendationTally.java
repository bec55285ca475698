package dev.hipflex.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.testsupport.SymptomReports;

/**
 * One cluster test's reports, sent straight onto {@code symptom-reports} as other producers send them, and the
 * recommendations a read-committed consumer sees for them: sent, recommended, distinct, duplicates, out of order.
 * Its people share a prefix, so everything else on the topics is ignored. Not thread-safe.
 */
final class RecommendationTally implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final String prefix;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final Map<String, List<String>> sentByPerson = new LinkedHashMap<>();
    private final Map<String, Integer> partitionOfReport = new HashMap<>();
    /** Every recommendation read, by the report it answers: also those for reports registered later ({@link #expect}). */
    private final Map<String, List<Seen>> seen = new HashMap<>();
    private final int reportPartitions;

    /** Where one recommendation event was read: its key (the person), partition and offset. */
    record Seen(String person, int partition, long offset) {
    }

    RecommendationTally(Platform platform, String name) {
        prefix = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        reportPartitions = ServiceSettings.topicPartitions().get("symptom-reports");
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, name + "-counter-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("recommendations"));
    }

    /** Sends one report of person number {@code person} and waits for the broker's acknowledgement. */
    void send(int person) throws Exception {
        String personId = prefix + person;
        String reportId = UUID.randomUUID().toString();
        String report = JSON.writeValueAsString(SymptomReports.deskWorker(UUID.fromString(reportId), personId, ZoneId.of("Europe/Berlin")));
        int partition = producer.send(new ProducerRecord<>("symptom-reports", personId, report)).get().partition();
        sentByPerson.computeIfAbsent(personId, k -> new ArrayList<>()).add(reportId);
        partitionOfReport.put(reportId, partition);
    }

    /**
     * Counts a report sent over REST by {@code personId} too (after those it sent before): it reaches
     * {@code symptom-reports} through triage's outbox, keyed by the person, so on the partition the default
     * partitioner picks for that key.
     */
    void expect(String personId, String reportId) {
        sentByPerson.computeIfAbsent(personId, k -> new ArrayList<>()).add(reportId);
        partitionOfReport.put(reportId, Utils.toPositive(Utils.murmur2(personId.getBytes(StandardCharsets.UTF_8))) % reportPartitions);
    }

    /** Polls once; returns the ids of this tally's reports whose recommendations arrived now, and every other report id seen. */
    List<String> poll(List<String> others) {
        List<String> fresh = new ArrayList<>();
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            String reportId = subject(record);
            seen.computeIfAbsent(reportId, id -> new ArrayList<>()).add(new Seen(record.key(), record.partition(), record.offset()));
            if (partitionOfReport.containsKey(reportId)) {
                fresh.add(reportId);
            } else {
                others.add(reportId);
            }
        }
        return fresh;
    }

    List<String> poll() {
        return poll(new ArrayList<>());
    }

    /** Reads on for a few seconds: a duplicate would come right behind the original. */
    void readOn() {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < until) {
            poll();
        }
    }

    int sent() {
        return partitionOfReport.size();
    }

    /** The ids of the reports sent so far. */
    Set<String> reportIds() {
        return Set.copyOf(partitionOfReport.keySet());
    }

    /** The symptom-reports partition a report went to (a recommendation goes to the same-numbered partition). */
    int partitionOf(String reportId) {
        return partitionOfReport.get(reportId);
    }

    /** The recommendations read for this tally's reports, by report. */
    Map<String, List<Seen>> recommendations() {
        Map<String, List<Seen>> ours = new HashMap<>();
        for (String reportId : partitionOfReport.keySet()) {
            List<Seen> events = seen.get(reportId);
            if (events != null) {
                ours.put(reportId, events);
            }
        }
        return ours;
    }

    /** Whether a recommendation for {@code reportId} was read, counted by this tally or not. */
    boolean seen(String reportId) {
        return seen.containsKey(reportId);
    }

    /** How many recommendations were read for {@code reportId}. */
    int seenTimes(String reportId) {
        return seen.getOrDefault(reportId, List.of()).size();
    }

    /** This tally's reports that have no recommendation yet. */
    int missing() {
        return (int) partitionOfReport.keySet().stream().filter(id -> !seen.containsKey(id)).count();
    }

    int events() {
        return recommendations().values().stream().mapToInt(List::size).sum();
    }

    long duplicates() {
        return recommendations().values().stream().filter(list -> list.size() > 1).count();
    }

    /** People whose recommendations (the first of each report's) did not come in the order their reports were sent. */
    int outOfOrder() {
        int people = 0;
        Map<String, List<Seen>> ours = recommendations();
        for (Map.Entry<String, List<String>> person : sentByPerson.entrySet()) {
            List<String> received = person.getValue().stream().filter(ours::containsKey)
                    .sorted((a, b) -> Long.compare(ours.get(a).get(0).offset(), ours.get(b).get(0).offset())).toList();
            List<String> sentAndRecommended = person.getValue().stream().filter(ours::containsKey).toList();
            if (!received.equals(sentAndRecommended)) {
                people++;
            }
        }
        return people;
    }

    String counts() {
        return String.format("sent %d, recommended %d, distinct %d, duplicates %d, people out of order %d", sent(), events(),
                recommendations().size(), duplicates(), outOfOrder());
    }

    private static String subject(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value()).path("subject").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each member of triage's consumer group (by instance id), with the symptom-reports partitions it owns. */
    static Map<String, Set<Integer>> triageOwners(Platform platform) throws Exception {
        Map<String, Set<Integer>> owned = new TreeMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("triage-service")).all().get().get("triage-service");
            for (MemberDescription member : group.members()) {
                Set<Integer> partitions = new TreeSet<>();
                for (TopicPartition partition : member.assignment().topicPartitions()) {
                    if (partition.topic().equals("symptom-reports")) {
                        partitions.add(partition.partition());
                    }
                }
                owned.put(member.groupInstanceId().orElse(member.consumerId()), partitions);
            }
        }
        return owned;
    }

    @Override
    public void close() {
        producer.close();
        consumer.close();
    }
}
