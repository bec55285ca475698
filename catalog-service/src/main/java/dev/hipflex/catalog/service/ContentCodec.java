package dev.hipflex.catalog.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.hipflex.catalog.domain.CatalogContent;
import dev.hipflex.catalog.domain.CatalogContent.Entry;
import dev.hipflex.catalog.domain.ContentKind;
import dev.hipflex.catalog.repository.CatalogItemEntity;

/**
 * The stored form of content: one canonical JSON document per item, and the content version as a
 * hash over all of them. Its own mapper, so that the version does not move with API settings.
 */
public final class ContentCodec {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ContentCodec() {
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Content cannot be written as JSON", e);
        }
    }

    public static CatalogContent fromRows(List<CatalogItemEntity> rows) {
        return CatalogContent.fromEntries(rows.stream().map(ContentCodec::entry).toList());
    }

    private static Entry entry(CatalogItemEntity row) {
        ContentKind kind = ContentKind.valueOf(row.kind);
        try {
            return new Entry(kind, row.slug, JSON.readValue(row.body, kind.type()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored " + row.kind + " '" + row.slug + "' cannot be read", e);
        }
    }

    /** The content version: the first 16 hex digits of a SHA-256 over every item, in a fixed order. */
    public static String version(CatalogContent content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Entry entry : content.entries()) {
                digest.update((entry.kind().name() + '\n' + entry.slug() + '\n' + toJson(entry.value()) + '\n')
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
