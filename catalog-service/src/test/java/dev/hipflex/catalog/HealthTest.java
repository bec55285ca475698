package dev.hipflex.catalog;

import dev.hipflex.testsupport.HealthContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTest extends HealthContract {
}
