package dev.hipflex.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for catalog-service (another service, not a mock of Kafka or PostgreSQL): serves the
 * catalog's real JSON, captured from its API into {@code catalog-fixture/}, at the same paths.
 */
public final class CatalogStub {

    private static final Map<String, String> PATHS = Map.of(
            "/api/v1/catalog/version", "catalog-version.json",
            "/api/v1/exercises", "exercises.json",
            "/api/v1/protocols", "protocols.json",
            "/api/v1/red-flags", "red-flags.json",
            "/api/v1/muscles", "muscles.json",
            "/api/v1/root-cause-checklist", "root-cause-checklist.json");

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
        server.createContext("/api/v1/", exchange -> {
            String file = PATHS.get(exchange.getRequestURI().getPath());
            byte[] body;
            try (InputStream in = file == null ? null
                    : CatalogStub.class.getClassLoader().getResourceAsStream("catalog-fixture/" + file)) {
                body = in == null ? null : in.readAllBytes();
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

    /** A port that nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
