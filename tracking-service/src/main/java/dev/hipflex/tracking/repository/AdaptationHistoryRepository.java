package dev.hipflex.tracking.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.hipflex.tracking.domain.Effort;
import dev.hipflex.tracking.domain.Escalations.CheckInSigns;
import dev.hipflex.tracking.domain.Escalations.SessionPain;
import dev.hipflex.tracking.domain.PainKind;
import dev.hipflex.tracking.domain.WarningSign;
import dev.hipflex.tracking.domain.Word;
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

    /** What the escalations replay: session pain, waking ratings and the check-ins' warning signs. */
    public record EscalationHistory(List<SessionPain> sessions, Map<LocalDate, Integer> waking,
            List<CheckInSigns> checkIns) {
    }

    private static final String FEEDBACK = """
            select local_day, (body::jsonb ->> 'painDuring')::int as pain_during, body::jsonb ->> 'effort' as effort,
                body::jsonb ->> 'painKind' as pain_kind
            from session where user_id = $1 and local_day >= $2
            """;
    private static final String LAST_SESSION = "select max(local_day) as last_day from session where user_id = $1";
    // The highest rating of a morning counts: the cautious reading of two ratings on one day.
    private static final String WAKING = """
            select local_day, max(pain) as pain from check_in
            where user_id = $1 and waking and local_day >= $2 group by local_day
            """;
    private static final String SIGNS = """
            select local_day, warning_signs from check_in
            where user_id = $1 and local_day >= $2 and cardinality(warning_signs) > 0
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
                            sessions.add(new Feedback(row.getLocalDate("local_day"), during, effort(row.getString("effort")),
                                    word(PainKind.values(), row.getString("pain_kind"))));
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

    /** Session pain, waking ratings and warning signs from {@code from} on (the baseline looks back from there). */
    public Uni<EscalationHistory> escalationsSince(String userId, LocalDate from) {
        return Uni.combine().all().unis(
                pool.preparedQuery(FEEDBACK).execute(Tuple.of(userId, from)),
                pool.preparedQuery(WAKING).execute(Tuple.of(userId, from)),
                pool.preparedQuery(SIGNS).execute(Tuple.of(userId, from)))
                .with((feedback, waking, signs) -> {
                    List<SessionPain> sessions = new ArrayList<>();
                    for (Row row : feedback) {
                        Integer during = row.getInteger("pain_during");
                        if (during != null) {
                            sessions.add(new SessionPain(row.getLocalDate("local_day"), during,
                                    word(PainKind.values(), row.getString("pain_kind"))));
                        }
                    }
                    Map<LocalDate, Integer> ratings = new TreeMap<>();
                    waking.forEach(row -> ratings.put(row.getLocalDate("local_day"), row.getInteger("pain")));
                    List<CheckInSigns> checkIns = new ArrayList<>();
                    for (Row row : signs) {
                        Set<WarningSign> set = EnumSet.noneOf(WarningSign.class);
                        for (String w : row.getArrayOfStrings("warning_signs")) {
                            WarningSign sign = word(WarningSign.values(), w);
                            if (sign != null) {
                                set.add(sign);
                            }
                        }
                        checkIns.add(new CheckInSigns(row.getLocalDate("local_day"), set));
                    }
                    return new EscalationHistory(sessions, ratings, checkIns);
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
        return word(Effort.values(), word);
    }

    private static <W extends Word> W word(W[] values, String word) {
        for (W value : values) {
            if (value.word().equals(word)) {
                return value;
            }
        }
        return null;
    }
}
