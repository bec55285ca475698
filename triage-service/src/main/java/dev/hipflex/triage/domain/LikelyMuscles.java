package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.Catalogs.orEmpty;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import dev.hipflex.triage.domain.CatalogSnapshot.Muscle;
import dev.hipflex.triage.domain.ProfileRules.MuscleHint;
import dev.hipflex.triage.domain.Recommendation.Evidence;
import dev.hipflex.triage.domain.Recommendation.LikelyMuscle;

/**
 * Ranks the catalog muscles the report points to, applying the rule set's muscle decisions: pain locations matched
 * against each muscle's catalog {@code painReferral.areas} ({@link ProfileRules#REFERRED_PAIN}), then the hints for
 * symptoms the catalog does not structure ({@link ProfileRules#MUSCLE_HINTS}).
 */
final class LikelyMuscles {

    private static final List<String> MOST_COMMON = ProfileRules.MOST_COMMON_FIRST.outcome();

    private static final Comparator<LikelyMuscle> MOST_LIKELY_FIRST =
            Comparator.comparingInt(LikelyMuscle::score).reversed()
                    .thenComparingInt(likely -> commonness(likely.muscle()))
                    .thenComparing(LikelyMuscle::muscle);

    private LikelyMuscles() {
    }

    /**
     * Most points first, ties by how common the muscle is as the source ({@link ProfileRules#MOST_COMMON_FIRST}), then
     * by slug; muscles nothing points to are left out.
     */
    static List<LikelyMuscle> rank(Case reading, List<Muscle> muscles) {
        List<LikelyMuscle> likely = new ArrayList<>();
        for (Muscle muscle : muscles) {
            List<Evidence> evidence = new ArrayList<>();
            int score = referredPain(reading, muscle, evidence);
            for (Decision<MuscleHint> hint : ProfileRules.MUSCLE_HINTS) {
                if (hint.outcome().muscles().contains(muscle.slug())) {
                    score += pointing(reading, hint, hint.outcome().values(), evidence);
                }
            }
            if (!evidence.isEmpty()) {
                likely.add(new LikelyMuscle(muscle.slug(), score, List.copyOf(evidence)));
            }
        }
        likely.sort(MOST_LIKELY_FIRST);
        return List.copyOf(likely);
    }

    private static int referredPain(Case reading, Muscle muscle, List<Evidence> evidence) {
        List<String> areas = muscle.painReferral() == null ? List.of() : orEmpty(muscle.painReferral().areas());
        List<Word> named = new ArrayList<>();
        for (Word location : ProfileRules.REFERRED_PAIN.outcome().values()) {
            if (areas.contains(location.word())) {
                named.add(location);
            }
        }
        return pointing(reading, ProfileRules.REFERRED_PAIN, named, evidence);
    }

    /**
     * Adds the values the report holds among those pointing to the muscle, in the order given (declaration order),
     * and returns their points.
     */
    private static int pointing(Case reading, Decision<MuscleHint> hint, Collection<? extends Word> values,
            List<Evidence> evidence) {
        if (!hint.holdsFor(reading)) {
            return 0;
        }
        Decision.Fact input = hint.inputs().get(0);
        Collection<?> reported = (Collection<?>) input.reader().apply(reading);
        int points = 0;
        for (Word value : values) {
            if (reported.contains(value)) {
                evidence.add(new Evidence(input.name(), value.word()));
                points += hint.outcome().points();
            }
        }
        return points;
    }

    /** The muscle's place among the most common sources; muscles not listed come after all of them. */
    private static int commonness(String muscle) {
        int place = MOST_COMMON.indexOf(muscle);
        return place < 0 ? MOST_COMMON.size() : place;
    }
}
