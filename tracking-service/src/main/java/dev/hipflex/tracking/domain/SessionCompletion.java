package dev.hipflex.tracking.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A completed session as the client reports it.
 *
 * @param sessionId client-generated, so that retries are idempotent
 * @param startedAt when it started, with the person's offset
 * @param timeZone the person's IANA time zone; the session counts for its local calendar day there
 * @param endedAt optional; when given it must come after {@code startedAt}
 * @param exercises catalog slugs of the exercises done
 * @param painBefore, painAfter numeric pain rating 0–10
 * @param painDuring optional: the worst pain during the session, 0–10; the adapting plan reads it
 * @param effort optional: how hard the session felt; the adapting plan reads it
 * @param painKind optional, only with {@code painDuring}: whether the worst feeling was pain or a strong stretch
 *        feeling, which the escalation for pain of 7 or more asks (no answer counts as pain)
 */
public record SessionCompletion(UUID sessionId, OffsetDateTime startedAt, String timeZone, OffsetDateTime endedAt,
        Integer minutes, Set<Phase> phases, List<String> exercises, Side sides, Integer painBefore, Integer painAfter,
        // Left out of the stored body when absent, so a session sent before feedback existed keeps its body hash.
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer painDuring,
        @JsonInclude(JsonInclude.Include.NON_NULL) Effort effort,
        @JsonInclude(JsonInclude.Include.NON_NULL) PainKind painKind) {

    /** Whether the session carries the feedback the adapting plan needs (worst pain during it). */
    public boolean hasFeedback() {
        return painDuring != null;
    }
}
