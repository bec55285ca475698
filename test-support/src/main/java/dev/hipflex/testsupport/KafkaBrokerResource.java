package dev.hipflex.testsupport;

import java.util.Map;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real Apache Kafka broker (KRaft, combined broker + controller) inside the test JVM.
 * Dev Services and Testcontainers need Docker, which this kind of machine does not have.
 * Tests find the broker address in the system property {@value #BOOTSTRAP_PROPERTY}.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    public static final String BOOTSTRAP_PROPERTY = "hipflex.test.kafka.bootstrap-servers";

    protected KafkaClusterTestKit cluster;

    @Override
    public Map<String, String> start() {
        try {
            cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "3")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    // As in deploy/kafka/server.properties: a transaction that begins while the previous one's
                    // markers are written retries after 1 ms, not 20.
                    .setConfigProp("add.partitions.to.txn.retry.backoff.ms", "1")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the in-process Kafka broker", e);
        }
        String bootstrap = cluster.bootstrapServers();
        System.setProperty(BOOTSTRAP_PROPERTY, bootstrap);
        return Map.of("kafka.bootstrap.servers", bootstrap);
    }

    @Override
    public void stop() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not stop the in-process Kafka broker", e);
            }
        }
    }

    /** The address of the broker started for this test run. */
    public static String bootstrapServers() {
        String bootstrap = System.getProperty(BOOTSTRAP_PROPERTY);
        if (bootstrap == null) {
            throw new IllegalStateException("The test Kafka broker is not running");
        }
        return bootstrap;
    }
}
