package dev.hipflex.tracking.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.hipflex.tracking.domain.Effort;
import dev.hipflex.tracking.domain.PlanAdaptation.Feedback;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What the adapting plan replays: the feedback of a person's sessions (read from the session bodies, where it is
 * stored as sent), their waking ratings, and the exercises their latest recommendation rules out
 * ({@code plan_exclusion}); and the changes already announced ({@code plan_adjustment}).
 */
@ApplicationScoped
public class AdaptationHistoryRepository {

    /** A person's history since a day, for {@link dev.hipflex.tracking.domain.PlanAdaptation}. */
    public record AdaptationHistory(List<Feedback> sessions, Map<LocalDate, Integer> waking, List<String> excluded,
            LocalDate lastSession) {
    }

    private static final String FEEDBACK = """
            select local_day, (body::jsonb ->> 'painDuring')::int as pain_during, body::jsonb ->> 'effort' as effort
            from session where user_id = $1 and local_day >= $2
            """;
    private static final String LAST_SESSION = "select max(local_day) as last_day from session where user_id = $1";
    // The highest rating of a morning counts: the cautious reading of two ratings on one day.
    private static final String WAKING = """
            select local_day, max(pain) as pain from check_in
            where user_id = $1 and waking and local_day >= $2 group by local_day
            """;
    private static final String EXCLUDED = "select exercise from plan_exclusion where user_id = $1 order by exercise";
    private static final String CLEAR = "delete from plan_exclusion where user_id = $1";
    private static final String EXCLUDE = """
            insert into plan_exclusion (user_id, exercise) select $1, unnest($2::varchar[]) on conflict do nothing
            """;

    private static final String ANNOUNCE = """
            insert into plan_adjustment (user_id, change_key, announced_at) select $1, unnest($2::varchar[]), $3
            on conflict do nothing returning change_key
            """;

    private final Pool pool;

    public AdaptationHistoryRepository(Pool pool) {
        this.pool = pool;
    }

    /** Sessions from {@code from} on and waking ratings from {@code ratingsFrom} on (the baseline looks back). */
    public Uni<AdaptationHistory> since(String userId, LocalDate from, LocalDate ratingsFrom) {
        return Uni.combine().all().unis(
                pool.preparedQuery(FEEDBACK).execute(Tuple.of(userId, from)),
                pool.preparedQuery(WAKING).execute(Tuple.of(userId, ratingsFrom)),
                pool.preparedQuery(EXCLUDED).execute(Tuple.of(userId)),
                pool.preparedQuery(LAST_SESSION).execute(Tuple.of(userId)))
                .with((feedback, waking, excluded, last) -> {
                    List<Feedback> sessions = new ArrayList<>();
                    for (Row row : feedback) {
                        Integer during = row.getInteger("pain_during");
                        if (during != null) {
                            sessions.add(new Feedback(row.getLocalDate("local_day"), during, effort(row.getString("effort"))));
                        }
                    }
                    Map<LocalDate, Integer> ratings = new TreeMap<>();
                    waking.forEach(row -> ratings.put(row.getLocalDate("local_day"), row.getInteger("pain")));
                    List<String> out = new ArrayList<>();
                    excluded.forEach(row -> out.add(row.getString("exercise")));
                    LocalDate lastDay = last.iterator().next().getLocalDate("last_day");
                    return new AdaptationHistory(sessions, ratings, out, lastDay);
                });
    }

    /** Replaces the person's excluded exercises with {@code exercises}, in the caller's transaction. */
    public Uni<Void> exclude(SqlClient client, String userId, List<String> exercises) {
        return client.preparedQuery(CLEAR).execute(Tuple.of(userId))
                .chain(() -> client.preparedQuery(EXCLUDE).execute(Tuple.of(userId, exercises.toArray(String[]::new))))
                .replaceWithVoid();
    }

    /** Remembers the changes as announced; answers those not announced before. */
    public Uni<Set<String>> announce(SqlClient client, String userId, List<String> keys, OffsetDateTime at) {
        return client.preparedQuery(ANNOUNCE).execute(Tuple.of(userId, keys.toArray(String[]::new), at)).map(rows -> {
            Set<String> fresh = new HashSet<>();
            rows.forEach(row -> fresh.add(row.getString("change_key")));
            return fresh;
        });
    }

    private static Effort effort(String word) {
        for (Effort effort : Effort.values()) {
            if (effort.word().equals(word)) {
                return effort;
            }
        }
        return null;
    }
}
