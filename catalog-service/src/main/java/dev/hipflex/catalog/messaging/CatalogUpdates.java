package dev.hipflex.catalog.messaging;

import java.util.Locale;

import dev.hipflex.catalog.service.ContentChange;
import dev.hipflex.common.events.CloudEvent;

/** The {@code catalog-updates} event for a change of content, keyed by slug so that one item's changes stay in order. */
public final class CatalogUpdates {

    public static final String TOPIC = "catalog-updates";
    public static final String SOURCE = "/hipflex/catalog-service";
    public static final String SCHEMA = "https://hipflex.dev/schemas/catalog-updates/v1";

    private CatalogUpdates() {
    }

    public static CloudEvent<CatalogUpdate> event(ContentChange change) {
        String action = change.action().name().toLowerCase(Locale.ROOT);
        CatalogUpdate update = new CatalogUpdate(change.kind().path(), change.slug(), action,
                change.previousVersion(), change.version());
        return CloudEvent.of(SOURCE, "dev.hipflex.catalog." + change.kind().path() + "." + action, change.slug(),
                SCHEMA, update);
    }
}
