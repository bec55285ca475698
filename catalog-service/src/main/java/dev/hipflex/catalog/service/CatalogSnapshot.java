package dev.hipflex.catalog.service;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.catalog.domain.CatalogContent;
import dev.hipflex.catalog.domain.CatalogContent.Entry;
import dev.hipflex.catalog.domain.Content;
import dev.hipflex.catalog.domain.ContentKind;
import dev.hipflex.catalog.domain.Views;

/**
 * An immutable view of one content version with every fixed response rendered to bytes once, so that
 * reads cost a map lookup. A new snapshot replaces the old one whenever the content changes.
 */
public final class CatalogSnapshot {

    /** A list response: the items and how many there are. */
    public record Listing<T>(List<T> items, int total) {
        public static <T> Listing<T> of(List<T> items) {
            return new Listing<>(items, items.size());
        }
    }

    /** What {@code GET /api/v1/catalog/version} answers. */
    public record VersionInfo(String version, OffsetDateTime updatedAt, Map<String, Integer> counts) {
    }

    private final CatalogContent content;
    private final String version;
    private final String etag;
    private final Map<String, byte[]> rendered = new HashMap<>();
    /** Rendered answers to queries (exercise searches), kept while this version lasts; bounded, since clients choose the keys. */
    private final Map<Object, byte[]> queries = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_QUERIES = 4096;

    CatalogSnapshot(CatalogContent content, String version, OffsetDateTime updatedAt, ObjectMapper json) {
        this.content = content;
        this.version = version;
        this.etag = '"' + version + '"';
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<ContentKind, List<Object>> byKind = new LinkedHashMap<>();
        for (Entry entry : content.entries()) {
            Object view = view(entry);
            byKind.computeIfAbsent(entry.kind(), k -> new java.util.ArrayList<>()).add(view);
            if (entry.kind().layout() == ContentKind.Layout.DOCUMENT) {
                rendered.put(entry.kind().path(), write(json, view));
            } else {
                rendered.put(entry.kind().path() + "/" + entry.slug(), write(json, view));
            }
        }
        byKind.forEach((kind, views) -> {
            counts.put(kind.path(), views.size());
            if (kind.layout() != ContentKind.Layout.DOCUMENT) {
                rendered.put(kind.path(), write(json, Listing.of(views)));
            }
        });
        rendered.put("catalog/version", write(json, new VersionInfo(version, updatedAt, counts)));
    }

    private Object view(Entry entry) {
        return switch (entry.kind()) {
            case PROTOCOL -> Views.protocol((Content.Protocol) entry.value(), content.exercises());
            case RED_FLAG -> Views.redFlag((Content.RedFlag) entry.value(), content.conditions());
            default -> entry.value();
        };
    }

    public static byte[] write(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public CatalogContent content() {
        return content;
    }

    public String version() {
        return version;
    }

    /** The entity tag of every response rendered from this snapshot. */
    public String etag() {
        return etag;
    }

    /** The rendered answer to {@code query}, rendered by {@code render} the first time it is asked. */
    public byte[] query(Object query, Supplier<byte[]> render) {
        byte[] hit = queries.get(query);
        if (hit != null) {
            return hit;
        }
        byte[] body = render.get();
        if (queries.size() < MAX_CACHED_QUERIES) {
            queries.putIfAbsent(query, body);
        }
        return body;
    }

    /** The rendered response for a path such as "muscles" or "exercises/couch-stretch", or null. */
    public byte[] rendered(String path) {
        return rendered.get(path);
    }
}
