package dev.hipflex.tracking.domain;

/** How soon a person should see a professional, in triage's words (its {@code Urgency}), least urgent first. */
public enum Urgency implements Word {
    ROUTINE, WITHIN_A_WEEK, TODAY
}
