package dev.hipflex.triage.domain;

/**
 * How soon a referral should happen (PRODUCT.md part two, "Screening a clinician would do", item 2): urgent care is
 * always {@link #TODAY}; "see a professional" is {@link #WITHIN_A_WEEK} or {@link #ROUTINE}. Declared from least to
 * most urgent, so the natural order is urgency.
 */
public enum Urgency implements Word {
    ROUTINE, WITHIN_A_WEEK, TODAY;

    /** The more urgent of two, where null means no referral. */
    static Urgency max(Urgency a, Urgency b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
