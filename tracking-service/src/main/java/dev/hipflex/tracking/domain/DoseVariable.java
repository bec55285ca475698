package dev.hipflex.tracking.domain;

import java.util.Arrays;

/**
 * The dose variables an adapting plan may step (the catalog's {@code doseSteps[].variable}), and how a sentence for the
 * person says a change of each. The catalog names the variables but has no words for them; these are the only ones.
 */
public enum DoseVariable {

    SETS("sets", "sets", ""),
    REPS("reps", "repetitions", ""),
    HOLD_SECONDS("holdSeconds", "hold", " seconds"),
    MINUTES("minutes", "time", " minutes");

    private final String variable;
    private final String spoken;
    private final String unit;

    DoseVariable(String variable, String spoken, String unit) {
        this.variable = variable;
        this.spoken = spoken;
        this.unit = unit;
    }

    /** The catalog's name of the variable. */
    public String variable() {
        return variable;
    }

    /** "hold from 60 to 75 seconds"; a variable the catalog adds before tracking knows it is said as the catalog names it. */
    public static String change(String variable, int from, int to) {
        return Arrays.stream(values()).filter(v -> v.variable.equals(variable)).findFirst()
                .map(v -> v.spoken + " from " + from + " to " + to + v.unit)
                .orElse(variable + " from " + from + " to " + to);
    }
}
