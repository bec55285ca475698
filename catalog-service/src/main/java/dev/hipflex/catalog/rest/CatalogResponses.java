package dev.hipflex.catalog.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.hipflex.catalog.service.CatalogService;
import dev.hipflex.catalog.service.CatalogSnapshot;
import dev.hipflex.common.problem.ProblemException;

/**
 * Builds catalog read responses with validators. Every response of one content version has that
 * version as its entity tag, so a client that sends it back in {@code If-None-Match} gets a 304
 * until the content changes.
 */
@ApplicationScoped
public class CatalogResponses {

    private static final CacheControl CACHE = cacheControl();

    private final CatalogService catalog;

    public CatalogResponses(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** The pre-rendered response at {@code path}, or 404 naming the {@code what} and {@code slug}. */
    public Response rendered(String path, String ifNoneMatch, String what, String slug) {
        CatalogSnapshot snapshot = catalog.snapshot();
        if (notModified(snapshot, ifNoneMatch)) {
            return notModified(snapshot);
        }
        byte[] body = snapshot.rendered(path);
        if (body == null) {
            throw ProblemException.notFound(what, slug);
        }
        return ok(snapshot, body);
    }

    /** A response computed from the snapshot (a filtered list, say), with the same validators. */
    public Response computed(CatalogSnapshot snapshot, String ifNoneMatch, Object body) {
        if (notModified(snapshot, ifNoneMatch)) {
            return notModified(snapshot);
        }
        return ok(snapshot, body);
    }

    public static boolean notModified(CatalogSnapshot snapshot, String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.trim();
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals("*") || candidate.equals(snapshot.etag())) {
                return true;
            }
        }
        return false;
    }

    private static Response notModified(CatalogSnapshot snapshot) {
        return Response.notModified(etag(snapshot)).cacheControl(CACHE).build();
    }

    private static Response ok(CatalogSnapshot snapshot, Object body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).tag(etag(snapshot)).cacheControl(CACHE).build();
    }

    private static EntityTag etag(CatalogSnapshot snapshot) {
        return new EntityTag(snapshot.version());
    }

    private static CacheControl cacheControl() {
        // Content changes rarely; clients may reuse a response for a minute, then revalidate cheaply with the ETag.
        CacheControl cache = new CacheControl();
        cache.setMaxAge(60);
        cache.setPrivate(false);
        cache.setNoTransform(false);
        cache.getCacheExtension().put("must-revalidate", null);
        return cache;
    }
}
