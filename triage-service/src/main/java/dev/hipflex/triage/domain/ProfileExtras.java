package dev.hipflex.triage.domain;

import java.util.List;

import dev.hipflex.triage.domain.Recommendation.Item;
import dev.hipflex.triage.domain.Recommendation.Note;
import dev.hipflex.triage.domain.Recommendation.Skipped;

/**
 * Extras for who the person is. A section is null when it does not apply; all are null while exercises are on hold.
 *
 * @param runner for runners, unless they should not run until seen
 * @param movementBreaks for desk workers and anyone sitting for long days
 * @param coreAndGlute for low back or knee pain
 */
public record ProfileExtras(Runner runner, MovementBreaks movementBreaks, CatalogPick coreAndGlute) {

    static final ProfileExtras NONE = new ProfileExtras(null, null, null);

    /**
     * @param warmUp the warm-up protocol slug
     * @param warmUpStages its stages before the run
     * @param postRunStretch its stretch after the run
     * @param afterPainfulRun ice and rest advice (seed 001)
     */
    public record Runner(String warmUp, List<Plan.Phase> warmUpStages, Plan.Phase postRunStretch,
            Note afterPainfulRun, CatalogPick mobilityDrills, ShoeCheck shoeCheck, Note gaitAnalysis) {
    }

    /** @param replace true when the shoes are old enough for their support to be wearing out */
    public record ShoeCheck(Integer ageMonths, boolean replace, Note advice) {
    }

    /** @param protocol the movement-breaks protocol slug */
    public record MovementBreaks(String protocol, List<Plan.Phase> phases) {
    }

    /** Catalog exercises picked by category, minus what does not fit. */
    public record CatalogPick(String category, List<Item> items, List<Skipped> skipped) {
    }
}
