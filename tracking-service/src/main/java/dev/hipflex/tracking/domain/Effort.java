package dev.hipflex.tracking.domain;

/** How hard a session felt to the person, as they report it after the session. */
public enum Effort implements Word {
    TOO_EASY, ABOUT_RIGHT, TOO_HARD
}
