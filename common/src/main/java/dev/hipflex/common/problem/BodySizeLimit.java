package dev.hipflex.common.problem;

import java.util.Locale;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A request body over {@code quarkus.http.limits.max-body-size} is answered 413 with a problem body, like every
 * other refusal. Quarkus enforces the limit before the REST layer (a route for a declared Content-Length, its input
 * stream for a chunked body) and answers a bare 413 that no exception mapper sees. This route runs just before
 * Quarkus' own: it refuses a declared length over the limit at once, and reads a chunked body itself, up to the
 * limit, so that nothing over it reaches Quarkus' checks.
 */
@Singleton
public class BodySizeLimit {

    private static final int TOO_LARGE = 413;
    private static final String ANSWERED = BodySizeLimit.class.getName() + ".answered";
    /** After a 413, at most this much more of the body is read (and dropped), for at most this long. */
    private static final long LINGER_BYTES = 1024 * 1024;
    private static final long LINGER_MILLIS = 5_000;

    private final long limit;
    private final ObjectMapper json;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit,
            @ConfigProperty(name = "quarkus.rest.input-buffer-size", defaultValue = "10K") MemorySize restBuffer, ObjectMapper json) {
        this.limit = limit.asLongValue();
        this.json = json;
        // A chunked body read here reaches the REST layer in one piece; past its input buffer the REST layer would try
        // to stream the rest of a request already read, and the request would hang until it timed out (Quarkus issue
        // 48777). hipflex-common sets the buffer to the limit; a limit raised at run time only must not undo that.
        if (restBuffer.asLongValue() < this.limit) {
            throw new IllegalStateException("quarkus.rest.input-buffer-size (" + restBuffer.asLongValue()
                    + " bytes) must hold a whole body of quarkus.http.limits.max-body-size (" + this.limit + " bytes)");
        }
    }

    void install(@Observes Router router) {
        BodyHandler chunked = BodyHandler.create(false).setBodyLimit(limit);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(context -> {
                    HttpServerRequest request = context.request();
                    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
                    if (length != null) {
                        if (declared(length) > limit) {
                            tooLarge(context);
                        } else {
                            context.next();
                        }
                    } else if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING) && !form(request)) {
                        // Fails the request with 413 as soon as the body grows over the limit. It answers an
                        // "Expect: 100-continue" itself: the REST layer, which gets the body from it, must not again.
                        chunked.handle(context);
                        request.headers().remove(HttpHeaders.EXPECT);
                    } else {
                        context.next();
                    }
                })
                .failureHandler(context -> {
                    if (context.statusCode() == TOO_LARGE) {
                        tooLarge(context);
                    } else if (!Boolean.TRUE.equals(context.get(ANSWERED))) {
                        context.next();
                    }
                    // else: the connection closed under the rest of a body already answered 413; nothing to report
                });
    }

    private static long declared(String length) {
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1; // not ours to judge: the HTTP layer refuses it
        }
    }

    /** Forms are not read here: the body handler would parse them, and no endpoint takes them (the REST layer answers 415). */
    private static boolean form(HttpServerRequest request) {
        String type = String.valueOf(request.getHeader(HttpHeaders.CONTENT_TYPE)).toLowerCase(Locale.ROOT);
        return type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded");
    }

    private void tooLarge(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (context.response().headWritten()) {
            request.connection().close();
            return;
        }
        Problem problem = Problem.of(TOO_LARGE, "Content Too Large",
                "The request body is larger than the " + limit + " bytes this service accepts", request.path(), null);
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.put(ANSWERED, true);
        context.response().setStatusCode(TOO_LARGE)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Buffer.buffer(body))
                .onComplete(written -> closeOnceRead(context));
    }

    /**
     * Closes the connection once the client has sent the rest of the body, read and dropped, within bounds. Closed
     * with a body still unread, the connection is reset, and a client still sending may lose the answer (RFC 9112,
     * 9.6); one that sent "Expect: 100-continue" was never invited to send it.
     */
    private void closeOnceRead(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpConnection connection = request.connection();
        long rest = declared(request.getHeader(HttpHeaders.CONTENT_LENGTH)) - request.bytesRead();
        if (request.isEnded() || request.headers().contains(HttpHeaders.EXPECT) || rest > LINGER_BYTES) {
            connection.close();
            return;
        }
        long timer = context.vertx().setTimer(LINGER_MILLIS, late -> connection.close());
        request.handler(chunk -> {
            if (request.bytesRead() > limit + LINGER_BYTES) {
                connection.close();
            }
        });
        request.endHandler(end -> {
            context.vertx().cancelTimer(timer);
            connection.close();
        });
        request.resume();
    }
}
