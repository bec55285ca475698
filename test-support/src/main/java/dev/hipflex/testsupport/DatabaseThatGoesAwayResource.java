package dev.hipflex.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * A fresh database on the real PostgreSQL server, like {@link PostgresDatabaseResource}, that the service reaches
 * through a TCP relay a test can cut: every open connection is closed and new ones are refused until the test
 * restores it, as when the database server goes away and comes back. Only the reactive pool goes through the relay;
 * Flyway's JDBC connection at start-up goes straight to the server.
 *
 * <p>Tests reach the relay through the platform MBean server (Quarkus may load this class and the test class with
 * different class loaders).
 */
public class DatabaseThatGoesAwayResource extends PostgresDatabaseResource {

    private static final String CONTROL_NAME = "dev.hipflex.testsupport:type=DatabaseRelay";
    private static final int SERVER_PORT = 5432;

    /** What a test may do with the relay (JMX operations, called by name). */
    public interface ControlMBean {
        void cut();

        void restore();
    }

    private Relay relay;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            relay = new Relay(SERVER_PORT);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(CONTROL_NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new StandardMBean(relay, ControlMBean.class), name);
        } catch (IOException | JMException e) {
            throw new IllegalStateException("Could not start the database relay", e);
        }
        config.put("quarkus.datasource.reactive.url",
                config.get("quarkus.datasource.reactive.url").replace(":" + SERVER_PORT + "/", ":" + relay.port() + "/"));
        return config;
    }

    @Override
    public void stop() {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(CONTROL_NAME));
        } catch (JMException e) {
            // Not registered: nothing to undo.
        }
        if (relay != null) {
            relay.close();
        }
        super.stop();
    }

    /** Closes every connection through the relay and refuses new ones: the database is gone for the service. */
    public static void cut() {
        invoke("cut");
    }

    /** Lets connections through again. */
    public static void restore() {
        invoke("restore");
    }

    private static void invoke(String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(CONTROL_NAME), operation, null, null);
        } catch (JMException e) {
            throw new IllegalStateException("No database relay to " + operation + " (is the resource running?)", e);
        }
    }

    /** Copies bytes both ways between each accepted connection and the server, one thread per direction. */
    private static final class Relay implements ControlMBean {

        private final ServerSocket listening;
        private final int serverPort;
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();
        private volatile boolean cut;

        Relay(int serverPort) throws IOException {
            this.serverPort = serverPort;
            this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::accept, "database-relay");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return listening.getLocalPort();
        }

        @Override
        public void cut() {
            cut = true;
            open.forEach(Relay::closeQuietly);
        }

        @Override
        public void restore() {
            cut = false;
        }

        void close() {
            cut();
            closeQuietly(listening);
        }

        private void accept() {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    if (cut) {
                        closeQuietly(client);
                        continue;
                    }
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                    open.add(client);
                    open.add(server);
                    pipe(client, server);
                    pipe(server, client);
                } catch (IOException e) {
                    // The listening socket closed, or the server refused one connection: the next accept decides.
                }
            }
        }

        private void pipe(Socket from, Socket to) {
            Thread copier = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                        out.write(buffer, 0, read);
                    }
                } catch (IOException e) {
                    // Either side closed.
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                    open.remove(from);
                    open.remove(to);
                }
            }, "database-relay-copier");
            copier.setDaemon(true);
            copier.start();
        }

        private static void closeQuietly(java.io.Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                // Already closed.
            }
        }
    }
}
