package dev.hipflex.catalog.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
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

    /** Content changes rarely: clients may reuse a response for a minute, then revalidate cheaply with the ETag. */
    static final String CACHE_CONTROL = "public, max-age=60, must-revalidate";

    /** A read's outcome before it is written out: 200 with a body, 304, or 404 (no body). */
    public record Reply(int status, String etag, byte[] body) {
    }

    private final CatalogService catalog;

    public CatalogResponses(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** The outcome of reading the pre-rendered response at {@code path}, such as "exercises/couch-stretch". */
    public Reply reply(String path, String ifNoneMatch) {
        CatalogSnapshot snapshot = catalog.snapshot();
        if (notModified(snapshot, ifNoneMatch)) {
            return new Reply(304, snapshot.etag(), null);
        }
        byte[] body = snapshot.rendered(path);
        return new Reply(body == null ? 404 : 200, snapshot.etag(), body);
    }

    /** The pre-rendered response at {@code path}, or 404 naming the {@code what} and {@code slug}. */
    public Response rendered(String path, String ifNoneMatch, String what, String slug) {
        Reply reply = reply(path, ifNoneMatch);
        if (reply.status() == 404) {
            throw ProblemException.notFound(what, slug);
        }
        return respond(reply.status(), reply.etag(), reply.body());
    }

    /** A response computed from the snapshot (a filtered list, say), with the same validators. */
    public Response computed(CatalogSnapshot snapshot, String ifNoneMatch, byte[] body) {
        boolean notModified = notModified(snapshot, ifNoneMatch);
        return respond(notModified ? 304 : 200, snapshot.etag(), notModified ? null : body);
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

    private static Response respond(int status, String etag, byte[] body) {
        Response.ResponseBuilder builder = status == 304 ? Response.notModified()
                : Response.ok(body, MediaType.APPLICATION_JSON_TYPE);
        return builder.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
    }
}
