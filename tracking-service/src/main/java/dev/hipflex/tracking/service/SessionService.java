package dev.hipflex.tracking.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.common.batch.GroupCommit;
import dev.hipflex.common.batch.GroupCommit.Outcome;
import dev.hipflex.common.events.Sha256;
import dev.hipflex.common.outbox.Outbox;
import dev.hipflex.common.problem.ProblemException;
import dev.hipflex.tracking.domain.Adherence;
import dev.hipflex.tracking.domain.DaySessions;
import dev.hipflex.tracking.domain.LocalDays;
import dev.hipflex.tracking.domain.SessionCompletion;
import dev.hipflex.tracking.messaging.TrackingEvents;
import dev.hipflex.tracking.repository.AdherenceHistoryRepository;
import dev.hipflex.tracking.repository.PlanRepository;
import dev.hipflex.tracking.repository.RaisedAlertRepository;
import dev.hipflex.tracking.repository.RaisedAlertRepository.RaisedAlert;
import dev.hipflex.tracking.repository.SessionEntity;
import dev.hipflex.tracking.repository.SessionRepository;
import dev.hipflex.tracking.repository.SessionRepository.NewSession;
import dev.hipflex.tracking.repository.SessionRepository.PersonDay;
import dev.hipflex.tracking.repository.SessionRepository.StoredSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Records sessions and accounts for them. Sessions share transactions through a {@link GroupCommit} (at most
 * {@code hipflex.tracking.sessions.batch} a transaction, at most {@code hipflex.tracking.sessions.transactions}
 * transactions at once).
 * <p>
 * In one transaction: the sessions, their days' aggregates, each session's {@code session-completions} event, the
 * {@code adherence-updates} event with the figures it leads to, and the recovery alert those figures call for (raised
 * once per person and alert key). A session answered 2xx always gets its events; adherence reads the aggregates
 * instead of the history. Each session is accounted as if it had come alone: the plans are locked and the history read
 * before the batch is written, then each new session's share is added in arrival order, so its figures include every
 * earlier session and none after it. Repeats and conflicts are answered per session.
 */
@ApplicationScoped
public class SessionService {

    /** The stored session (its body as JSON) and whether this call stored it (false: sent before). */
    public record Recorded(String body, LocalDate localDay, boolean created) {
    }

    /** A session waiting to be written. */
    private record Pending(String userId, SessionCompletion session, CatalogTerms.Terms terms, String body, String hash,
            LocalDate day) {

        UUID id() {
            return session.sessionId();
        }

        NewSession row() {
            return new NewSession(id(), userId, session.startedAt(), session.timeZone(), day, body, hash);
        }
    }

    /** A new session as accounted: its figures (null without a plan) and the alert they call for, if any. */
    private record Accounted(Pending pending, Adherence figures, Adherence.Alert alert) {

        RaisedAlert raised() {
            return new RaisedAlert(pending.userId(), alert.key());
        }
    }

    private final ObjectMapper json;
    private final Outbox outbox;
    private final Pool pool;
    private final Clock clock;
    private final PlanRepository plans;
    private final SessionRepository sessions;
    private final AdherenceHistoryRepository histories;
    private final RaisedAlertRepository alerts;
    private final GroupCommit<Pending, Recorded> commits;

    public SessionService(ObjectMapper json, Outbox outbox, Pool pool, Clock clock, PlanRepository plans,
            SessionRepository sessions, AdherenceHistoryRepository histories, RaisedAlertRepository alerts,
            @ConfigProperty(name = "hipflex.tracking.sessions.batch", defaultValue = "64") int batchSize,
            @ConfigProperty(name = "hipflex.tracking.sessions.transactions", defaultValue = "4") int maxTransactions) {
        this.json = json;
        this.outbox = outbox;
        this.pool = pool;
        this.clock = clock;
        this.plans = plans;
        this.sessions = sessions;
        this.histories = histories;
        this.alerts = alerts;
        this.commits = new GroupCommit<>(batchSize, maxTransactions, this::write);
    }

    /**
     * Records a validated session of {@code userId}; the same session again answers what was stored, the same id with
     * another body (or another person's) is a 409. Without a plan the session is still recorded; there are just no
     * figures to announce.
     */
    public Uni<Recorded> record(String userId, SessionCompletion session, CatalogTerms.Terms terms) {
        String body = write(session);
        LocalDate day = LocalDays.localDay(session.startedAt().toInstant(), ZoneId.of(session.timeZone()));
        return commits.submit(new Pending(userId, session, terms, body, Sha256.hex(body), day));
    }

    /** The person's sessions with a local day in {@code [from, to]}, newest first. */
    public Uni<List<SessionEntity>> of(String userId, LocalDate from, LocalDate to, int offset, int limit) {
        return sessions.page(userId, from, to, offset, limit);
    }

    /** One transaction for the batch; answers each session's outcome in the batch's order. */
    private Uni<List<Outcome<Recorded>>> write(List<Pending> batch) {
        Instant now = clock.instant();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        // Of several sessions with one id, the first is written; the others are answered from what was stored.
        Map<UUID, Pending> firsts = new LinkedHashMap<>();
        batch.forEach(pending -> firsts.putIfAbsent(pending.id(), pending));
        List<String> people = batch.stream().map(Pending::userId).distinct().sorted().toList();
        return pool.withTransaction(connection -> Uni.combine().all()
                // Pipelined in this order: the plans locked, the sessions inserted, the history as it was before them.
                .unis(plans.lockStarts(connection, people),
                        sessions.insert(connection, firsts.values().stream().map(Pending::row).toList(), at),
                        histories.since(connection, people))
                .asTuple().chain(read -> {
                    Map<String, AdherenceService.Basis> bases = AdherenceService.bases(read.getItem1(), read.getItem3());
                    Map<Pending, Accounted> accounted = new IdentityHashMap<>();
                    for (Pending pending : batch) {
                        if (firsts.get(pending.id()) == pending && read.getItem2().contains(pending.id())) {
                            accounted.put(pending, account(pending, bases.get(pending.userId()), now));
                        }
                    }
                    List<Accounted> inOrder = batch.stream().map(accounted::get).filter(a -> a != null).toList();
                    Set<UUID> repeats = batch.stream().filter(p -> !accounted.containsKey(p)).map(Pending::id)
                            .collect(Collectors.toSet());
                    return raise(connection, inOrder, at).chain(raised -> Uni.combine().all()
                            .unis(outbox.addAll(connection, events(inOrder, raised)),
                                    sessions.addDays(connection, days(inOrder)), sessions.stored(connection, repeats))
                            .with((ignored, added, stored) -> batch.stream()
                                    .map(pending -> accounted.containsKey(pending)
                                            ? Outcome.of(new Recorded(pending.body(), pending.day(), true))
                                            : repeat(pending, stored.get(pending.id())))
                                    .toList()));
                }));
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

    /** Remembers the alerts the batch calls for; answers those raised now for the first time. */
    private Uni<Set<RaisedAlert>> raise(SqlConnection connection, List<Accounted> accounted, OffsetDateTime at) {
        return alerts.raiseFirstTime(connection,
                accounted.stream().filter(a -> a.alert() != null).map(Accounted::raised).toList(), at);
    }

    /** The events of the new sessions: each one's completion, the adherence it leads to, and an alert raised for it. */
    private static List<Outbox.Pending> events(List<Accounted> accounted, Set<RaisedAlert> raised) {
        List<Outbox.Pending> events = new ArrayList<>(accounted.size() * 2);
        for (Accounted a : accounted) {
            String userId = a.pending().userId();
            events.add(new Outbox.Pending(TrackingEvents.SESSIONS_TOPIC, userId,
                    TrackingEvents.sessionCompleted(userId, a.pending().session(), a.pending().day())));
            if (a.figures() == null) {
                // No plan yet: nothing to measure against.
                continue;
            }
            events.add(new Outbox.Pending(TrackingEvents.ADHERENCE_TOPIC, userId,
                    TrackingEvents.sessionRecorded(userId, a.figures())));
            // Removed once announced: of two sessions calling for the same new alert, the first raises it.
            if (a.alert() != null && raised.remove(a.raised())) {
                events.add(new Outbox.Pending(TrackingEvents.ALERTS_TOPIC, userId,
                        TrackingEvents.recoveryAlert(userId, a.figures())));
            }
        }
        return events;
    }

    /** The new sessions' shares of their days: one entry per person and day, in that order. */
    private static List<PersonDay> days(List<Accounted> accounted) {
        Map<String, Map<LocalDate, DaySessions>> byPerson = new TreeMap<>();
        for (Accounted a : accounted) {
            DaySessions share = DaySessions.of(a.pending().day(), a.pending().session());
            byPerson.computeIfAbsent(a.pending().userId(), person -> new TreeMap<>())
                    .merge(share.day(), share, DaySessions::plus);
        }
        List<PersonDay> days = new ArrayList<>();
        byPerson.forEach((person, its) -> its.values().forEach(day -> days.add(new PersonDay(person, day))));
        return days;
    }

    /** The same session again is answered as stored; anything else under its id (another body or person) conflicts. */
    private static Outcome<Recorded> repeat(Pending pending, StoredSession stored) {
        if (stored != null && stored.userId().equals(pending.userId()) && stored.bodyHash().equals(pending.hash())) {
            return Outcome.of(new Recorded(stored.body(), stored.localDay(), false));
        }
        return Outcome.failed(ProblemException.conflict(
                "Session " + pending.id() + " was already recorded with a different body", null));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
