package dev.hipflex.tracking.repository;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The SQL of {@code raised_alert}: each recovery alert is raised once per person and alert key, so the keys raised
 * are remembered.
 */
@ApplicationScoped
public class RaisedAlertRepository {

    /** A person's alert, by its stable key. */
    public record RaisedAlert(String userId, String key) {
    }

    private static final String RAISE = """
            insert into raised_alert (user_id, alert_key, raised_at)
            select * from unnest($1::varchar[], $2::varchar[], $3::timestamptz[])
            on conflict do nothing returning user_id, alert_key
            """;

    /**
     * Remembers the alerts (each once) in the transaction {@code connection} holds; answers those raised now for the
     * first time.
     */
    public Uni<Set<RaisedAlert>> raiseFirstTime(SqlConnection connection, List<RaisedAlert> alerts, OffsetDateTime at) {
        if (alerts.isEmpty()) {
            return Uni.createFrom().item(new HashSet<>());
        }
        // In (person, key) order, so two transactions never wait on each other's keys in a circle.
        List<RaisedAlert> ordered = alerts.stream().distinct()
                .sorted(Comparator.comparing(RaisedAlert::userId).thenComparing(RaisedAlert::key)).toList();
        OffsetDateTime[] times = new OffsetDateTime[ordered.size()];
        Arrays.fill(times, at);
        return connection.preparedQuery(RAISE)
                .execute(Tuple.of(ordered.stream().map(RaisedAlert::userId).toArray(String[]::new),
                        ordered.stream().map(RaisedAlert::key).toArray(String[]::new), times))
                .map(rows -> {
                    Set<RaisedAlert> raised = new HashSet<>();
                    rows.forEach(row -> raised.add(new RaisedAlert(row.getString("user_id"), row.getString("alert_key"))));
                    return raised;
                });
    }
}
