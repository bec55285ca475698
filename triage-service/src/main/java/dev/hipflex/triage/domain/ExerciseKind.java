package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.Catalogs.orEmpty;

import java.util.Locale;

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
     * A long hold lying flat on the back: a step has the person lie on their back, and the dose holds a position for
     * {@link #LONG_HOLD_SECONDS} seconds or more, or for minutes. The catalog has no structured position, so the
     * steps' words are read; short repetitions (the dead bug) and 5-second bridge holds are not a long hold.
     */
    LONG_HOLD_LYING_ON_BACK {
        @Override
        boolean includes(Exercise exercise) {
            boolean onTheBack = orEmpty(exercise.steps()).stream()
                    .anyMatch(step -> step.toLowerCase(Locale.ROOT).contains("lie on your back"));
            Dose dose = exercise.dose();
            return onTheBack && dose != null && (atLeast(dose.holdSeconds(), LONG_HOLD_SECONDS)
                    || dose.minutes() != null && dose.minutes().max() != null);
        }
    };

    /** Holds from half a minute count as long (general clinical guidance on lying supine in later pregnancy). */
    static final int LONG_HOLD_SECONDS = 30;

    abstract boolean includes(Exercise exercise);

    private static boolean atLeast(Range range, int seconds) {
        return range != null && range.max() != null && range.max() >= seconds;
    }
}
