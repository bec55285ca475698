package dev.hipflex.tracking.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.common.events.Sha256;
import dev.hipflex.common.outbox.Outbox;
import dev.hipflex.common.problem.ProblemException;
import dev.hipflex.tracking.domain.LocalDays;
import dev.hipflex.tracking.domain.Phase;
import dev.hipflex.tracking.domain.SessionCompletion;
import dev.hipflex.tracking.domain.Side;
import dev.hipflex.tracking.messaging.TrackingEvents;
import dev.hipflex.tracking.repository.SessionEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * Records sessions. The session, its day's aggregate and its {@code session-completions} event are
 * written in one transaction: a session answered 2xx always gets its event, and adherence reads the
 * aggregates instead of the history.
 */
@ApplicationScoped
public class SessionService {

    /** The stored session and whether this call stored it (false: the same session was sent before). */
    public record Recorded(SessionEntity session, boolean created) {
    }

    private static final String ADD_TO_DAY = """
            insert into day_sessions as d (user_id, day, sessions, minutes, release_sessions, stretch_sessions,
                strengthen_sessions, left_only, right_only, both_sides, pain_before_sum, pain_after_sum, pain_count)
            values (:user, :day, 1, :minutes, :release, :stretch, :strengthen, :left, :right, :both, :before, :after, 1)
            on conflict (user_id, day) do update set
                sessions = d.sessions + 1, minutes = d.minutes + excluded.minutes,
                release_sessions = d.release_sessions + excluded.release_sessions,
                stretch_sessions = d.stretch_sessions + excluded.stretch_sessions,
                strengthen_sessions = d.strengthen_sessions + excluded.strengthen_sessions,
                left_only = d.left_only + excluded.left_only, right_only = d.right_only + excluded.right_only,
                both_sides = d.both_sides + excluded.both_sides,
                pain_before_sum = d.pain_before_sum + excluded.pain_before_sum,
                pain_after_sum = d.pain_after_sum + excluded.pain_after_sum, pain_count = d.pain_count + 1
            """;

    private final ObjectMapper json;
    private final Outbox outbox;

    public SessionService(ObjectMapper json, Outbox outbox) {
        this.json = json;
        this.outbox = outbox;
    }

    /** Records a validated session of {@code userId}; the same id with another body is a 409. */
    @WithTransaction
    public Uni<Recorded> record(String userId, SessionCompletion session) {
        String body = write(session);
        String hash = Sha256.hex(body);
        return SessionEntity.<SessionEntity>findById(session.sessionId()).chain(existing -> {
            if (existing != null) {
                if (existing.userId.equals(userId) && existing.bodyHash.equals(hash)) {
                    return Uni.createFrom().item(new Recorded(existing, false));
                }
                return Uni.createFrom().failure(ProblemException.conflict(
                        "Session " + session.sessionId() + " was already recorded with a different body", null));
            }
            LocalDate day = LocalDays.localDay(session.startedAt().toInstant(), ZoneId.of(session.timeZone()));
            SessionEntity row = new SessionEntity();
            row.sessionId = session.sessionId();
            row.userId = userId;
            row.startedAt = session.startedAt();
            row.timeZone = session.timeZone();
            row.localDay = day;
            row.body = body;
            row.bodyHash = hash;
            row.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            return row.persist()
                    .call(() -> addToDay(userId, day, session))
                    .call(() -> outbox.add(TrackingEvents.SESSIONS_TOPIC, userId,
                            TrackingEvents.sessionCompleted(userId, session, day)))
                    .replaceWith(new Recorded(row, true));
        });
    }

    @WithSession
    public Uni<List<SessionEntity>> of(String userId, LocalDate from, LocalDate to, int offset, int limit) {
        return SessionEntity.<SessionEntity>find("userId = ?1 and localDay >= ?2 and localDay <= ?3",
                Sort.descending("startedAt").and("sessionId"), userId, from, to).range(offset, offset + limit - 1).list();
    }

    private Uni<Integer> addToDay(String userId, LocalDate day, SessionCompletion s) {
        boolean left = s.sides() == Side.LEFT;
        boolean right = s.sides() == Side.RIGHT;
        return Panache.getSession().chain(session -> session.createNativeQuery(ADD_TO_DAY)
                .setParameter("user", userId).setParameter("day", day).setParameter("minutes", s.minutes())
                .setParameter("release", s.phases().contains(Phase.RELEASE) ? 1 : 0)
                .setParameter("stretch", s.phases().contains(Phase.STRETCH) ? 1 : 0)
                .setParameter("strengthen", s.phases().contains(Phase.STRENGTHEN) ? 1 : 0)
                .setParameter("left", left ? 1 : 0).setParameter("right", right ? 1 : 0)
                .setParameter("both", left || right ? 0 : 1)
                .setParameter("before", s.painBefore()).setParameter("after", s.painAfter())
                .executeUpdate());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
