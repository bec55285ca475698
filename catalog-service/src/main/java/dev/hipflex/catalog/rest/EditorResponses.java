package dev.hipflex.catalog.rest;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import dev.hipflex.catalog.service.ContentChange;

/** What every editor write answers with besides its body: the new content version, never cached. */
final class EditorResponses {

    private static final CacheControl NO_STORE = noStore();

    private EditorResponses() {
    }

    static Response.ResponseBuilder written(Response.ResponseBuilder builder, ContentChange change) {
        return builder.tag(new EntityTag(change.version())).cacheControl(NO_STORE)
                .header("X-Content-Version", change.version());
    }

    private static CacheControl noStore() {
        CacheControl cache = new CacheControl();
        cache.setNoStore(true);
        return cache;
    }
}
