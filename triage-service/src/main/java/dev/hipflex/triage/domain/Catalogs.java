package dev.hipflex.triage.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.hipflex.triage.domain.CatalogSnapshot.Phase;
import dev.hipflex.triage.domain.CatalogSnapshot.Protocol;
import dev.hipflex.triage.domain.CatalogSnapshot.RedFlag;

/** Null-tolerant lookups in a catalog snapshot (optional catalog lists may arrive as null). */
final class Catalogs {

    private Catalogs() {
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** A protocol the engine is built around; its absence is a catalog error, not something to paper over. */
    static Protocol protocol(CatalogSnapshot catalog, String slug) {
        return catalog.protocol(slug).orElseThrow(() -> new IllegalStateException("the catalog has no protocol " + slug));
    }

    static List<Phase> phasesInOrder(Protocol protocol) {
        return orEmpty(protocol.phases()).stream()
                .sorted(Comparator.comparing(Phase::order, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    static Optional<RedFlag> redFlag(CatalogSnapshot catalog, String slug) {
        return orEmpty(catalog.redFlags()).stream().filter(flag -> flag.slug().equals(slug)).findFirst();
    }
}
