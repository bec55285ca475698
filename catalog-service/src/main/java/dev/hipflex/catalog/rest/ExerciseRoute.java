package dev.hipflex.catalog.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.netty.buffer.Unpooled;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * The catalog's hottest read, {@code GET /api/v1/exercises/{slug}}, answered straight on the Vert.x
 * router from the pre-rendered snapshot: the JAX-RS layer costs half the throughput here (see the
 * benchmark). Anything but a 200 or 304 falls through to {@link ExerciseResource}, which stays the
 * documented endpoint and writes the problem bodies.
 */
@ApplicationScoped
public class ExerciseRoute {

    private static final CharSequence CACHE_CONTROL = HttpHeaders.createOptimized(CatalogResponses.CACHE_CONTROL);
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

    void register(@Observes Router router, CatalogResponses responses) {
        // Before Quarkus' own per-request handlers (security among them): this read is public.
        router.get("/api/v1/exercises/:slug").order(RouteConstants.ROUTE_ORDER_BODY_HANDLER + 1).handler(context -> {
            CatalogResponses.Reply reply;
            try {
                reply = responses.reply("exercises/" + context.pathParam("slug"),
                        context.request().getHeader(HttpHeaders.IF_NONE_MATCH));
            } catch (RuntimeException loading) {
                context.next();
                return;
            }
            if (reply.status() == 404) {
                context.next();
                return;
            }
            var response = context.response().setStatusCode(reply.status())
                    .putHeader(HttpHeaders.ETAG, reply.etag())
                    .putHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
            if (reply.body() == null) {
                response.end();
            } else {
                // Wrapped, not copied: the snapshot's bytes never change.
                response.putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                        .end(Buffer.buffer(Unpooled.wrappedBuffer(reply.body())));
            }
        });
    }
}
