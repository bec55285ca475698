package dev.hipflex.triage.domain;

import java.util.List;

import dev.hipflex.triage.domain.CatalogSnapshot.Schedule;
import dev.hipflex.triage.domain.Recommendation.Item;
import dev.hipflex.triage.domain.Recommendation.Note;
import dev.hipflex.triage.domain.Recommendation.Skipped;

/**
 * The session plan, built from the catalog's complete release protocol.
 *
 * @param protocol the protocol slug
 * @param gentle only acute-safe exercises (acute pain, or waiting to see a professional)
 * @param bothSides always true: do both sides even when the pain is one-sided (seed 003)
 * @param noRunningUntilSeen no running until a professional has seen the person
 * @param schedule the protocol's schedule; null when the plan holds no exercises
 * @param phases the protocol's phases with what was chosen; empty when exercises are on hold
 */
public record Plan(String protocol, Status status, boolean gentle, boolean bothSides, boolean noRunningUntilSeen,
        Schedule schedule, List<Phase> phases, List<Note> notes) {

    public enum Status implements Word {
        /** self-care: do the protocol */
        START_PROTOCOL,
        /** self-care with caution: do the adapted protocol */
        START_WITH_CARE,
        /** see a professional first; the phases hold only what is safe meanwhile */
        SEE_PROFESSIONAL_FIRST,
        /** see a professional before doing any exercise */
        ON_HOLD_UNTIL_SEEN,
        /** seek urgent care now; no exercises */
        SEEK_CARE_NOW
    }

    /**
     * One phase (or stage) of a catalog protocol, with what was prescribed and what was skipped.
     *
     * @param phase the phase slug within its protocol
     * @param category the exercise category of the phase, if it has one
     */
    public record Phase(int order, String phase, String category, Integer minutes, List<Item> items,
            List<Skipped> skipped) {
    }
}
