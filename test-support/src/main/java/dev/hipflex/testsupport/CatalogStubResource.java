package dev.hipflex.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Runs the {@link CatalogStub} for the tests of this module and points the catalog client at it. */
public class CatalogStubResource implements QuarkusTestResourceLifecycleManager {

    private CatalogStub stub;

    @Override
    public Map<String, String> start() {
        stub = CatalogStub.start(0);
        return Map.of("quarkus.rest-client.catalog.url", "http://127.0.0.1:" + stub.port());
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.stop();
        }
    }
}
