package dev.hipflex.testsupport;

import java.lang.management.ManagementFactory;
import java.util.Map;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import kafka.server.BrokerServer;

/**
 * A real in-process Kafka broker, like {@link KafkaBrokerResource}, that a test can stop and start again: for outage
 * tests. It comes back on the same port with the same log directory (the test kit binds each listener once and binds
 * the same port again on restart), so clients configured with its address at start-up reconnect by themselves.
 * The controller runs on: only the broker, which clients talk to, goes away.
 *
 * <p>Quarkus may load this class and the test class with different class loaders, so tests reach the running broker
 * by name, through the platform MBean server, rather than through a static field.
 */
public class RestartableKafkaBrokerResource extends KafkaBrokerResource {

    private static final String CONTROL_NAME = "dev.hipflex.testsupport:type=RestartableKafkaBroker";

    /** What a test may do with the broker (JMX operations, called by name). */
    public interface ControlMBean {
        void stopBroker();

        void startBroker();
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        ControlMBean control = new ControlMBean() {
            @Override
            public void stopBroker() {
                setRunning(false);
            }

            @Override
            public void startBroker() {
                setRunning(true);
            }
        };
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(CONTROL_NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new StandardMBean(control, ControlMBean.class), name);
        } catch (JMException e) {
            throw new IllegalStateException("Could not register the broker's control", e);
        }
        return config;
    }

    private void setRunning(boolean running) {
        try {
            for (BrokerServer broker : cluster.brokers().values()) {
                if (running) {
                    broker.startup();
                } else {
                    broker.shutdown();
                    broker.awaitShutdown();
                }
            }
            if (running) {
                cluster.waitForReadyBrokers();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not " + (running ? "start" : "stop") + " the Kafka broker", e);
        }
    }

    @Override
    public void stop() {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(CONTROL_NAME));
        } catch (JMException e) {
            // Not registered: nothing to undo.
        }
        super.stop();
    }

    /** Stops the broker; returns once its port is closed. */
    public static void stopBroker() {
        invoke("stopBroker");
    }

    /** Starts the stopped broker again on the same port; returns once it serves clients. */
    public static void startBroker() {
        invoke("startBroker");
    }

    private static void invoke(String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(CONTROL_NAME), operation, null, null);
        } catch (JMException e) {
            throw new IllegalStateException("No restartable Kafka broker to " + operation + " (is the resource running?)", e);
        }
    }
}
