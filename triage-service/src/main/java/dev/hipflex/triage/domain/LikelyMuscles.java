package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.Catalogs.orEmpty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.hipflex.triage.domain.CatalogSnapshot.Muscle;
import dev.hipflex.triage.domain.Recommendation.Evidence;
import dev.hipflex.triage.domain.Recommendation.LikelyMuscle;
import dev.hipflex.triage.domain.SymptomReport.Activity;
import dev.hipflex.triage.domain.SymptomReport.PainQuality;

/**
 * Ranks the catalog muscles the report points to. Pain locations are matched against each muscle's catalog
 * {@code painReferral.areas} (the same words); a few symptoms the catalog does not structure add hints (seed 003:
 * snapping points to the TFL; lifting the knee, stairs, sitting and deep squats load the iliopsoas).
 */
final class LikelyMuscles {

    private static final Map<PainQuality, Set<String>> QUALITY_HINTS = Map.of(
            PainQuality.SNAPPING, Set.of("tensor-fasciae-latae"));
    private static final Set<String> ILIOPSOAS = Set.of("psoas-major", "iliacus");
    private static final Map<Activity, Set<String>> ACTIVITY_HINTS = Map.of(
            Activity.LIFTING_THE_KNEE, ILIOPSOAS, Activity.STAIRS, ILIOPSOAS,
            Activity.SITTING, ILIOPSOAS, Activity.DEEP_SQUAT, ILIOPSOAS);

    private LikelyMuscles() {
    }

    /** Most evidence first, ties by slug; muscles nothing points to are left out. */
    static List<LikelyMuscle> rank(SymptomReport report, CatalogSnapshot catalog) {
        return orEmpty(catalog.muscles()).stream()
                .map(muscle -> likely(muscle, evidence(report, muscle)))
                .filter(likely -> likely.score() > 0)
                .sorted(Comparator.comparingInt(LikelyMuscle::score).reversed().thenComparing(LikelyMuscle::muscle))
                .toList();
    }

    private static LikelyMuscle likely(Muscle muscle, List<Evidence> evidence) {
        return new LikelyMuscle(muscle.slug(), evidence.size(), evidence);
    }

    private static List<Evidence> evidence(SymptomReport report, Muscle muscle) {
        List<String> areas = muscle.painReferral() == null ? List.of() : orEmpty(muscle.painReferral().areas());
        List<Evidence> evidence = new ArrayList<>();
        sorted(report.painLocations()).filter(location -> areas.contains(location.word()))
                .forEach(location -> evidence.add(new Evidence("painLocations", location.word())));
        sorted(report.qualities()).filter(quality -> QUALITY_HINTS.getOrDefault(quality, Set.of()).contains(muscle.slug()))
                .forEach(quality -> evidence.add(new Evidence("qualities", quality.word())));
        sorted(report.aggravatingActivities())
                .filter(activity -> ACTIVITY_HINTS.getOrDefault(activity, Set.of()).contains(muscle.slug()))
                .forEach(activity -> evidence.add(new Evidence("aggravatingActivities", activity.word())));
        return List.copyOf(evidence);
    }

    /** Report sets may be hash sets; declaration order keeps the output stable. */
    private static <E extends Enum<E>> Stream<E> sorted(Set<E> values) {
        return values.stream().sorted();
    }
}
