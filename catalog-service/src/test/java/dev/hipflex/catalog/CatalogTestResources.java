package dev.hipflex.catalog;

import dev.hipflex.testsupport.JwtKeysResource;
import dev.hipflex.testsupport.KafkaBrokerResource;
import dev.hipflex.testsupport.PostgresDatabaseResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * The real servers every {@code @QuarkusTest} of this module runs against: a fresh PostgreSQL database,
 * an in-process Kafka broker, and a JWT key pair made for this run. Declared once, they apply to all tests.
 */
@QuarkusTestResource(PostgresDatabaseResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(JwtKeysResource.class)
public final class CatalogTestResources {

    private CatalogTestResources() {
    }
}
