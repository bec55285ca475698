package dev.hipflex.tracking.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What tracking takes from a {@code recommendations} event: who, when, in which time zone, the level,
 * and the protocol and exercises to follow.
 */
public record RecommendationSummary(UUID reportId, String userId, String timeZone, Instant at, String level,
        String protocol, List<String> exercises) {

    /** Levels at which triage asks the person to see a professional before starting the plan. */
    public boolean seeProfessionalFirst() {
        return "see-professional".equals(level) || "urgent-care".equals(level);
    }
}
