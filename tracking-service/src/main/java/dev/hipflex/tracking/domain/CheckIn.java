package dev.hipflex.tracking.domain;

import java.time.LocalDate;

/** A pain check-in (0–10) on a local calendar day. */
public record CheckIn(LocalDate day, int pain) {
}
