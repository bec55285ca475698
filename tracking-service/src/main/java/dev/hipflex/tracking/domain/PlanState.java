package dev.hipflex.tracking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A person's plan as stored, and what a recommendation does to it.
 *
 * @param reportId the recommendation that made or last changed the plan; null for a plan the person started
 * @param nextWeekClose when the week-close pass should look at the plan next (see {@link WeekEnds}); null while it is
 *        not running
 */
public record PlanState(PlanStatus status, LocalDate startDate, ZoneId zone, String protocol, String level,
        UUID reportId, List<String> exercises, Instant nextWeekClose) {

    public PlanState {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(zone, "zone");
        exercises = List.copyOf(exercises);
    }

    /**
     * The plan after {@code recommendation}, or null when it changes nothing (the same recommendation again). A first
     * recommendation makes the plan, starting on the person's local date of the recommendation; a see-professional or
     * urgent-care one marks it "see a professional first" instead of silently starting it, and a plan that was not
     * running starts on that date once a recommendation lets it. A running plan keeps its start date.
     *
     * @param existing the stored plan, or null
     */
    public static PlanState after(PlanState existing, RecommendationSummary recommendation) {
        if (existing != null && recommendation.reportId().equals(existing.reportId())) {
            return null;
        }
        ZoneId zone = ZoneId.of(recommendation.timeZone());
        LocalDate day = LocalDays.localDay(recommendation.at(), zone);
        PlanStatus status = recommendation.seeProfessionalFirst() ? PlanStatus.SEE_PROFESSIONAL_FIRST : PlanStatus.ACTIVE;
        boolean starts = existing == null || existing.status() != PlanStatus.ACTIVE && status == PlanStatus.ACTIVE;
        LocalDate start = starts ? day : existing.startDate();
        Instant next;
        if (status != PlanStatus.ACTIVE) {
            next = null;
        } else if (starts || !zone.equals(existing.zone()) || existing.nextWeekClose() == null) {
            // Never later than a week the plan has not announced: the week-close pass works out the real one.
            next = WeekEnds.end(start, zone, 1);
        } else {
            next = existing.nextWeekClose();
        }
        return new PlanState(status, start, zone, recommendation.protocol(), recommendation.level(),
                recommendation.reportId(), recommendation.exercises(), next);
    }
}
