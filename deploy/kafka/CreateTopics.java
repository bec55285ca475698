import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the topics of the local Kafka cluster (deploy/hipflex up --cluster) once every broker has joined: each with
 * its partitions, 3 replicas and min.insync.replicas 2. Topics that exist are left alone, and their partitions reported.
 * <p>
 * Usage: {@code java -cp 'kafka/libs/*' CreateTopics.java <bootstrap> <brokers> <timeout-s> <name>=<partitions>...}
 */
public class CreateTopics {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int brokers = Integer.parseInt(args[1]);
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[2])).toNanos();
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            wanted.put(pair[0], Integer.parseInt(pair[1]));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            // Replication 3 needs three brokers registered; they join within seconds of each other.
            int joined = 0;
            while (joined < brokers) {
                try {
                    joined = admin.describeCluster().nodes().get().size();
                } catch (ExecutionException e) {
                    joined = 0;
                }
                if (joined < brokers) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(joined + " of " + brokers + " brokers joined the cluster in time");
                    }
                    Thread.sleep(500);
                }
            }
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> create = new ArrayList<>();
            wanted.forEach((name, partitions) -> {
                if (!existing.contains(name)) {
                    create.add(new NewTopic(name, partitions, (short) 3).configs(Map.of("min.insync.replicas", "2")));
                }
            });
            if (!create.isEmpty()) {
                admin.createTopics(create).all().get();
            }
            Map<String, TopicDescription> described = describeOnceKnown(admin, wanted.keySet(), deadline);
            for (Map.Entry<String, Integer> topic : wanted.entrySet()) {
                TopicDescription description = described.get(topic.getKey());
                int partitions = description.partitions().size();
                int replicas = description.partitions().get(0).replicas().size();
                System.out.printf("%-22s %2d partitions, %d replicas%s%s%n", topic.getKey(), partitions, replicas,
                        existing.contains(topic.getKey()) ? " (existed)" : " (created)",
                        partitions == topic.getValue() ? "" : ", configured " + topic.getValue() + ": not changed here");
            }
        }
    }

    /**
     * A new topic reaches each broker's metadata a moment after creation; the broker asked first may not know it yet
     * and answers UnknownTopicOrPartition, so the description is asked again until the deadline.
     */
    private static Map<String, TopicDescription> describeOnceKnown(Admin admin, Set<String> names, long deadline)
            throws Exception {
        while (true) {
            try {
                return admin.describeTopics(names).allTopicNames().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }
}
