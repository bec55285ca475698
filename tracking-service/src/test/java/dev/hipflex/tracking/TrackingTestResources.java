package dev.hipflex.tracking;

import dev.hipflex.testsupport.CatalogStubResource;
import dev.hipflex.testsupport.JwtKeysResource;
import dev.hipflex.testsupport.KafkaBrokerResource;
import dev.hipflex.testsupport.PostgresDatabaseResource;
import io.quarkus.test.common.QuarkusTestResource;

/** The real servers every {@code @QuarkusTest} of this module runs against (see test-support). */
@QuarkusTestResource(PostgresDatabaseResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(JwtKeysResource.class)
@QuarkusTestResource(CatalogStubResource.class)
public final class TrackingTestResources {

    private TrackingTestResources() {
    }
}
