package dev.hipflex.triage.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.hipflex.triage.domain.CatalogSnapshot.Exercise;
import dev.hipflex.triage.domain.CatalogSnapshot.Muscle;
import dev.hipflex.triage.domain.CatalogSnapshot.Protocol;
import dev.hipflex.triage.domain.CatalogSnapshot.RedFlag;
import dev.hipflex.triage.domain.CatalogSnapshot.RootCauseChecklist;

/**
 * The catalog as the engine sees it, read from the JSON fixtures in {@code catalog-fixture/} (catalog-service's REST
 * answers: lists as {@code {"items": [...]}}, the checklist as one document, the version from catalog-version.json).
 */
final class CatalogFixture {

    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .registerModule(new JavaTimeModule());

    /** The catalog's source slugs (catalog-service sources.yaml); the snapshot itself does not list them. */
    static final Set<String> SOURCES = Set.of("release-tight-hips-guide", "runners-chronic-hip-flexor-pain",
            "runners-hip-mobility", "mfactor-root-cause", "general-clinical-guidance");

    private static final CatalogSnapshot CATALOG = load();

    private CatalogFixture() {
    }

    static CatalogSnapshot catalog() {
        return CATALOG;
    }

    private static CatalogSnapshot load() {
        return new CatalogSnapshot(read("catalog-version.json").get("version").asText(),
                items("exercises.json", new TypeReference<List<Exercise>>() { }),
                items("protocols.json", new TypeReference<List<Protocol>>() { }),
                items("red-flags.json", new TypeReference<List<RedFlag>>() { }),
                JSON.convertValue(read("root-cause-checklist.json"), RootCauseChecklist.class),
                items("muscles.json", new TypeReference<List<Muscle>>() { }));
    }

    private static <T> List<T> items(String file, TypeReference<List<T>> type) {
        return JSON.convertValue(read(file).get("items"), type);
    }

    private static JsonNode read(String file) {
        try (InputStream in = CatalogFixture.class.getResourceAsStream("/catalog-fixture/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + file);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
