package dev.hipflex.tracking.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.hipflex.common.events.CloudEvent;
import dev.hipflex.tracking.domain.Phase;
import dev.hipflex.tracking.domain.SessionCompletion;
import dev.hipflex.tracking.domain.Side;

/** The events tracking publishes, in the CloudEvents envelope; pseudonymous ids only, no free text. */
public final class TrackingEvents {

    public static final String SESSIONS_TOPIC = "session-completions";
    public static final String SOURCE = "/hipflex/tracking-service";

    /** The payload of a {@code session-completions} event. */
    public record SessionCompleted(UUID sessionId, String userId, LocalDate localDay, String timeZone, int minutes,
            Set<Phase> phases, List<String> exercises, Side sides, int painBefore, int painAfter) {
    }

    private TrackingEvents() {
    }

    public static CloudEvent<SessionCompleted> sessionCompleted(String userId, SessionCompletion s, LocalDate day) {
        return CloudEvent.of(SOURCE, "dev.hipflex.tracking.session.completed", s.sessionId().toString(),
                "https://hipflex.dev/schemas/session-completions/v1",
                new SessionCompleted(s.sessionId(), userId, day, s.timeZone(), s.minutes(), s.phases(), s.exercises(),
                        s.sides(), s.painBefore(), s.painAfter()));
    }
}
