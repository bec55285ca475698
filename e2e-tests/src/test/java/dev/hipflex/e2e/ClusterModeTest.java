package dev.hipflex.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The local stack in cluster mode ({@code deploy/hipflex up --cluster}, its own state folder and ports): three Kafka
 * nodes with everything replicated three times, two triage and two tracking instances. Checks that every process runs,
 * that the topics are those the services configure, replicated as they must be, and that both triage instances share
 * the reports: each owns partitions of {@code symptom-reports} and recommends for the reports on them, one
 * recommendation per report, each person's in the order sent.
 */
class ClusterModeTest {

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
        // status gives each readiness check 2 s: on a busy machine one may miss it, and the next status answers.
        await("every service ready in deploy/hipflex status").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions().untilAsserted(() -> processesRun(cluster.deploy("status")));
        System.out.println("[cluster] deploy/hipflex status:\n" + cluster.deploy("status"));
    }

    private static void processesRun(String status) {
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
        try (RecommendationTally tally = new RecommendationTally(cluster, "cluster")) {
            // Reports from other producers, straight onto symptom-reports, REPORTS_EACH per person, spread over the partitions.
            for (int round = 0; round < REPORTS_EACH; round++) {
                for (int person = 0; person < PEOPLE; person++) {
                    tally.send(person);
                }
            }
            // And one report over REST through each triage instance.
            Set<String> restReports = new HashSet<>();
            for (String instance : List.of("triage", "triage-2")) {
                Person person = new Person(cluster, ZoneId.of("Europe/Berlin"));
                Map<String, Object> report = person.report(Map.of());
                person.to(instance).body(report).post("/api/v1/symptom-reports").then().statusCode(202);
                restReports.add(report.get("reportId").toString());
            }
            int expected = PEOPLE * REPORTS_EACH;
            List<String> others = new ArrayList<>();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ZERO).until(() -> {
                tally.poll(others);
                return tally.recommendations().size() >= expected && others.containsAll(restReports);
            });
            tally.readOn();

            // Who owns which partition of symptom-reports, and how many of this run's reports each recommended.
            Map<String, Set<Integer>> owned = RecommendationTally.triageOwners(cluster);
            Map<String, Integer> recommendedBy = new TreeMap<>();
            owned.forEach((member, partitions) -> recommendedBy.put(member, (int) tally.recommendations().keySet().stream()
                    .filter(reportId -> partitions.contains(tally.partitionOf(reportId))).count()));
            System.out.printf("[cluster] %s; +%d reports over REST, one to each triage instance, recommended %d%n",
                    tally.counts(), restReports.size(), restReports.stream().filter(others::contains).count());
            System.out.printf("[cluster] symptom-reports partitions owned %s; this run's recommendations by owner %s%n", owned,
                    recommendedBy);

            assertThat(tally.recommendations()).as("reports with a recommendation").hasSize(expected);
            assertThat(tally.events()).as("recommendation events, one per report").isEqualTo(expected);
            assertThat(tally.outOfOrder()).as("people whose recommendations came out of order").isZero();
            assertThat(others).as("reports sent over REST to triage and triage-2").containsAll(restReports);
            assertThat(owned.keySet()).containsExactlyInAnyOrder("triage-service-1", "triage-service-2");
            assertThat(owned.values()).as("partitions each instance owns").allSatisfy(partitions -> assertThat(partitions).isNotEmpty());
            assertThat(recommendedBy.values()).as("this run's reports each instance recommended").allSatisfy(n -> assertThat(n).isPositive());
            assertThat(recommendedBy.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(expected);
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }
}
