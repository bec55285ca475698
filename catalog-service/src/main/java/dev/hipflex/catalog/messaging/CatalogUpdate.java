package dev.hipflex.catalog.messaging;

/**
 * The payload of a {@code catalog-updates} event: which item changed, how, and the content version
 * before and after. Consumers refetch what they need over REST.
 */
public record CatalogUpdate(String kind, String slug, String action, String previousVersion, String contentVersion) {
}
