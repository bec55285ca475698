package dev.hipflex.catalog.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.hipflex.catalog.domain.Content.Cause;
import dev.hipflex.catalog.domain.Content.CommonMistake;
import dev.hipflex.catalog.domain.Content.Condition;
import dev.hipflex.catalog.domain.Content.Exercise;
import dev.hipflex.catalog.domain.Content.Guidance;
import dev.hipflex.catalog.domain.Content.Muscle;
import dev.hipflex.catalog.domain.Content.Protocol;
import dev.hipflex.catalog.domain.Content.RecoveryTimeline;
import dev.hipflex.catalog.domain.Content.RedFlag;
import dev.hipflex.catalog.domain.Content.Reference;
import dev.hipflex.catalog.domain.Content.RootCauseChecklist;
import dev.hipflex.catalog.domain.Content.Source;
import dev.hipflex.catalog.domain.Content.Symptom;
import dev.hipflex.catalog.domain.Content.SymptomCheck;

/** All catalog content at one moment: what the files hold, what the database holds, what the API serves. */
public record CatalogContent(List<Source> sources, List<Muscle> muscles, List<Cause> causes, List<Symptom> symptoms,
        List<Exercise> exercises, List<Protocol> protocols, RecoveryTimeline recoveryTimeline,
        List<CommonMistake> commonMistakes, List<Condition> conditions, List<RedFlag> redFlags,
        RootCauseChecklist rootCauseChecklist, List<Guidance> guidance, List<Reference> references,
        SymptomCheck symptomCheck) {

    /** One stored unit of content: an item of a kind, or a kind's single document. */
    public record Entry(ContentKind kind, String slug, Object value) {
    }

    public Optional<Exercise> exercise(String slug) {
        return exercises.stream().filter(e -> e.slug().equals(slug)).findFirst();
    }

    /** The item of {@code kind} with {@code slug}, if there is one. */
    public Optional<Object> find(ContentKind kind, String slug) {
        return entries().stream().filter(e -> e.kind() == kind && e.slug().equals(slug)).map(Entry::value).findFirst();
    }

    /** This content with {@code value} stored under {@code kind/slug}, added or replacing what was there. */
    public CatalogContent with(ContentKind kind, String slug, Object value) {
        List<Entry> changed = new ArrayList<>(without(kind, slug).entries());
        changed.add(new Entry(kind, slug, value));
        return fromEntries(changed);
    }

    public CatalogContent without(ContentKind kind, String slug) {
        return fromEntries(entries().stream().filter(e -> !(e.kind() == kind && e.slug().equals(slug))).toList());
    }

    /** Every stored unit, in a fixed order (kind, then slug), so that hashing them is repeatable. */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        sources.forEach(i -> entries.add(new Entry(ContentKind.SOURCE, i.slug(), i)));
        muscles.forEach(i -> entries.add(new Entry(ContentKind.MUSCLE, i.slug(), i)));
        causes.forEach(i -> entries.add(new Entry(ContentKind.CAUSE, i.slug(), i)));
        symptoms.forEach(i -> entries.add(new Entry(ContentKind.SYMPTOM, i.slug(), i)));
        exercises.forEach(i -> entries.add(new Entry(ContentKind.EXERCISE, i.slug(), i)));
        protocols.forEach(i -> entries.add(new Entry(ContentKind.PROTOCOL, i.slug(), i)));
        document(entries, ContentKind.RECOVERY_TIMELINE, recoveryTimeline);
        commonMistakes.forEach(i -> entries.add(new Entry(ContentKind.COMMON_MISTAKE, i.slug(), i)));
        conditions.forEach(i -> entries.add(new Entry(ContentKind.CONDITION, i.slug(), i)));
        redFlags.forEach(i -> entries.add(new Entry(ContentKind.RED_FLAG, i.slug(), i)));
        document(entries, ContentKind.ROOT_CAUSE_CHECKLIST, rootCauseChecklist);
        guidance.forEach(i -> entries.add(new Entry(ContentKind.GUIDANCE, i.slug(), i)));
        references.forEach(i -> entries.add(new Entry(ContentKind.REFERENCE, i.slug(), i)));
        document(entries, ContentKind.SYMPTOM_CHECK, symptomCheck);
        entries.sort(Comparator.comparing((Entry e) -> e.kind().ordinal()).thenComparing(Entry::slug));
        return entries;
    }

    /** A single document is stored under its kind's path; one that is missing is no unit at all (so {@link #with} replaces it). */
    private static void document(List<Entry> entries, ContentKind kind, Object value) {
        if (value != null) {
            entries.add(new Entry(kind, kind.path(), value));
        }
    }

    /** Rebuilds content from stored units (the inverse of {@link #entries()}). */
    @SuppressWarnings("unchecked")
    public static CatalogContent fromEntries(List<Entry> entries) {
        List<Object>[] byKind = new List[ContentKind.values().length];
        for (int i = 0; i < byKind.length; i++) {
            byKind[i] = new ArrayList<>();
        }
        entries.stream().sorted(Comparator.comparing(Entry::slug)).forEach(e -> byKind[e.kind().ordinal()].add(e.value()));
        return new CatalogContent(
                (List<Source>) (List<?>) byKind[ContentKind.SOURCE.ordinal()],
                (List<Muscle>) (List<?>) byKind[ContentKind.MUSCLE.ordinal()],
                (List<Cause>) (List<?>) byKind[ContentKind.CAUSE.ordinal()],
                (List<Symptom>) (List<?>) byKind[ContentKind.SYMPTOM.ordinal()],
                (List<Exercise>) (List<?>) byKind[ContentKind.EXERCISE.ordinal()],
                (List<Protocol>) (List<?>) byKind[ContentKind.PROTOCOL.ordinal()],
                (RecoveryTimeline) single(byKind[ContentKind.RECOVERY_TIMELINE.ordinal()]),
                (List<CommonMistake>) (List<?>) byKind[ContentKind.COMMON_MISTAKE.ordinal()],
                (List<Condition>) (List<?>) byKind[ContentKind.CONDITION.ordinal()],
                (List<RedFlag>) (List<?>) byKind[ContentKind.RED_FLAG.ordinal()],
                (RootCauseChecklist) single(byKind[ContentKind.ROOT_CAUSE_CHECKLIST.ordinal()]),
                (List<Guidance>) (List<?>) byKind[ContentKind.GUIDANCE.ordinal()],
                (List<Reference>) (List<?>) byKind[ContentKind.REFERENCE.ordinal()],
                (SymptomCheck) single(byKind[ContentKind.SYMPTOM_CHECK.ordinal()]));
    }

    private static Object single(List<Object> values) {
        return values.isEmpty() ? null : values.get(0);
    }
}
