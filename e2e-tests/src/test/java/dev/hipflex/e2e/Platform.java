package dev.hipflex.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.hipflex.testsupport.KafkaBrokerResource;

/**
 * The whole platform, started once per test JVM the way a developer starts it: {@code deploy/hipflex up}
 * runs Keycloak (the OpenID Connect provider every token comes from) and Kafka as their own JVMs and the three
 * services from their built fast-jars against the machine's PostgreSQL. It is a second stack beside any local one: its own state folder in {@code target/}, free
 * ports, and databases of its own, dropped again when the tests end ({@code -Dhipflex.e2e.keep=true} keeps
 * everything running for a look afterwards).
 * <p>
 * {@link #cluster()} starts another such stack in cluster mode ({@code deploy/hipflex up --cluster}): three Kafka nodes,
 * two triage instances ({@code triage}, {@code triage-2}) and two tracking instances ({@code tracking}, {@code tracking-2}).
 */
public final class Platform {

    private static Platform running;
    private static Platform runningCluster;

    private final Path root;
    private final Path home;
    private final boolean cluster;
    private final Map<String, String> env = new HashMap<>();
    private final String dbPrefix;
    private final List<Integer> kafkaPorts = new ArrayList<>();
    private final int keycloakPort;
    private final int webPort;
    private final Map<String, Integer> ports = new HashMap<>();

    private Platform(String folder, boolean cluster) {
        this.cluster = cluster;
        root = Path.of(System.getProperty("hipflex.root", "..")).toAbsolutePath().normalize();
        home = root.resolve("e2e-tests/target/" + folder);
        dbPrefix = "hipflex_e2e_" + UUID.randomUUID().toString().substring(0, 8);
        int[] free = freePorts(13);
        kafkaPorts.add(free[0]);
        ports.put("catalog", free[2]);
        ports.put("triage", free[3]);
        ports.put("tracking", free[4]);
        env.put("HIPFLEX_HOME", home.toString());
        env.put("HIPFLEX_DB_PREFIX", dbPrefix);
        env.put("HIPFLEX_KAFKA_PORT", Integer.toString(free[0]));
        env.put("HIPFLEX_KAFKA_CONTROLLER_PORT", Integer.toString(free[1]));
        keycloakPort = free[5];
        env.put("HIPFLEX_KEYCLOAK_PORT", Integer.toString(keycloakPort));
        webPort = free[6];
        env.put("HIPFLEX_WEB_PORT", Integer.toString(webPort));
        if (cluster) {
            ports.put("triage-2", free[7]);
            ports.put("tracking-2", free[8]);
            kafkaPorts.addAll(List.of(free[9], free[11]));
            env.put("HIPFLEX_KAFKA_PORTS", free[0] + "," + free[9] + "," + free[11]);
            env.put("HIPFLEX_KAFKA_CONTROLLER_PORTS", free[1] + "," + free[10] + "," + free[12]);
            // Eleven JVMs start at once on a small shared machine: Keycloak's first start (which builds it) took over
            // the default 300 s under a load average near 40.
            env.put("HIPFLEX_KEYCLOAK_TIMEOUT", "900");
            env.put("HIPFLEX_READY_TIMEOUT", "600");
            env.put("HIPFLEX_KAFKA_TIMEOUT", "300");
        }
        ports.forEach((name, port) -> env.put("HIPFLEX_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT",
                Integer.toString(port)));
    }

    /** The running platform, started on first use. */
    public static synchronized Platform get() {
        if (running == null) {
            Platform platform = new Platform("e2e-stack", false);
            platform.start();
            System.setProperty(KafkaBrokerResource.BOOTSTRAP_PROPERTY, platform.bootstrapServers());
            running = platform;
        }
        return running;
    }

    /** The running cluster-mode platform ({@code deploy/hipflex up --cluster}), started on first use. */
    public static synchronized Platform cluster() {
        if (runningCluster == null) {
            Platform platform = new Platform("cluster-stack", true);
            platform.start();
            runningCluster = platform;
        }
        return runningCluster;
    }

    private void start() {
        // A stack a killed test run left behind in this folder would hold its ports and pid files.
        if (Files.isDirectory(home.resolve("run"))) {
            deploy("down");
        }
        try {
            deleteKafkaData();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Registered first: a start that fails halfway leaves processes that must stop too.
        if (!Boolean.getBoolean("hipflex.e2e.keep")) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "hipflex-e2e-stop"));
        }
        restart();
    }

    /**
     * Drops the stack's databases and roles, then stops it. In this order so that the databases go even when surefire
     * kills its JVM before the stack has stopped (it waits {@code forkedProcessExitTimeoutInSeconds}, see the pom).
     */
    private void stop() {
        List<String> sql = new ArrayList<>();
        for (String service : List.of("catalog", "triage", "tracking")) {
            sql.add("drop database if exists " + dbPrefix + "_" + service + " with (force)");
            sql.add("drop role if exists " + dbPrefix + "_" + service);
        }
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-h", "127.0.0.1", "-U",
                System.getenv().getOrDefault("PG_ADMIN_USER", "postgres"), "-d", "postgres"));
        sql.forEach(statement -> command.addAll(List.of("-c", statement)));
        try {
            run(command, Path.of("psql-cleanup.log"));
        } finally {
            deploy("down");
        }
    }

    private void deleteKafkaData() throws IOException {
        Path data = home.resolve("kafka");
        for (String leftover : List.of("data", "cluster-id", "cluster")) {
            Path path = data.resolve(leftover);
            if (Files.exists(path)) {
                try (var walk = Files.walk(path)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
        }
    }

    public String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** The web app the stack serves. */
    public String webUrl() {
        return "http://127.0.0.1:" + webPort;
    }

    /** What the stack's last {@code deploy/hipflex up} printed: the table of URLs and the demo sign-ins. */
    public String upOutput() {
        try {
            return Files.readString(home.resolve("deploy-up.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value the stack generated into its {@code secrets.env} (passwords of its databases, Keycloak's admin, demo people). */
    public String secret(String key) {
        try {
            return Files.readAllLines(home.resolve("secrets.env"), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith(key + "="))
                    .map(line -> line.substring(line.indexOf('=') + 1)).reduce((first, last) -> last).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The issuer of the stack's tokens: its Keycloak's realm {@code hipflex}. */
    public String issuer() {
        return "http://127.0.0.1:" + keycloakPort + "/realms/hipflex";
    }

    /** Every Kafka node's address, comma-separated. */
    public String bootstrapServers() {
        return String.join(",", kafkaPorts.stream().map(port -> "127.0.0.1:" + port).toList());
    }

    /**
     * A bearer token from the stack's Keycloak for the account {@code username}, created if missing, with the realm
     * roles given (default {@code user}), through {@code deploy/hipflex token}. The person the services see is the
     * token's subject, Keycloak's id of the account: {@link #subjectOf}.
     */
    public String token(String username, String... roles) {
        List<String> args = new ArrayList<>(List.of("token", username));
        args.addAll(List.of(roles));
        String output = deploy(args.toArray(new String[0])).strip();
        return output.substring(output.lastIndexOf('\n') + 1);
    }

    /** The subject ({@code sub}) of a token: the person's pseudonymous id on the platform. */
    public static String subjectOf(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        java.util.regex.Matcher sub = java.util.regex.Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"").matcher(payload);
        if (!sub.find()) {
            throw new IllegalStateException("The token has no subject: " + payload);
        }
        return sub.group(1);
    }

    /**
     * The pid of a running component (catalog, triage, tracking, kafka, keycloak; in cluster mode triage-1, triage-2,
     * tracking-1, tracking-2, kafka-1, kafka-2, kafka-3), for fault tests.
     */
    public long pid(String component) {
        try {
            return Long.parseLong(Files.readString(home.resolve("run/" + component + ".pid")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills a component at once ({@code kill -9}), as a crash would, and waits until it is gone. */
    public void kill(String component) {
        long pid = pid(component);
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().join();
        });
    }

    /**
     * Stops components cleanly ({@code deploy/hipflex stop}: kill -TERM, as a deploy or an orchestrator stops them) and
     * waits until they are gone: a service finishes its shutdown (triage leaves its consumer group), a Kafka node hands
     * over its leaders.
     */
    public void stop(String... components) {
        deploy(concat("stop", components));
    }

    /** Starts components that are not running ({@code deploy/hipflex start}) and waits until each is ready. */
    public void start(String... components) {
        deploy(concat("start", components));
    }

    /** Starts whatever of this stack is not running, one component at a time, without the rest of an {@code up}. */
    public void startAll() {
        start(cluster
                ? new String[] {"kafka-1", "kafka-2", "kafka-3", "keycloak", "catalog", "triage-1", "triage-2", "tracking-1", "tracking-2", "web"}
                : new String[] {"kafka", "keycloak", "catalog", "triage", "tracking", "web"});
    }

    private static String[] concat(String command, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    /** Starts again whatever is not running (after {@link #kill}), and waits until it is ready. */
    public void restart() {
        if (cluster) {
            deploy("up", "--no-build", "--cluster");
        } else {
            deploy("up", "--no-build");
        }
    }

    /** A connection to one service's database, as the PostgreSQL administrator: for counting what was stored. */
    public java.sql.Connection database(String service) throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + dbPrefix + "_" + service,
                System.getenv().getOrDefault("PG_ADMIN_USER", "postgres"), "");
    }

    /** Runs {@code deploy/hipflex} with this stack's settings; returns what it printed, fails when it does. */
    public String deploy(String... args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("deploy/hipflex").toString());
        command.addAll(List.of(args));
        return run(command, Path.of("deploy-" + args[0] + ".log"));
    }

    private String run(List<String> command, Path logName) {
        try {
            Files.createDirectories(home);
            Path log = home.resolve(logName);
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(env);
            Process process = builder.start();
            // In cluster mode an up may wait for Keycloak's first build (up to HIPFLEX_KEYCLOAK_TIMEOUT, 15 min) and then
            // for eleven JVMs to be ready (HIPFLEX_READY_TIMEOUT, 10 min) on a busy machine.
            int minutes = cluster ? 30 : 10;
            if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + minutes + " minutes");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // only probing for a free port
                }
            }
        }
    }
}
