package dev.hipflex.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
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
    private final Map<String, List<ConsumerRecord<String, String>>> recommendations = new HashMap<>();

    RecommendationTally(Platform platform, String name) {
        prefix = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
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

    /** Polls once; returns the ids of the reports whose recommendations arrived now, and every other report id seen. */
    List<String> poll(List<String> others) {
        List<String> fresh = new ArrayList<>();
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            String reportId = subject(record);
            if (record.key() != null && record.key().startsWith(prefix)) {
                recommendations.computeIfAbsent(reportId, id -> new ArrayList<>()).add(record);
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

    Map<String, List<ConsumerRecord<String, String>>> recommendations() {
        return recommendations;
    }

    int events() {
        return recommendations.values().stream().mapToInt(List::size).sum();
    }

    long duplicates() {
        return recommendations.values().stream().filter(list -> list.size() > 1).count();
    }

    /** People whose recommendations (the first of each report's) did not come in the order their reports were sent. */
    int outOfOrder() {
        int people = 0;
        for (Map.Entry<String, List<String>> person : sentByPerson.entrySet()) {
            List<String> received = recommendations.values().stream().map(list -> list.get(0))
                    .filter(record -> record.key().equals(person.getKey()))
                    .sorted((a, b) -> Long.compare(a.offset(), b.offset())).map(RecommendationTally::subject).toList();
            if (!received.equals(person.getValue())) {
                people++;
            }
        }
        return people;
    }

    String counts() {
        return String.format("sent %d, recommended %d, distinct %d, duplicates %d, people out of order %d", sent(), events(),
                recommendations.size(), duplicates(), outOfOrder());
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
