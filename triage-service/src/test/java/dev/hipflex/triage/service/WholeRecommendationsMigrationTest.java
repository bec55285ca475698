package dev.hipflex.triage.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Recommendations stored while plans and extras were kept apart ({@code recommendation_part}) stay readable: the
 * migration that stored every recommendation whole (V5) gives each old row its plan and extras back, and once plans and
 * extras are kept apart again (V6) those whole rows read back unchanged through {@code recommendation_whole}. Run on a
 * schema of its own in the test database, migrated to just before V5, given old rows, then migrated on.
 */
@QuarkusTest
class WholeRecommendationsMigrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oldRowsWithSharedPartsReadBackWholeAndOlderWholeRowsAreKept() throws Exception {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String password = config.getValue("quarkus.datasource.password", String.class);
        String schema = "migration_" + UUID.randomUUID().toString().substring(0, 8);
        migrate(url, user, password, schema, "4");

        UUID withParts = UUID.randomUUID();
        UUID whole = UUID.randomUUID();
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement sql = connection.createStatement()) {
            sql.execute("set search_path to " + schema);
            sql.execute("insert into recommendation_part (hash, body) values"
                    + " ('plan-hash', '{\"status\":\"active\",\"exercises\":[{\"slug\":\"couch-stretch\"}]}'),"
                    + " ('extras-hash', '[{\"slug\":\"shoe-age\"}]')");
            sql.execute("insert into recommendation (report_id, user_id, level, body, created_at, plan_part, extras_part)"
                    + " values ('" + withParts + "', 'p-1', 'SELF_CARE', '{\"reportId\":\"" + withParts
                    + "\",\"level\":\"self-care\"}', now(), 'plan-hash', 'extras-hash'),"
                    + " ('" + whole + "', 'p-1', 'SELF_CARE', '{\"reportId\":\"" + whole
                    + "\",\"level\":\"self-care\",\"plan\":{\"status\":\"active\"},\"extras\":[]}', now(), null, null)");
        }

        migrate(url, user, password, schema, "5");
        assertBodies(url, user, password, schema, "recommendation", withParts, whole);
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement sql = connection.createStatement()) {
            sql.execute("set search_path to " + schema);
            try (ResultSet parts = sql.executeQuery("select count(*) from information_schema.tables"
                    + " where table_schema = '" + schema + "' and table_name = 'recommendation_part'")) {
                parts.next();
                assertThat(parts.getInt(1)).as("the shared parts are gone").isZero();
            }
        }

        migrate(url, user, password, schema, "latest");
        assertBodies(url, user, password, schema, "recommendation_whole", withParts, whole);
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement sql = connection.createStatement()) {
            sql.execute("drop schema " + schema + " cascade");
        }
    }

    private static void assertBodies(String url, String user, String password, String schema, String table,
            UUID withParts, UUID whole) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement sql = connection.createStatement()) {
            sql.execute("set search_path to " + schema);
            try (ResultSet rows = sql.executeQuery("select report_id, body from " + table + " order by report_id")) {
                int read = 0;
                while (rows.next()) {
                    String id = rows.getString("report_id");
                    String expected = id.equals(withParts.toString())
                            ? "{\"reportId\":\"" + withParts + "\",\"level\":\"self-care\",\"plan\":{\"status\":\"active\","
                                    + "\"exercises\":[{\"slug\":\"couch-stretch\"}]},\"extras\":[{\"slug\":\"shoe-age\"}]}"
                            : "{\"reportId\":\"" + whole + "\",\"level\":\"self-care\",\"plan\":{\"status\":\"active\"},\"extras\":[]}";
                    assertThat(JSON.readTree(rows.getString("body"))).as(table + " " + id)
                            .isEqualTo(JSON.readTree(expected));
                    read++;
                }
                assertThat(read).isEqualTo(2);
            }
        }
    }

    private static void migrate(String url, String user, String password, String schema, String target) {
        Flyway.configure().dataSource(url, user, password).schemas(schema).target(target)
                .locations("classpath:db/migration").load().migrate();
    }
}
