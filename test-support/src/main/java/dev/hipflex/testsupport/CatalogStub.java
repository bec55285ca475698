package dev.hipflex.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.ConfigProvider;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for catalog-service (another service, not a mock of Kafka or PostgreSQL): serves the
 * catalog's real JSON, captured from its API into the test module's {@code catalog-fixture/}, at the
 * same paths: {@code /api/v1/a/b} is {@code catalog-fixture/a-b.json} (query strings are ignored).
 * <p>
 * A test can change what the catalog answers, as an editor's change would: {@code PUT /stub/api/v1/a/b} with a body
 * serves that body at {@code /api/v1/a/b} from then on; {@code DELETE /stub/} goes back to the fixtures. Over HTTP, so
 * that a test reaches the stub whichever class loader started it.
 */
public final class CatalogStub {

    private final HttpServer server;

    private CatalogStub(HttpServer server) {
        this.server = server;
    }

    /** Starts serving on {@code port} (0 for any free port). */
    public static CatalogStub start(int port) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The fixtures are the test module's: found through the loader that starts the stub.
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader fixtures = context != null ? context : CatalogStub.class.getClassLoader();
        Map<String, byte[]> changed = new ConcurrentHashMap<>();
        server.createContext("/stub/", exchange -> {
            String path = exchange.getRequestURI().getPath().substring("/stub".length());
            if ("PUT".equals(exchange.getRequestMethod())) {
                changed.put(path, exchange.getRequestBody().readAllBytes());
            } else if ("DELETE".equals(exchange.getRequestMethod())) {
                changed.clear();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/api/v1/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String file = path.substring("/api/v1/".length()).replace('/', '-') + ".json";
            byte[] body = changed.get(path);
            if (body == null) {
                try (InputStream in = fixtures.getResourceAsStream("catalog-fixture/" + file)) {
                    body = in == null ? null : in.readAllBytes();
                }
            }
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        return new CatalogStub(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
    }

    /**
     * Changes what the running stub (at the service's {@code quarkus.rest-client.catalog.url}) answers:
     * {@code change("PUT", "/api/v1/protocols", body)} serves {@code body} there from then on; {@code reset()} goes
     * back to the fixtures.
     */
    public static void change(String method, String path, String body) {
        String catalog = ConfigProvider.getConfig().getValue("quarkus.rest-client.catalog.url", String.class);
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(catalog + "/stub" + path)).method(method, publisher).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 204) {
                throw new IllegalStateException("the catalog stub answered " + response.statusCode() + " to " + path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The stub answers its fixtures again. */
    public static void reset() {
        change("DELETE", "/", null);
    }

    /** A port that nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
