package dev.hipflex.triage;

import dev.hipflex.testsupport.CorsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CorsTest extends CorsContract {

    @Override
    protected String apiPath() {
        return "/api/v1/me/recommendations";
    }
}
