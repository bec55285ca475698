package dev.hipflex.tracking.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What tracking takes from a {@code recommendations} event: who, when, in which time zone, the level,
 * the protocol and exercises to follow, and the exercises it rules out (which an adapting plan never steps into).
 */
public record RecommendationSummary(UUID reportId, String userId, String timeZone, Instant at, String level,
        String protocol, List<String> exercises, List<String> excluded) {

    /** Whether the plan waits for a professional's advice (see {@link AdherencePolicy#PLAN_WAITS_FOR_PROFESSIONAL}). */
    public boolean seeProfessionalFirst() {
        return AdherencePolicy.PLAN_WAITS_FOR_PROFESSIONAL.appliesTo(level);
    }
}
