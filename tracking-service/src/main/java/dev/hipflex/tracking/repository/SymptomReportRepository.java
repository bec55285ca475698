package dev.hipflex.tracking.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The SQL of {@code last_symptom_report}: each person's newest symptom report, as symptom-reports carried it. */
@ApplicationScoped
public class SymptomReportRepository {

    private static final String KEEP = """
            insert into last_symptom_report (user_id, report_id, reported_at, report) values ($1, $2, $3, $4)
            on conflict (user_id) do update set report_id = excluded.report_id, reported_at = excluded.reported_at,
                report = excluded.report
            where last_symptom_report.reported_at < excluded.reported_at
            """;
    private static final String LAST = "select report from last_symptom_report where user_id = $1";

    private final Pool pool;

    public SymptomReportRepository(Pool pool) {
        this.pool = pool;
    }

    /** Keeps the report unless a newer one of the person is kept already. */
    public Uni<Void> keep(String userId, UUID reportId, OffsetDateTime reportedAt, String report) {
        return pool.preparedQuery(KEEP).execute(Tuple.of(userId, reportId, reportedAt, report)).replaceWithVoid();
    }

    /** The person's newest report (the event's data as JSON text), or null. */
    public Uni<String> last(String userId) {
        return pool.preparedQuery(LAST).execute(Tuple.of(userId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("report"));
    }
}
