package dev.hipflex.tracking.domain;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/** A completed session as a test speaks of it: by default the whole protocol, both sides, no pain score. */
record Session(LocalDate day, Set<Phase> phases, Side side, Integer painBefore) {

    static Session on(LocalDate day) {
        return new Session(day, EnumSet.allOf(Phase.class), Side.BOTH, null);
    }

    Session without(Phase phase) {
        Set<Phase> left = EnumSet.allOf(Phase.class);
        left.retainAll(phases);
        left.remove(phase);
        return new Session(day, left, side, painBefore);
    }

    Session side(Side worked) {
        return new Session(day, phases, worked, painBefore);
    }

    Session pain(int before) {
        return new Session(day, phases, side, before);
    }
}
