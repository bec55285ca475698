package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.Catalogs.orEmpty;

import dev.hipflex.triage.domain.CatalogSnapshot.Dose;
import dev.hipflex.triage.domain.CatalogSnapshot.Exercise;
import dev.hipflex.triage.domain.CatalogSnapshot.Range;

/**
 * Kinds of catalog exercise that decisions of the rule set leave out for some people, each recognised from the
 * catalog's own data rather than from slugs written in code, so an exercise an editor adds is covered too.
 */
enum ExerciseKind {

    /**
     * Pressing deep into the belly (the lacrosse-ball psoas release): the catalog marks exactly these as
     * contraindicated for an abdominal condition.
     */
    DEEP_ABDOMINAL_PRESSURE {
        @Override
        boolean includes(Exercise exercise) {
            return orEmpty(exercise.contraindications()).stream()
                    .anyMatch(contraindication -> "abdominal-condition".equals(contraindication.condition()));
        }
    },

    /**
     * A long hold lying flat on the back: the catalog's starting position is lying on the back, and the dose (or the
     * isometric holds) holds a position for {@link #LONG_HOLD_SECONDS} seconds or more, or for minutes. Short
     * repetitions (the dead bug) and 5-second bridge holds are not a long hold. An exercise whose position the
     * catalog does not give (an older catalog) counts as lying on the back: the careful reading.
     */
    LONG_HOLD_LYING_ON_BACK {
        @Override
        boolean includes(Exercise exercise) {
            if (exercise.startingPosition() != null && !LYING_ON_BACK.equals(exercise.startingPosition())) {
                return false;
            }
            Dose dose = exercise.dose();
            boolean longDose = dose != null && (atLeast(dose.holdSeconds(), LONG_HOLD_SECONDS)
                    || dose.minutes() != null && dose.minutes().max() != null);
            return longDose || exercise.isometricHold() != null
                    && atLeast(exercise.isometricHold().holdSeconds(), LONG_HOLD_SECONDS);
        }
    };

    /** The catalog's starting position on the back. */
    static final String LYING_ON_BACK = "lying-on-back";

    /** Holds from half a minute count as long (general clinical guidance on lying supine in later pregnancy). */
    static final int LONG_HOLD_SECONDS = 30;

    abstract boolean includes(Exercise exercise);

    private static boolean atLeast(Range range, int seconds) {
        return range != null && range.max() != null && range.max() >= seconds;
    }
}
