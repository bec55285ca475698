package dev.hipflex.tracking.service;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Each recovery alert is raised once per person and alert key: the keys raised are remembered in {@code raised_alert}. */
final class RaisedAlerts {

    private static final String RAISE = "insert into raised_alert (user_id, alert_key, raised_at)"
            + " select * from unnest($1::varchar[], $2::varchar[], $3::timestamptz[])"
            + " on conflict do nothing returning user_id, alert_key";

    private RaisedAlerts() {
    }

    /** How {@link #firstTime} names an alert of a person. */
    static String id(String userId, String key) {
        return userId + '\n' + key;
    }

    /**
     * Remembers the alerts (people and keys, pairwise, each pair once) in the transaction {@code connection} holds;
     * answers the {@link #id}s of those raised now for the first time.
     */
    static Uni<Set<String>> firstTime(SqlConnection connection, List<String> people, List<String> keys, OffsetDateTime at) {
        if (people.isEmpty()) {
            return Uni.createFrom().item(new HashSet<>());
        }
        OffsetDateTime[] times = new OffsetDateTime[people.size()];
        Arrays.fill(times, at);
        return connection.preparedQuery(RAISE)
                .execute(Tuple.of(people.toArray(new String[0]), keys.toArray(new String[0]), times))
                .map(rows -> {
                    Set<String> raised = new HashSet<>();
                    rows.forEach(row -> raised.add(id(row.getString("user_id"), row.getString("alert_key"))));
                    return raised;
                });
    }
}
