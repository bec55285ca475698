package dev.hipflex.tracking.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.hipflex.tracking.domain.CheckIn;
import dev.hipflex.tracking.domain.DaySessions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What adherence is computed from, read in one statement for any number of people: each day's session aggregate
 * ({@code day_sessions}, kept by {@link SessionRepository}) and the pain check-ins ({@code check_in}, kept by
 * {@link CheckInRepository}) since their plan's start. One row per day, never the sessions themselves.
 */
@ApplicationScoped
public class AdherenceHistoryRepository {

    /** A person's days and check-ins since their plan's start; the lists can be added to. */
    public record History(List<DaySessions> days, List<CheckIn> checkIns) {

        static History empty() {
            return new History(new ArrayList<>(), new ArrayList<>());
        }
    }

    // No upper bound: the engine leaves out days after today. Column names come from the first branch. Each join names
    // the people on both sides: PostgreSQL does not carry "= any($1)" across a join, and without it hashes the whole
    // plan table for a person with a long history.
    private static final String HISTORY = """
            select d.user_id, 'day' as kind, d.day, d.sessions, d.minutes, d.release_sessions, d.stretch_sessions,
                d.strengthen_sessions, d.left_only, d.right_only, d.both_sides, d.pain_before_sum, d.pain_after_sum,
                d.pain_count, 0 as pain
            from day_sessions d join plan p on p.user_id = d.user_id
            where d.user_id = any($1) and p.user_id = any($1) and d.day >= p.start_date
            union all
            select c.user_id, 'check-in', c.local_day, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, c.pain
            from check_in c join plan p on p.user_id = c.user_id
            where c.user_id = any($1) and p.user_id = any($1) and c.local_day >= p.start_date
            """;

    /** The histories of {@code people}, by person; someone without a plan or without data has an empty one. */
    public Uni<Map<String, History>> since(SqlClient client, List<String> people) {
        return client.preparedQuery(HISTORY).execute(Tuple.of(people.toArray(String[]::new))).map(rows -> {
            Map<String, History> histories = new HashMap<>();
            people.forEach(person -> histories.put(person, History.empty()));
            rows.forEach(row -> add(histories.get(row.getString("user_id")), row));
            return histories;
        });
    }

    private static void add(History history, Row row) {
        if ("check-in".equals(row.getString("kind"))) {
            history.checkIns().add(new CheckIn(row.getLocalDate("day"), row.getInteger("pain")));
            return;
        }
        history.days().add(new DaySessions(row.getLocalDate("day"), row.getInteger("sessions"),
                row.getInteger("minutes"), row.getInteger("release_sessions"), row.getInteger("stretch_sessions"),
                row.getInteger("strengthen_sessions"), row.getInteger("left_only"), row.getInteger("right_only"),
                row.getInteger("both_sides"), row.getInteger("pain_before_sum"), row.getInteger("pain_after_sum"),
                row.getInteger("pain_count")));
    }
}
