package dev.hipflex.triage.domain;

import java.util.List;

/** Null tolerance for catalog snapshots (optional catalog lists may arrive as null); lookups are in {@link CatalogIndex}. */
final class Catalogs {

    private Catalogs() {
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
