package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.Catalogs.orEmpty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.hipflex.triage.domain.CatalogSnapshot.Muscle;
import dev.hipflex.triage.domain.Recommendation.Evidence;
import dev.hipflex.triage.domain.Recommendation.LikelyMuscle;
import dev.hipflex.triage.domain.SymptomReport.Activity;
import dev.hipflex.triage.domain.SymptomReport.PainLocation;
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

    private static final Comparator<LikelyMuscle> MOST_LIKELY_FIRST =
            Comparator.comparingInt(LikelyMuscle::score).reversed().thenComparing(LikelyMuscle::muscle);

    /**
     * What points to one catalog muscle, worked out once per catalog (see {@link CatalogIndex}). The sets iterate
     * in declaration order, which keeps the evidence in a stable order whatever sets the report holds.
     */
    record Pointers(String muscle, Set<PainLocation> locations, Set<PainQuality> qualities, Set<Activity> activities) {
    }

    private LikelyMuscles() {
    }

    static List<Pointers> pointers(List<Muscle> muscles) {
        List<Pointers> pointers = new ArrayList<>();
        for (Muscle muscle : muscles) {
            List<String> areas = muscle.painReferral() == null ? List.of() : orEmpty(muscle.painReferral().areas());
            Set<PainLocation> locations = EnumSet.noneOf(PainLocation.class);
            for (PainLocation location : PainLocation.values()) {
                if (areas.contains(location.word())) {
                    locations.add(location);
                }
            }
            Set<PainQuality> qualities = EnumSet.noneOf(PainQuality.class);
            for (PainQuality quality : PainQuality.values()) {
                if (QUALITY_HINTS.getOrDefault(quality, Set.of()).contains(muscle.slug())) {
                    qualities.add(quality);
                }
            }
            Set<Activity> activities = EnumSet.noneOf(Activity.class);
            for (Activity activity : Activity.values()) {
                if (ACTIVITY_HINTS.getOrDefault(activity, Set.of()).contains(muscle.slug())) {
                    activities.add(activity);
                }
            }
            pointers.add(new Pointers(muscle.slug(), locations, qualities, activities));
        }
        return List.copyOf(pointers);
    }

    /** Most evidence first, ties by slug; muscles nothing points to are left out. */
    static List<LikelyMuscle> rank(SymptomReport report, List<Pointers> muscles) {
        List<LikelyMuscle> likely = new ArrayList<>();
        for (Pointers muscle : muscles) {
            List<Evidence> evidence = evidence(report, muscle);
            if (!evidence.isEmpty()) {
                likely.add(new LikelyMuscle(muscle.muscle(), evidence.size(), evidence));
            }
        }
        likely.sort(MOST_LIKELY_FIRST);
        return List.copyOf(likely);
    }

    private static List<Evidence> evidence(SymptomReport report, Pointers muscle) {
        List<Evidence> evidence = new ArrayList<>(4);
        pointing(report.painLocations(), muscle.locations(), "painLocations", evidence);
        pointing(report.qualities(), muscle.qualities(), "qualities", evidence);
        pointing(report.aggravatingActivities(), muscle.activities(), "aggravatingActivities", evidence);
        return evidence.isEmpty() ? List.of() : List.copyOf(evidence);
    }

    /** Adds what the report says that points to the muscle, in declaration order. */
    private static <E extends Enum<E> & Word> void pointing(Set<E> reported, Set<E> pointers, String input,
            List<Evidence> evidence) {
        for (E value : pointers) {
            if (reported.contains(value)) {
                evidence.add(new Evidence(input, value.word()));
            }
        }
    }
}
