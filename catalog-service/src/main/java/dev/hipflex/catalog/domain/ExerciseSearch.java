package dev.hipflex.catalog.domain;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import dev.hipflex.catalog.domain.Content.Exercise;
import dev.hipflex.catalog.domain.Vocabularies.ContraindicationCondition;
import dev.hipflex.catalog.domain.Vocabularies.Equipment;
import dev.hipflex.catalog.domain.Vocabularies.ExerciseCategory;

/** Filters, searches, sorts and pages exercises. Plain Java over the catalog snapshot. */
public final class ExerciseSearch {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public enum Sort {
        TITLE("title"), TITLE_DESC("-title"), CATEGORY("category"), SLUG("slug"), RELEVANCE("relevance");

        private final String word;

        Sort(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public static Sort parse(String word) {
            return Arrays.stream(values()).filter(s -> s.word.equals(word)).findFirst().orElse(null);
        }
    }

    /** What a client asked for; null means "any". */
    public record Criteria(ExerciseCategory category, String targetMuscle, Equipment equipment, Boolean acuteSafe,
            Set<ContraindicationCondition> excludeContraindications, String text, Sort sort, int limit, int offset) {
    }

    public record Page<T>(List<T> items, int total, int limit, int offset, Integer nextOffset) {
    }

    private ExerciseSearch() {
    }

    public static Page<Exercise> search(List<Exercise> exercises, Criteria c) {
        List<String> words = words(c.text());
        Sort sort = c.sort() != null ? c.sort() : words.isEmpty() ? Sort.TITLE : Sort.RELEVANCE;
        List<Exercise> matching = exercises.stream()
                .filter(e -> c.category() == null || e.category() == c.category())
                .filter(e -> c.targetMuscle() == null || works(e, c.targetMuscle()))
                .filter(e -> c.equipment() == null || e.equipment().contains(c.equipment()))
                .filter(e -> c.acuteSafe() == null || c.acuteSafe().equals(e.acuteSafe()))
                .filter(e -> c.excludeContraindications().isEmpty() || e.contraindications().stream()
                        .noneMatch(ci -> c.excludeContraindications().contains(ci.condition())))
                .filter(e -> words.stream().allMatch(w -> haystack(e).contains(w)))
                .sorted(order(sort, words))
                .toList();
        int from = Math.min(c.offset(), matching.size());
        int to = Math.min(from + c.limit(), matching.size());
        Integer next = to < matching.size() ? to : null;
        return new Page<>(matching.subList(from, to), matching.size(), c.limit(), c.offset(), next);
    }

    private static boolean works(Exercise e, String muscle) {
        return e.targetMuscles().contains(muscle)
                || e.supportingMuscles().stream().anyMatch(m -> m.slug().equals(muscle));
    }

    /** Every order ends with the slug, so that pages are stable from one request to the next. */
    private static Comparator<Exercise> order(Sort sort, List<String> words) {
        Comparator<Exercise> bySlug = Comparator.comparing(Exercise::slug);
        Comparator<Exercise> byTitle = Comparator.comparing((Exercise e) -> e.title().toLowerCase(Locale.ROOT));
        return switch (sort) {
            case TITLE -> byTitle.thenComparing(bySlug);
            case TITLE_DESC -> byTitle.reversed().thenComparing(bySlug);
            case CATEGORY -> Comparator.comparing((Exercise e) -> e.category().ordinal()).thenComparing(byTitle)
                    .thenComparing(bySlug);
            case SLUG -> bySlug;
            case RELEVANCE -> Comparator.comparing((Exercise e) -> -score(e, words)).thenComparing(byTitle)
                    .thenComparing(bySlug);
        };
    }

    /** A word in the title counts most, then in the summary, then anywhere else. */
    private static int score(Exercise e, List<String> words) {
        String title = e.title().toLowerCase(Locale.ROOT);
        String summary = e.summary().toLowerCase(Locale.ROOT);
        return words.stream().mapToInt(w -> title.contains(w) ? 3 : summary.contains(w) ? 2 : 1).sum();
    }

    private static String haystack(Exercise e) {
        return Stream.of(Stream.of(e.slug(), e.title(), e.summary(), e.whyItWorks(), e.category().slug()),
                e.steps().stream(), e.targetMuscles().stream(),
                e.supportingMuscles().stream().map(Vocabulary::slug),
                e.equipment().stream().map(Vocabulary::slug))
                .flatMap(s -> s)
                .map(s -> s.toLowerCase(Locale.ROOT))
                .reduce("", (a, b) -> a + " " + b);
    }

    private static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isBlank()).toList();
    }
}
