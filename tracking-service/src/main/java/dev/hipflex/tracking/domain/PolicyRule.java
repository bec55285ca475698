package dev.hipflex.tracking.domain;

import java.util.List;

/**
 * One rule or threshold of the {@link AdherencePolicy}, as a clinician reviews it. The version goes up whenever the
 * rule's condition, inputs or effect changes (a test holds each version to a fingerprint of those).
 */
public interface PolicyRule {

    /** Stable and unique, such as {@code TRK-ALERT-NO-IMPROVEMENT}. */
    String id();

    int version();

    /** The catalog source slug the rule rests on (a source article, or {@code general-clinical-guidance}). */
    String source();

    /** The condition in plain words, with its thresholds. */
    String description();

    /** The facts the condition reads. */
    List<String> inputs();

    /** What the rule does when its condition holds. */
    String effect();
}
