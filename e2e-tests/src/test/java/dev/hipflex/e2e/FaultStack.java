package dev.hipflex.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the fault tests need to know of the test stack beyond {@link Platform}'s API: where it lives, each
 * service's body limit, its log, and its databases (for counting rows that no REST read shows, such as
 * check-ins). Reads only; it never changes the stack.
 */
final class FaultStack {

    private FaultStack() {
    }

    static Path root() {
        return Path.of(System.getProperty("hipflex.root", "..")).toAbsolutePath().normalize();
    }

    /** The folder {@link Platform} runs the stack in. */
    static Path home() {
        return root().resolve("e2e-tests/target/e2e-stack");
    }

    /** {@code quarkus.http.limits.max-body-size} of a service, in bytes, from its application.properties. */
    static int bodyLimit(String service) {
        Properties properties = new Properties();
        Path file = root().resolve(service + "-service/src/main/resources/application.properties");
        try (var in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String value = properties.getProperty("quarkus.http.limits.max-body-size", "10240K").strip().toUpperCase(Locale.ROOT);
        long factor = value.endsWith("K") ? 1024 : value.endsWith("M") ? 1024 * 1024 : 1;
        String digits = value.replaceAll("[^0-9]", "");
        return (int) (Long.parseLong(digits) * factor);
    }

    /** The last lines of a component's log from the first line containing {@code marker} on, at most {@code lines}. */
    static List<String> logExcerpt(String component, String marker, int lines) {
        Path log = home().resolve("logs/" + component + ".log");
        try {
            List<String> all = Files.readAllLines(log);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).contains(marker)) {
                    for (int j = i; j < all.size() && out.size() < lines; j++) {
                        out.add(all.get(j));
                    }
                    break;
                }
            }
            return out;
        } catch (IOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }

    /** Lines of a component's log that contain {@code marker}. */
    static List<String> logLines(String component, String marker) {
        Path log = home().resolve("logs/" + component + ".log");
        try {
            return Files.readAllLines(log).stream().filter(line -> line.contains(marker)).toList();
        } catch (IOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }

    /** The database of a service in the test stack, as {@code deploy/hipflex up} reported it. */
    static String database(String service) {
        try {
            String up = Files.readString(home().resolve("deploy-up.log"));
            Matcher m = Pattern.compile("db/user (\\S+)_<service>").matcher(up);
            if (!m.find()) {
                throw new IllegalStateException("deploy-up.log does not name the databases:\n" + up);
            }
            return m.group(1) + "_" + service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One number from a query against a service's database, as the machine's PostgreSQL admin (trust auth, as the stack uses). */
    static long count(String service, String sql, Object... parameters) {
        String url = "jdbc:postgresql://127.0.0.1:5432/" + database(service);
        try (Connection connection = DriverManager.getConnection(url, System.getenv().getOrDefault("PG_ADMIN_USER", "postgres"), "");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                if (p instanceof String[] array) {
                    statement.setArray(i + 1, connection.createArrayOf("varchar", array));
                } else {
                    statement.setObject(i + 1, p);
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Query on " + service + " failed: " + sql, e);
        }
    }
}
