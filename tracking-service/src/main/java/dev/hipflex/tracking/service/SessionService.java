package dev.hipflex.tracking.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.common.events.Sha256;
import dev.hipflex.common.outbox.Outbox;
import dev.hipflex.common.problem.ProblemException;
import dev.hipflex.tracking.domain.Adherence;
import dev.hipflex.tracking.domain.DaySessions;
import dev.hipflex.tracking.domain.LocalDays;
import dev.hipflex.tracking.domain.SessionCompletion;
import dev.hipflex.tracking.messaging.TrackingEvents;
import dev.hipflex.tracking.repository.SessionEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Records sessions, several at a time. Sessions that arrive while others are being written wait and go together in
 * the next transaction (at most {@code hipflex.tracking.sessions.batch} of them, at most
 * {@code hipflex.tracking.sessions.transactions} transactions at once); a session that arrives alone is written at
 * once. A transaction's statements cost about the same for one session as for sixty, so under load this is what
 * keeps PostgreSQL's work per session small.
 * <p>
 * In one transaction: the sessions, their days' aggregates, each session's {@code session-completions} event, the
 * {@code adherence-updates} event with the figures it leads to, and the recovery alert those figures call for (raised
 * once per person and alert key). A session answered 2xx always gets its events; adherence reads the aggregates
 * instead of the history. Each session is accounted as if it had come alone: the plans are locked (in person order,
 * so transactions never wait on each other in a circle) and the history read before the batch is written, then each
 * new session's share is added in arrival order, so its figures include every earlier session and none after it.
 * Repeats and conflicts are answered per session; if a batch's transaction fails, its sessions are tried one by one,
 * so one session cannot fail the others.
 */
@ApplicationScoped
public class SessionService {

    /** The stored session (its body as JSON) and whether this call stored it (false: sent before). */
    public record Recorded(String body, LocalDate localDay, boolean created) {
    }

    /** A session waiting to be written, and where its answer goes. */
    private record Pending(String userId, SessionCompletion session, CatalogTerms.Terms terms, String body, String hash,
            LocalDate day, Context context, UniEmitter<? super Recorded> answer) {

        void answer(Recorded recorded, Throwable failure) {
            // Answered on the request's own context, whichever transaction wrote it.
            Runnable reply = failure == null ? () -> answer.complete(recorded) : () -> answer.fail(failure);
            if (context == null) {
                reply.run();
            } else {
                context.runOnContext(ignored -> reply.run());
            }
        }
    }

    private static final String LOCK_PLANS = "select user_id, status, start_date, time_zone from plan"
            + " where user_id = any($1) order by user_id for update";

    private static final String INSERT_SESSIONS = "insert into session (session_id, user_id, started_at, time_zone,"
            + " local_day, body, body_hash, created_at) select * from unnest($1::uuid[], $2::varchar[],"
            + " $3::timestamptz[], $4::varchar[], $5::date[], $6::text[], $7::varchar[], $8::timestamptz[])"
            + " on conflict (session_id) do nothing returning session_id";

    // Day aggregates and check-ins since each plan's start (kind 0 and 1); no upper bound: the engine leaves out days
    // after today. Read before the batch's own days are added.
    private static final String HISTORY = """
            select d.user_id, 0, d.day, d.sessions, d.minutes, d.release_sessions, d.stretch_sessions,
                d.strengthen_sessions, d.left_only, d.right_only, d.both_sides, d.pain_before_sum, d.pain_after_sum,
                d.pain_count
            from day_sessions d join plan p on p.user_id = d.user_id
            where d.user_id = any($1) and d.day >= p.start_date
            union all
            select c.user_id, 1, c.local_day, c.pain, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
            from check_in c join plan p on p.user_id = c.user_id
            where c.user_id = any($1) and c.local_day >= p.start_date
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

    private static final String STORED = "select session_id, user_id, body, body_hash, local_day from session"
            + " where session_id = any($1)";

    private final ObjectMapper json;
    private final Outbox outbox;
    private final Pool pool;
    private final Clock clock;
    private final int batchSize;
    private final int maxTransactions;
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger writing = new AtomicInteger();

    public SessionService(ObjectMapper json, Outbox outbox, Pool pool, Clock clock,
            @ConfigProperty(name = "hipflex.tracking.sessions.batch", defaultValue = "64") int batchSize,
            @ConfigProperty(name = "hipflex.tracking.sessions.transactions", defaultValue = "4") int maxTransactions) {
        this.json = json;
        this.outbox = outbox;
        this.pool = pool;
        this.clock = clock;
        this.batchSize = batchSize;
        this.maxTransactions = maxTransactions;
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
        return Uni.createFrom().emitter(answer -> {
            waiting.add(new Pending(userId, session, terms, body, hash, day, Vertx.currentContext(), answer));
            drain();
        });
    }

    /** Starts transactions for the waiting sessions while fewer than the maximum are running. */
    private void drain() {
        while (!waiting.isEmpty()) {
            int running = writing.get();
            if (running >= maxTransactions) {
                // A running transaction drains again when it ends.
                return;
            }
            if (!writing.compareAndSet(running, running + 1)) {
                continue;
            }
            List<Pending> batch = new ArrayList<>(Math.min(batchSize, 16));
            for (Pending next; batch.size() < batchSize && (next = waiting.poll()) != null;) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                writing.decrementAndGet();
                continue;
            }
            writeOrSplit(batch).subscribe().with(ignored -> {
                writing.decrementAndGet();
                drain();
            }, failure -> {
                writing.decrementAndGet();
                drain();
            });
        }
    }

    /** Writes the batch and answers its sessions; if its transaction fails, each session is tried alone. */
    private Uni<Void> writeOrSplit(List<Pending> batch) {
        // Deferred: a failure while preparing the batch is recovered like one of its transaction.
        return Uni.createFrom().deferred(() -> write(batch)).onFailure().recoverWithUni(failure -> {
            if (batch.size() == 1) {
                batch.get(0).answer(null, failure);
                return Uni.createFrom().voidItem();
            }
            Uni<Void> oneByOne = Uni.createFrom().voidItem();
            for (Pending pending : batch) {
                oneByOne = oneByOne.chain(() -> writeOrSplit(List.of(pending)));
            }
            return oneByOne;
        });
    }

    /** A new session as accounted: its figures (null without a plan) and the alert they call for, if any. */
    private record Accounted(Pending pending, Adherence figures, Adherence.Alert alert) {

        String alertId() {
            return RaisedAlerts.id(pending.userId(), alert.key());
        }
    }

    /** One transaction for the batch; each session is answered once it has committed. */
    private Uni<Void> write(List<Pending> batch) {
        Instant now = clock.instant();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        // Of several sessions with one id, the first is written; the others are answered from what was stored.
        Map<UUID, Pending> firsts = new LinkedHashMap<>();
        batch.forEach(pending -> firsts.putIfAbsent(pending.session().sessionId(), pending));
        String[] people = batch.stream().map(Pending::userId).distinct().sorted().toArray(String[]::new);
        return pool.withTransaction(connection -> {
            // Pipelined in this order: the plans locked, the sessions inserted, the history as it was before them.
            Uni<RowSet<Row>> plans = connection.preparedQuery(LOCK_PLANS).execute(Tuple.of(people));
            Uni<Set<UUID>> inserted = insertSessions(connection, firsts.values(), at);
            Uni<RowSet<Row>> history = connection.preparedQuery(HISTORY).execute(Tuple.of(people));
            return Uni.combine().all().unis(plans, inserted, history).asTuple().chain(read -> {
                Map<String, AdherenceService.Basis> bases = AdherenceService.bases(read.getItem1(), read.getItem3());
                List<Accounted> accounted = new ArrayList<>();
                List<Pending> repeats = new ArrayList<>();
                for (Pending pending : batch) {
                    UUID id = pending.session().sessionId();
                    if (firsts.get(id) == pending && read.getItem2().contains(id)) {
                        accounted.add(account(pending, bases.get(pending.userId()), now));
                    } else {
                        repeats.add(pending);
                    }
                }
                return raise(connection, accounted, at).chain(raised -> {
                    List<Outbox.Pending> events = new ArrayList<>(accounted.size() * 2);
                    for (Accounted a : accounted) {
                        announce(a, raised, events);
                    }
                    return Uni.combine().all()
                            .unis(outbox.addAll(connection, events), addDays(connection, accounted), stored(connection, repeats))
                            .asTuple().map(written -> (Runnable) () -> {
                                accounted.forEach(a -> a.pending().answer(
                                        new Recorded(a.pending().body(), a.pending().day(), true), null));
                                repeats.forEach(pending -> answerRepeat(pending, written.getItem3()));
                            });
                });
            });
        }).invoke(Runnable::run).replaceWithVoid();
    }

    /**
     * The new session's share added to its person's history (in place, so the next session of the same person in
     * this batch counts it), and the figures that gives.
     */
    private static Accounted account(Pending pending, AdherenceService.Basis basis, Instant now) {
        if (basis == null) {
            return new Accounted(pending, null, null);
        }
        basis.days().add(DaySessions.of(pending.day(), pending.session()));
        Adherence figures = basis.at(now, pending.terms());
        return new Accounted(pending, figures, figures.alertOnSession(pending.day()));
    }

    /** The events of a new session: its completion, the adherence it leads to, and an alert raised for it. */
    private static void announce(Accounted a, Set<String> raised, List<Outbox.Pending> events) {
        String userId = a.pending().userId();
        events.add(new Outbox.Pending(TrackingEvents.SESSIONS_TOPIC, userId,
                TrackingEvents.sessionCompleted(userId, a.pending().session(), a.pending().day())));
        if (a.figures() == null) {
            // No plan yet: nothing to measure against.
            return;
        }
        events.add(new Outbox.Pending(TrackingEvents.ADHERENCE_TOPIC, userId, TrackingEvents.sessionRecorded(userId, a.figures())));
        // Removed once announced: of two sessions calling for the same new alert, the first raises it.
        if (a.alert() != null && raised.remove(a.alertId())) {
            events.add(new Outbox.Pending(TrackingEvents.ALERTS_TOPIC, userId, TrackingEvents.recoveryAlert(userId, a.figures())));
        }
    }

    /** Remembers the alerts the batch calls for; answers those raised now for the first time. */
    private static Uni<Set<String>> raise(SqlConnection connection, List<Accounted> accounted, OffsetDateTime at) {
        Map<String, Accounted> wanted = new TreeMap<>();
        accounted.stream().filter(a -> a.alert() != null).forEach(a -> wanted.putIfAbsent(a.alertId(), a));
        return RaisedAlerts.firstTime(connection, wanted.values().stream().map(a -> a.pending().userId()).toList(),
                wanted.values().stream().map(a -> a.alert().key()).toList(), at);
    }

    /** Inserts the sessions (in id order, as every transaction does); answers the ids that were new. */
    private static Uni<Set<UUID>> insertSessions(SqlConnection connection, Collection<Pending> sessions, OffsetDateTime at) {
        List<Pending> byId = sessions.stream().sorted(Comparator.comparing(p -> p.session().sessionId())).toList();
        int size = byId.size();
        UUID[] ids = new UUID[size];
        String[] people = new String[size];
        OffsetDateTime[] started = new OffsetDateTime[size];
        String[] zones = new String[size];
        LocalDate[] days = new LocalDate[size];
        String[] bodies = new String[size];
        String[] hashes = new String[size];
        OffsetDateTime[] created = new OffsetDateTime[size];
        for (int i = 0; i < size; i++) {
            Pending p = byId.get(i);
            ids[i] = p.session().sessionId();
            people[i] = p.userId();
            started[i] = p.session().startedAt();
            zones[i] = p.session().timeZone();
            days[i] = p.day();
            bodies[i] = p.body();
            hashes[i] = p.hash();
            created[i] = at;
        }
        return connection.preparedQuery(INSERT_SESSIONS)
                .execute(Tuple.tuple(List.of(ids, people, started, zones, days, bodies, hashes, created)))
                .map(rows -> {
                    Set<UUID> inserted = new HashSet<>();
                    rows.forEach(row -> inserted.add(row.getUUID(0)));
                    return inserted;
                });
    }

    /** Adds the new sessions to their days' aggregates: one row per person and day, in that order. */
    private static Uni<Void> addDays(SqlConnection connection, List<Accounted> accounted) {
        if (accounted.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Map<LocalDate, DaySessions>> byPerson = new TreeMap<>();
        for (Accounted a : accounted) {
            DaySessions share = DaySessions.of(a.pending().day(), a.pending().session());
            byPerson.computeIfAbsent(a.pending().userId(), person -> new TreeMap<>()).merge(share.day(), share, DaySessions::plus);
        }
        List<String> people = new ArrayList<>();
        List<DaySessions> days = new ArrayList<>();
        byPerson.forEach((person, its) -> its.values().forEach(day -> {
            people.add(person);
            days.add(day);
        }));
        return connection.preparedQuery(ADD_DAYS).execute(Tuple.tuple(List.of(people.toArray(new String[0]),
                days.stream().map(DaySessions::day).toArray(LocalDate[]::new), column(days, DaySessions::sessions),
                column(days, DaySessions::minutes), column(days, DaySessions::releaseSessions),
                column(days, DaySessions::stretchSessions), column(days, DaySessions::strengthenSessions),
                column(days, DaySessions::leftOnly), column(days, DaySessions::rightOnly),
                column(days, DaySessions::bothSides), column(days, DaySessions::painBeforeSum),
                column(days, DaySessions::painAfterSum), column(days, DaySessions::painCount)))).replaceWithVoid();
    }

    private static Integer[] column(List<DaySessions> days, ToIntFunction<DaySessions> value) {
        return days.stream().map(day -> value.applyAsInt(day)).toArray(Integer[]::new);
    }

    /** The stored rows of sessions that were there already (or written earlier in this batch), by id. */
    private static Uni<Map<UUID, Row>> stored(SqlConnection connection, List<Pending> repeats) {
        if (repeats.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        UUID[] ids = repeats.stream().map(p -> p.session().sessionId()).distinct().toArray(UUID[]::new);
        return connection.preparedQuery(STORED).execute(Tuple.of(ids)).map(rows -> {
            Map<UUID, Row> byId = new HashMap<>();
            rows.forEach(row -> byId.put(row.getUUID("session_id"), row));
            return byId;
        });
    }

    /** The same session again is answered as before; anything else under its id (another body or person) is a conflict. */
    private static void answerRepeat(Pending pending, Map<UUID, Row> stored) {
        Row existing = stored.get(pending.session().sessionId());
        if (existing != null && existing.getString("user_id").equals(pending.userId())
                && existing.getString("body_hash").equals(pending.hash())) {
            pending.answer(new Recorded(existing.getString("body"), existing.getLocalDate("local_day"), false), null);
        } else {
            pending.answer(null, ProblemException.conflict(
                    "Session " + pending.session().sessionId() + " was already recorded with a different body", null));
        }
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
