package dev.hipflex.tracking.domain;

/**
 * Shares in tenths of a percent, rounded down, so that a shown figure never reaches a threshold the exact one missed.
 */
final class Percent {

    private Percent() {
    }

    /** {@code part / whole} in tenths of a percent, rounded down; {@code whole} must be positive. */
    static long permille(long part, long whole) {
        return Math.floorDiv(1000 * part, whole);
    }

    /** {@code part / whole} on 0–100 with one decimal, or {@code whenNothing} when {@code whole} is 0. */
    static double of(long part, long whole, double whenNothing) {
        return whole == 0 ? whenNothing : of(permille(part, whole));
    }

    static double of(long permille) {
        return permille / 10.0;
    }
}
