package dev.hipflex.tracking.domain;

/** The three phases of the release protocol a session can include. */
public enum Phase implements Word {
    RELEASE, STRETCH, STRENGTHEN
}
