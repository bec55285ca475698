package dev.hipflex.tracking.domain;

/**
 * What the worst feeling during a session was, as the person tells it when asked: pain, or a strong stretch feeling
 * (which a stretch is meant to give and which does not call for a professional).
 */
public enum PainKind implements Word {
    PAIN, STRONG_STRETCH
}
