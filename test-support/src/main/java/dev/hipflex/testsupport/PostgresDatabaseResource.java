package dev.hipflex.testsupport;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives each test run a freshly created database on the real PostgreSQL server, owned by a
 * freshly created role with a random password (the services never rely on trust authentication),
 * and drops both when the run ends.
 * The admin connection defaults to the local server's {@code postgres} superuser; set
 * {@code HIPFLEX_PG_ADMIN_URL} to point elsewhere.
 */
public class PostgresDatabaseResource implements QuarkusTestResourceLifecycleManager {

    private static final String DEFAULT_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private String adminUrl;
    private String name;

    @Override
    public Map<String, String> start() {
        adminUrl = System.getenv().getOrDefault("HIPFLEX_PG_ADMIN_URL", DEFAULT_ADMIN_URL);
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        name = "hipflex_test_" + HexFormat.of().formatHex(random);
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'",
                "CREATE DATABASE " + name + " OWNER " + name);
        String hostAndPort = "127.0.0.1:5432";
        return Map.of(
                "quarkus.datasource.username", name,
                "quarkus.datasource.password", password,
                "quarkus.datasource.reactive.url", "postgresql://" + hostAndPort + "/" + name,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostAndPort + "/" + name);
    }

    @Override
    public void stop() {
        if (name != null) {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "DROP ROLE IF EXISTS " + name);
        }
    }

    private void execute(String... statements) {
        try (Connection connection = DriverManager.getConnection(adminUrl);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + adminUrl + " refused: " + e.getMessage(), e);
        }
    }
}
