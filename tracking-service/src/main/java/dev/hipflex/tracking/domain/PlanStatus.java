package dev.hipflex.tracking.domain;

/** Where a plan stands: running, waiting for a professional's advice, or paused by the person. */
public enum PlanStatus implements Word {
    ACTIVE, SEE_PROFESSIONAL_FIRST, PAUSED;

    public static PlanStatus of(String word) {
        for (PlanStatus status : values()) {
            if (status.word().equals(word)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown plan status: " + word);
    }
}
