package dev.hipflex.tracking.domain;

/** Which side a session worked. */
public enum Side implements Word {
    LEFT, RIGHT, BOTH
}
