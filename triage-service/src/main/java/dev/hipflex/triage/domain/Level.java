package dev.hipflex.triage.domain;

/**
 * How soon, and by whom, the person should be seen. Declared from least to most severe, so the natural order
 * ({@link #compareTo}) is severity.
 */
public enum Level implements Word {
    SELF_CARE, SELF_CARE_WITH_CAUTION, SEE_PROFESSIONAL, URGENT_CARE;

    public boolean isAtLeast(Level other) {
        return compareTo(other) >= 0;
    }

    public Level max(Level other) {
        return isAtLeast(other) ? this : other;
    }
}
