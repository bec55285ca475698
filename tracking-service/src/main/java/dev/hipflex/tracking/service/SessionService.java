package dev.hipflex.tracking.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.common.events.Sha256;
import dev.hipflex.common.outbox.Outbox;
import dev.hipflex.common.problem.ProblemException;
import dev.hipflex.tracking.domain.Adherence;
import dev.hipflex.tracking.domain.LocalDays;
import dev.hipflex.tracking.domain.Phase;
import dev.hipflex.tracking.domain.SessionCompletion;
import dev.hipflex.tracking.domain.Side;
import dev.hipflex.tracking.messaging.TrackingEvents;
import dev.hipflex.tracking.repository.SessionEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Records sessions. In one transaction: the session, its day's aggregate, its {@code session-completions} event, the
 * {@code adherence-updates} event with the figures it leads to, and the recovery alert those figures call for (raised
 * once per person and alert key). A session answered 2xx always gets its events; adherence reads the aggregates
 * instead of the history. The statements go out pipelined on one connection: begin; the plan (locked), the write and
 * the history; the events; commit.
 */
@ApplicationScoped
public class SessionService {

    /** The stored session (its body as JSON) and whether this call stored it (false: sent before). */
    public record Recorded(String body, LocalDate localDay, boolean created) {
    }

    private static final String RECORD = """
            with inserted as (
                insert into session (session_id, user_id, started_at, time_zone, local_day, body, body_hash, created_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8)
                on conflict (session_id) do nothing
                returning session_id),
            day as (
                insert into day_sessions as d (user_id, day, sessions, minutes, release_sessions, stretch_sessions,
                    strengthen_sessions, left_only, right_only, both_sides, pain_before_sum, pain_after_sum, pain_count)
                select $2::varchar, $5::date, 1, $9::int, $10::int, $11::int, $12::int, $13::int, $14::int, $15::int,
                    $16::int, $17::int, 1
                from inserted
                on conflict (user_id, day) do update set
                    sessions = d.sessions + 1, minutes = d.minutes + excluded.minutes,
                    release_sessions = d.release_sessions + excluded.release_sessions,
                    stretch_sessions = d.stretch_sessions + excluded.stretch_sessions,
                    strengthen_sessions = d.strengthen_sessions + excluded.strengthen_sessions,
                    left_only = d.left_only + excluded.left_only, right_only = d.right_only + excluded.right_only,
                    both_sides = d.both_sides + excluded.both_sides,
                    pain_before_sum = d.pain_before_sum + excluded.pain_before_sum,
                    pain_after_sum = d.pain_after_sum + excluded.pain_after_sum, pain_count = d.pain_count + 1)
            select exists (select 1 from inserted)
            """;

    private static final String STORED = "select user_id, body, body_hash, local_day from session where session_id = $1";

    private static final String RAISE = "insert into raised_alert (user_id, alert_key, raised_at) values ($1, $2, $3)"
            + " on conflict do nothing";

    private final ObjectMapper json;
    private final Outbox outbox;
    private final AdherenceService adherence;
    private final Pool pool;
    private final Clock clock;

    public SessionService(ObjectMapper json, Outbox outbox, AdherenceService adherence, Pool pool, Clock clock) {
        this.json = json;
        this.outbox = outbox;
        this.adherence = adherence;
        this.pool = pool;
        this.clock = clock;
    }

    /**
     * Records a validated session of {@code userId}; the same session again answers what was stored, the same id with
     * another body (or another person's) is a 409. Without a plan the session is still recorded; there are just no
     * figures to announce.
     */
    public Uni<Recorded> record(String userId, SessionCompletion session, CatalogTerms.Terms terms) {
        String body = write(session);
        String hash = Sha256.hex(body);
        LocalDate day = LocalDays.localDay(session.startedAt().toInstant(), ZoneId.of(session.timeZone()));
        Instant now = clock.instant();
        return pool.withTransaction(connection -> {
            // Pipelined in this order. The plan row is locked first: sessions of one person are recorded one after
            // another, so each event's figures include every earlier session. The history is read after the write,
            // so it includes this session.
            Uni<RowSet<Row>> plan = adherence.plan(connection, userId, true);
            Uni<Boolean> created = connection.preparedQuery(RECORD).execute(recordTuple(userId, session, body, hash, day, now))
                    .map(rows -> rows.iterator().next().getBoolean(0));
            Uni<RowSet<Row>> history = adherence.history(connection, userId);
            return Uni.combine().all().unis(plan, created, history).asTuple().chain(results -> results.getItem2()
                    ? announce(connection, userId, session, day, AdherenceService.basis(results.getItem1(),
                            results.getItem3()), terms, now).replaceWith(new Recorded(body, day, true))
                    : stored(connection, userId, session, hash));
        });
    }

    /** The events of a new session: its completion, the adherence it leads to, and an alert raised for the first time. */
    private Uni<Void> announce(SqlConnection connection, String userId, SessionCompletion session, LocalDate day,
            AdherenceService.Basis basis, CatalogTerms.Terms terms, Instant now) {
        List<Outbox.Pending> events = new ArrayList<>(2);
        events.add(new Outbox.Pending(TrackingEvents.SESSIONS_TOPIC, userId,
                TrackingEvents.sessionCompleted(userId, session, day)));
        if (basis == null) {
            // No plan yet: nothing to measure against.
            return outbox.addAll(connection, events);
        }
        Adherence figures = basis.at(now, terms);
        events.add(new Outbox.Pending(TrackingEvents.ADHERENCE_TOPIC, userId, TrackingEvents.sessionRecorded(userId, figures)));
        Adherence.Alert alert = figures.alertOnSession(day);
        if (alert == null) {
            return outbox.addAll(connection, events);
        }
        Uni<Boolean> raised = connection.preparedQuery(RAISE)
                .execute(Tuple.of(userId, alert.key(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
                .map(result -> result.rowCount() == 1);
        return Uni.combine().all().unis(outbox.addAll(connection, events), raised).asTuple()
                .chain(results -> results.getItem2()
                        ? outbox.addAll(connection, List.of(new Outbox.Pending(TrackingEvents.ALERTS_TOPIC, userId,
                                TrackingEvents.recoveryAlert(userId, figures))))
                        : Uni.createFrom().voidItem());
    }

    /** The session was there already: the same one again is answered as before, anything else is a conflict. */
    private Uni<Recorded> stored(SqlConnection connection, String userId, SessionCompletion session, String hash) {
        return connection.preparedQuery(STORED).execute(Tuple.of(session.sessionId())).map(rows -> {
            Row existing = rows.iterator().next();
            if (existing.getString("user_id").equals(userId) && existing.getString("body_hash").equals(hash)) {
                return new Recorded(existing.getString("body"), existing.getLocalDate("local_day"), false);
            }
            throw ProblemException.conflict(
                    "Session " + session.sessionId() + " was already recorded with a different body", null);
        });
    }

    private static Tuple recordTuple(String userId, SessionCompletion s, String body, String hash, LocalDate day,
            Instant now) {
        boolean left = s.sides() == Side.LEFT;
        boolean right = s.sides() == Side.RIGHT;
        return Tuple.tuple(List.of(s.sessionId(), userId, s.startedAt(), s.timeZone(), day, body, hash,
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC), s.minutes(),
                s.phases().contains(Phase.RELEASE) ? 1 : 0, s.phases().contains(Phase.STRETCH) ? 1 : 0,
                s.phases().contains(Phase.STRENGTHEN) ? 1 : 0, left ? 1 : 0, right ? 1 : 0, left || right ? 0 : 1,
                s.painBefore(), s.painAfter()));
    }

    @WithSession
    public Uni<List<SessionEntity>> of(String userId, LocalDate from, LocalDate to, int offset, int limit) {
        return SessionEntity.<SessionEntity>find("userId = ?1 and localDay >= ?2 and localDay <= ?3",
                Sort.descending("startedAt").and("sessionId"), userId, from, to).range(offset, offset + limit - 1).list();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
