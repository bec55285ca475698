package dev.hipflex.testsupport;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads one named check out of a service's readiness answer, whatever the overall status. */
public final class ReadinessChecks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReadinessChecks() {
    }

    public static JsonNode check(String name) throws Exception {
        JsonNode ready = JSON.readTree(given().get("/q/health/ready").asString());
        for (JsonNode check : ready.path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check named '" + name + "' in " + ready);
    }
}
