package dev.hipflex.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.testsupport.SymptomReports;

/**
 * The local stack in cluster mode ({@code deploy/hipflex up --cluster}, its own state folder and ports): three Kafka
 * nodes with everything replicated three times, two triage and two tracking instances. Checks that every process runs,
 * that the topics are those the services configure, replicated as they must be, and that both triage instances share
 * the reports: each owns partitions of {@code symptom-reports} and recommends for the reports on them, one
 * recommendation per report, each person's in the order sent.
 */
class ClusterModeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PEOPLE = 60;
    private static final int REPORTS_EACH = 5;

    private static Platform cluster;

    @BeforeAll
    static void start() {
        cluster = Platform.cluster();
    }

    @Test
    @DisplayName("status knows every process: 3 Kafka nodes, 2 triage and 2 tracking instances, catalog, Keycloak")
    void everyProcessRuns() {
        String status = cluster.deploy("status");
        System.out.println("[cluster] deploy/hipflex status:\n" + status);
        for (String component : List.of("kafka-1", "kafka-2", "kafka-3", "catalog", "triage-1", "triage-2",
                "tracking-1", "tracking-2", "keycloak")) {
            assertThat(status).as("status of %s", component)
                    .containsPattern("(?m)^" + Pattern.quote(component) + "\\s+running\\s+\\d+");
        }
        for (String service : List.of("triage-1", "triage-2", "tracking-1", "tracking-2", "catalog")) {
            assertThat(status).containsPattern("(?m)^" + Pattern.quote(service) + "\\s+running.*ready \\(200\\)");
        }
    }

    @Test
    @DisplayName("3 brokers and 3 voters; the configured topics with their partitions, 3 replicas, min-ISR 2; no unclean leaders")
    void topicsAreReplicated() throws Exception {
        Map<String, Integer> configured = ServiceSettings.topicPartitions();
        assertThat(configured).containsKeys("symptom-reports", "recommendations");
        try (Admin admin = admin()) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(3);
            assertThat(admin.describeMetadataQuorum().quorumInfo().get().voters()).hasSize(3);
            Map<String, TopicDescription> topics = admin.describeTopics(configured.keySet()).allTopicNames().get();
            for (Map.Entry<String, Integer> topic : configured.entrySet()) {
                List<TopicPartitionInfo> partitions = topics.get(topic.getKey()).partitions();
                assertThat(partitions).as("partitions of %s", topic.getKey()).hasSize(topic.getValue());
                assertThat(partitions).as("replicas of %s", topic.getKey()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
            }
            Map<ConfigResource, Config> configs = admin.describeConfigs(configured.keySet().stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all().get();
            configs.forEach((resource, config) -> {
                assertThat(config.get("min.insync.replicas").value()).as("min.insync.replicas of %s", resource.name()).isEqualTo("2");
                assertThat(config.get("unclean.leader.election.enable").value()).isEqualTo("false");
            });
            Config broker = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.BROKER, "1"))).all().get()
                    .values().iterator().next();
            assertThat(Map.of("offsets.topic.replication.factor", broker.get("offsets.topic.replication.factor").value(),
                    "transaction.state.log.replication.factor", broker.get("transaction.state.log.replication.factor").value(),
                    "transaction.state.log.min.isr", broker.get("transaction.state.log.min.isr").value(),
                    "auto.create.topics.enable", broker.get("auto.create.topics.enable").value()))
                    .isEqualTo(Map.of("offsets.topic.replication.factor", "3", "transaction.state.log.replication.factor", "3",
                            "transaction.state.log.min.isr", "2", "auto.create.topics.enable", "false"));
        }
    }

    @Test
    @DisplayName("both triage instances own partitions and recommend: one recommendation per report, each person's in order")
    void bothTriageInstancesShareTheReports() throws Exception {
        String prefix = "cluster-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        // Reports from other producers, straight onto symptom-reports, REPORTS_EACH per person, spread over the partitions.
        Map<String, List<String>> sentByPerson = new LinkedHashMap<>();
        Map<String, Integer> partitionOfReport = new HashMap<>();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int round = 0; round < REPORTS_EACH; round++) {
                for (int p = 0; p < PEOPLE; p++) {
                    String person = prefix + p;
                    String reportId = UUID.randomUUID().toString();
                    RecordMetadata sent = producer.send(new ProducerRecord<>("symptom-reports", person, report(reportId, person))).get();
                    sentByPerson.computeIfAbsent(person, k -> new ArrayList<>()).add(reportId);
                    partitionOfReport.put(reportId, sent.partition());
                }
            }
        }
        // And one report over REST through each triage instance.
        Map<String, String> restReports = new TreeMap<>();
        for (String instance : List.of("triage", "triage-2")) {
            Person person = new Person(cluster, ZoneId.of("Europe/Berlin"));
            Map<String, Object> report = person.report(Map.of());
            person.to(instance).body(report).post("/api/v1/symptom-reports").then().statusCode(202);
            restReports.put(instance, report.get("reportId").toString());
        }
        int expected = PEOPLE * REPORTS_EACH;

        Map<String, List<ConsumerRecord<String, String>>> recommendations = new HashMap<>();
        Set<String> restRecommended = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    String reportId = JSON.readTree(record.value()).path("subject").asText();
                    if (record.key() != null && record.key().startsWith(prefix)) {
                        recommendations.computeIfAbsent(reportId, id -> new ArrayList<>()).add(record);
                    } else if (restReports.containsValue(reportId)) {
                        restRecommended.add(reportId);
                    }
                }
                return recommendations.size() >= expected && restRecommended.size() == restReports.size();
            });
            // A duplicate would come right behind: read on briefly before counting.
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < until) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && record.key().startsWith(prefix)) {
                        recommendations.computeIfAbsent(JSON.readTree(record.value()).path("subject").asText(),
                                id -> new ArrayList<>()).add(record);
                    }
                }
            }
        }

        int events = recommendations.values().stream().mapToInt(List::size).sum();
        long duplicates = recommendations.values().stream().filter(list -> list.size() > 1).count();
        int outOfOrder = 0;
        for (Map.Entry<String, List<String>> person : sentByPerson.entrySet()) {
            List<String> received = recommendations.values().stream().map(list -> list.get(0))
                    .filter(record -> record.key().equals(person.getKey()))
                    .sorted((a, b) -> Long.compare(a.offset(), b.offset()))
                    .map(record -> subject(record)).toList();
            if (!received.equals(person.getValue())) {
                outOfOrder++;
            }
        }

        // Who owns which partition of symptom-reports, and how many of this run's reports each recommended.
        Map<String, Set<Integer>> owned = new TreeMap<>();
        try (Admin admin = admin()) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("triage-service")).all().get().get("triage-service");
            for (MemberDescription member : group.members()) {
                Set<Integer> partitions = new HashSet<>();
                for (TopicPartition partition : member.assignment().topicPartitions()) {
                    if (partition.topic().equals("symptom-reports")) {
                        partitions.add(partition.partition());
                    }
                }
                owned.put(member.groupInstanceId().orElse(member.consumerId()), partitions);
            }
        }
        Map<String, Integer> recommendedBy = new TreeMap<>();
        owned.forEach((member, partitions) -> recommendedBy.put(member, (int) recommendations.keySet().stream()
                .filter(reportId -> partitions.contains(partitionOfReport.get(reportId))).count()));
        System.out.printf("[cluster] reports sent %d (+%d over REST, one to each triage instance), recommended %d, distinct %d,"
                + " duplicates %d, people out of order %d; REST reports recommended %d%n", expected, restReports.size(),
                events, recommendations.size(), duplicates, outOfOrder, restRecommended.size());
        System.out.printf("[cluster] symptom-reports partitions owned %s; this run's recommendations by owner %s%n", owned,
                recommendedBy);

        assertThat(recommendations).as("reports with a recommendation").hasSize(expected);
        assertThat(events).as("recommendation events, one per report").isEqualTo(expected);
        assertThat(outOfOrder).as("people whose recommendations came out of order").isZero();
        assertThat(restRecommended).as("reports sent over REST to triage and triage-2").hasSize(2);
        assertThat(owned.keySet()).containsExactlyInAnyOrder("triage-service-1", "triage-service-2");
        assertThat(owned.values()).as("partitions each instance owns").allSatisfy(partitions -> assertThat(partitions).isNotEmpty());
        assertThat(recommendedBy.values()).as("this run's reports each instance recommended").allSatisfy(n -> assertThat(n).isPositive());
        assertThat(recommendedBy.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(expected);
    }

    private static String subject(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value()).path("subject").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String report(String reportId, String person) {
        try {
            return JSON.writeValueAsString(SymptomReports.deskWorker(UUID.fromString(reportId), person, ZoneId.of("Europe/Berlin")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }

    private static KafkaProducer<String, String> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "cluster-counter-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("recommendations"));
        return consumer;
    }
}
