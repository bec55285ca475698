package dev.hipflex.e2e;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;

/** What the cluster tests ask of the cluster-mode stack's Kafka nodes: who leads what, and whether every copy is in sync. */
final class ClusterBrokers {

    /** The topics the load runs through: reports in, recommendations out. */
    static final List<String> BUSIEST = List.of("symptom-reports", "recommendations");

    private ClusterBrokers() {
    }

    /** Node id to the number of partitions of {@code topics} it leads. */
    static Map<Integer, Integer> leaders(Platform cluster, List<String> topics) throws Exception {
        Map<Integer, Integer> led = new TreeMap<>();
        try (Admin admin = admin(cluster)) {
            for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
                for (TopicPartitionInfo partition : topic.partitions()) {
                    if (partition.leader() != null) {
                        led.merge(partition.leader().id(), 1, Integer::sum);
                    }
                }
            }
        }
        return led;
    }

    /** The node that leads the most partitions of the busiest topics. */
    static int leaderOfTheBusiest(Platform cluster) throws Exception {
        return leaders(cluster, BUSIEST).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /**
     * Partitions of every topic (internal ones included) with fewer copies in sync than replicas: none before a node
     * may be stopped (Strimzi's rule is weaker: none would fall below min-ISR; with three copies and min-ISR two these
     * are the same).
     */
    static int underReplicated(Platform cluster) throws Exception {
        try (Admin admin = admin(cluster)) {
            Set<String> names = admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true)).names().get();
            int under = 0;
            for (TopicDescription topic : admin.describeTopics(names).allTopicNames().get().values()) {
                for (TopicPartitionInfo partition : topic.partitions()) {
                    if (partition.isr().size() < partition.replicas().size()) {
                        under++;
                    }
                }
            }
            return under;
        }
    }

    private static Admin admin(Platform cluster) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000));
    }
}
