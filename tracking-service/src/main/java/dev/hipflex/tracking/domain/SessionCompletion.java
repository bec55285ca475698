package dev.hipflex.tracking.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A completed session as the client reports it.
 *
 * @param sessionId client-generated, so that retries are idempotent
 * @param startedAt when it started, with the person's offset
 * @param timeZone the person's IANA time zone; the session counts for its local calendar day there
 * @param endedAt optional; when given it must come after {@code startedAt}
 * @param exercises catalog slugs of the exercises done
 * @param painBefore, painAfter numeric pain rating 0–10
 */
public record SessionCompletion(UUID sessionId, OffsetDateTime startedAt, String timeZone, OffsetDateTime endedAt,
        Integer minutes, Set<Phase> phases, List<String> exercises, Side sides, Integer painBefore, Integer painAfter) {
}
