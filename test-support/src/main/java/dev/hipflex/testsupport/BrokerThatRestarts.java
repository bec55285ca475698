package dev.hipflex.testsupport;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The usual real servers, with a broker a test can stop and start again on the same port
 * ({@link RestartableKafkaBrokerResource}), and client timeouts short enough for an outage test: readiness answers DOWN
 * within seconds (the admin client wants its API timeout at least as long as a request's), and the outbox's producer
 * gives up on a send within 3 s, so an outage outlasts it and the relay must send its events again later.
 */
public class BrokerThatRestarts implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("kafka.default.api.timeout.ms", "3000", "kafka.request.timeout.ms", "2000",
                "hipflex.outbox.producer.delivery.timeout.ms", "3000",
                "hipflex.outbox.producer.request.timeout.ms", "1000",
                "hipflex.outbox.producer.max.block.ms", "3000");
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresDatabaseResource.class),
                new TestResourceEntry(RestartableKafkaBrokerResource.class),
                new TestResourceEntry(JwtKeysResource.class), new TestResourceEntry(CatalogStubResource.class));
    }
}
