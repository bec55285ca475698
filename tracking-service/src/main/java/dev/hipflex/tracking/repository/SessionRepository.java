package dev.hipflex.tracking.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import jakarta.enterprise.context.ApplicationScoped;

import dev.hipflex.tracking.domain.DaySessions;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The SQL of the session family: {@code session} (each session as the client sent it) and {@code day_sessions} (each
 * person's per-day aggregates, kept up to date as sessions arrive so adherence never rescans the sessions). Methods
 * taking a connection run in the transaction it holds; statements given to one connection together are pipelined.
 */
@ApplicationScoped
public class SessionRepository {

    /** A session to store: the body as JSON, its hash, and the local day it counts for. */
    public record NewSession(UUID sessionId, String userId, OffsetDateTime startedAt, String timeZone,
            LocalDate localDay, String body, String bodyHash) {
    }

    /** A stored session, as far as a repeat needs it. */
    public record StoredSession(UUID sessionId, String userId, String body, String bodyHash, LocalDate localDay) {
    }

    /** One person's sessions of one day, to add to that day's aggregate. */
    public record PersonDay(String userId, DaySessions day) {
    }

    private static final String INSERT = """
            insert into session (session_id, user_id, started_at, time_zone, local_day, body, body_hash, created_at)
            select * from unnest($1::uuid[], $2::varchar[], $3::timestamptz[], $4::varchar[], $5::date[], $6::text[],
                $7::varchar[], $8::timestamptz[])
            on conflict (session_id) do nothing
            returning session_id
            """;
    private static final String STORED = """
            select session_id, user_id, body, body_hash, local_day from session where session_id = any($1)
            """;
    private static final String ADD_DAYS = """
            insert into day_sessions as d (user_id, day, sessions, minutes, release_sessions, stretch_sessions,
                strengthen_sessions, left_only, right_only, both_sides, pain_before_sum, pain_after_sum, pain_count)
            select * from unnest($1::varchar[], $2::date[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[],
                $8::int[], $9::int[], $10::int[], $11::int[], $12::int[], $13::int[])
            on conflict (user_id, day) do update set
                sessions = d.sessions + excluded.sessions, minutes = d.minutes + excluded.minutes,
                release_sessions = d.release_sessions + excluded.release_sessions,
                stretch_sessions = d.stretch_sessions + excluded.stretch_sessions,
                strengthen_sessions = d.strengthen_sessions + excluded.strengthen_sessions,
                left_only = d.left_only + excluded.left_only, right_only = d.right_only + excluded.right_only,
                both_sides = d.both_sides + excluded.both_sides,
                pain_before_sum = d.pain_before_sum + excluded.pain_before_sum,
                pain_after_sum = d.pain_after_sum + excluded.pain_after_sum, pain_count = d.pain_count + excluded.pain_count
            """;

    /**
     * Stores the sessions whose id is not taken; answers the ids stored now. Rows go in id order, as in every
     * transaction, so two transactions never wait on each other's keys in a circle.
     */
    public Uni<Set<UUID>> insert(SqlConnection connection, List<NewSession> sessions, OffsetDateTime createdAt) {
        List<NewSession> byId = sessions.stream().sorted(Comparator.comparing(NewSession::sessionId)).toList();
        return connection.preparedQuery(INSERT).execute(Tuple.tuple(List.of(
                        column(byId, NewSession::sessionId, UUID[]::new), column(byId, NewSession::userId, String[]::new),
                        column(byId, NewSession::startedAt, OffsetDateTime[]::new),
                        column(byId, NewSession::timeZone, String[]::new),
                        column(byId, NewSession::localDay, LocalDate[]::new), column(byId, NewSession::body, String[]::new),
                        column(byId, NewSession::bodyHash, String[]::new),
                        column(byId, s -> createdAt, OffsetDateTime[]::new))))
                .map(rows -> {
                    Set<UUID> inserted = new HashSet<>();
                    rows.forEach(row -> inserted.add(row.getUUID("session_id")));
                    return inserted;
                });
    }

    /** The stored sessions of {@code ids}, by id. */
    public Uni<Map<UUID, StoredSession>> stored(SqlConnection connection, Set<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return connection.preparedQuery(STORED).execute(Tuple.of(ids.toArray(UUID[]::new))).map(rows -> {
            Map<UUID, StoredSession> byId = new HashMap<>();
            rows.forEach(row -> byId.put(row.getUUID("session_id"), new StoredSession(row.getUUID("session_id"),
                    row.getString("user_id"), row.getString("body"), row.getString("body_hash"),
                    row.getLocalDate("local_day"))));
            return byId;
        });
    }

    /** Adds each person's day to its aggregate, in the order given (one entry per person and day). */
    public Uni<Void> addDays(SqlConnection connection, List<PersonDay> days) {
        if (days.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(ADD_DAYS).execute(Tuple.tuple(List.of(
                column(days, PersonDay::userId, String[]::new), column(days, d -> d.day().day(), LocalDate[]::new),
                counts(days, DaySessions::sessions), counts(days, DaySessions::minutes),
                counts(days, DaySessions::releaseSessions), counts(days, DaySessions::stretchSessions),
                counts(days, DaySessions::strengthenSessions), counts(days, DaySessions::leftOnly),
                counts(days, DaySessions::rightOnly), counts(days, DaySessions::bothSides),
                counts(days, DaySessions::painBeforeSum), counts(days, DaySessions::painAfterSum),
                counts(days, DaySessions::painCount)))).replaceWithVoid();
    }

    /** The person's sessions with a local day in {@code [from, to]}, newest first, a page at a time. */
    @WithSession
    public Uni<List<SessionEntity>> page(String userId, LocalDate from, LocalDate to, int offset, int limit) {
        return SessionEntity.<SessionEntity>find("userId = ?1 and localDay >= ?2 and localDay <= ?3",
                Sort.descending("startedAt").and("sessionId"), userId, from, to).range(offset, offset + limit - 1).list();
    }

    private static <R, V> V[] column(List<R> rows, Function<R, V> value, java.util.function.IntFunction<V[]> array) {
        return rows.stream().map(value).toArray(array);
    }

    private static Integer[] counts(List<PersonDay> days, ToIntFunction<DaySessions> value) {
        return days.stream().map(d -> value.applyAsInt(d.day())).toArray(Integer[]::new);
    }
}
