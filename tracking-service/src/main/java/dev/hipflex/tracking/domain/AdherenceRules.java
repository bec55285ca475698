package dev.hipflex.tracking.domain;

/**
 * The product's adherence thresholds (PRODUCT.md "Adherence", seed 003), in one place. The schedule and the recovery
 * timeline are not here: they come from the catalog through the {@link Plan}.
 */
final class AdherenceRules {

    /** "Recent" for skipped phases and one-sided work: today and the 13 days before. */
    static final int RECENT_DAYS = 14;
    /** Fewer recent sessions than this say nothing about habits. */
    static final int RECENT_MIN_SESSIONS = 3;

    /** Consistent work: overall adherence at or above 80 %, in tenths of a percent. */
    static final int CONSISTENT_PERMILLE = 800;
    /** Seed 003: see a professional when pain persists after 4 to 6 weeks of consistent work. */
    static final int WEEKS_BEFORE_NO_IMPROVEMENT = 4;
    /** Consistency nudges start in this plan week. */
    static final int FIRST_NUDGE_WEEK = 4;
    /** Seed 003: some soreness from new exercises is normal at first, so worse pain only alerts after week 2. */
    static final int EARLY_WEEKS = 2;

    /** A pain change of at least 2 points, or of at least 30 % of the first average, is meaningful. */
    static final int MEANINGFUL_POINTS = 2;
    static final int MEANINGFUL_PERCENT = 30;

    private AdherenceRules() {
    }
}
