package dev.hipflex.catalog.service;

import java.time.OffsetDateTime;

import dev.hipflex.catalog.domain.CatalogContent;
import dev.hipflex.catalog.domain.ContentKind;

/** A committed change of content: what changed, and the content and version it produced. */
public record ContentChange(ContentKind kind, String slug, Action action, CatalogContent content,
        String previousVersion, String version, OffsetDateTime at) {

    public enum Action {
        CREATED, UPDATED, DELETED, BUNDLE_LOADED, UNCHANGED
    }
}
