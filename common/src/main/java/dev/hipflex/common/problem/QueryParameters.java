package dev.hipflex.common.problem;

import java.util.List;

/** Reads query parameters as strings, so that a bad value is named in a 400 instead of becoming a 404. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** The whole number in {@code value}, {@code fallback} when absent; adds an error naming {@code field} when out of range. */
    public static int number(String field, String value, int fallback, int min, int max, List<Problem.FieldError> errors) {
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        errors.add(new Problem.FieldError(field, "must be a whole number from " + min + " to " + max));
        return fallback;
    }
}
