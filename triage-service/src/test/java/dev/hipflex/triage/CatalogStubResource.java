package dev.hipflex.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for catalog-service (another service, not a mock of Kafka or PostgreSQL): serves the
 * catalog's real JSON, captured from its API into {@code catalog-fixture/}, at the same paths.
 */
public class CatalogStubResource implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, String> PATHS = Map.of(
            "/api/v1/catalog/version", "catalog-version.json",
            "/api/v1/exercises", "exercises.json",
            "/api/v1/protocols", "protocols.json",
            "/api/v1/red-flags", "red-flags.json",
            "/api/v1/muscles", "muscles.json",
            "/api/v1/root-cause-checklist", "root-cause-checklist.json");

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/", exchange -> {
            String file = PATHS.get(exchange.getRequestURI().getPath());
            byte[] body;
            try (InputStream in = file == null ? null
                    : CatalogStubResource.class.getClassLoader().getResourceAsStream("catalog-fixture/" + file)) {
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
        return Map.of("quarkus.rest-client.catalog.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
