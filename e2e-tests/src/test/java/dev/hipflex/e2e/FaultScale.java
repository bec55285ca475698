package dev.hipflex.e2e;

import java.util.Locale;

/**
 * How big a fault test runs: {@code -Dhipflex.fault.scale=short} (the default, what CI runs) or {@code full}
 * (the sizes of the issue, run by {@code deploy/faults}).
 */
enum FaultScale {
    SHORT, FULL;

    static final String PROPERTY = "hipflex.fault.scale";

    static FaultScale current() {
        String value = System.getProperty(PROPERTY, "short").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "short" -> SHORT;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException(PROPERTY + " must be short or full, not '" + value + "'");
        };
    }

    <T> T pick(T shortValue, T fullValue) {
        return this == FULL ? fullValue : shortValue;
    }
}
