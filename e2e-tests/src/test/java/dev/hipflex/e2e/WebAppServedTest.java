package dev.hipflex.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The stack serves the web app on its own port, with a configuration that points the app at this stack's provider
 * and services, and the services let the app's origin call them.
 */
class WebAppServedTest {

    private final Platform platform = Platform.get();

    @Test
    void theAppIsServedWithThisStacksConfiguration() {
        Response page = given().get(platform.webUrl() + "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.asString()).contains("manifest.webmanifest");

        JsonPath config = given().get(platform.webUrl() + "/config.json").then().statusCode(200).extract().jsonPath();
        assertThat(config.getString("oidcIssuer")).isEqualTo(platform.issuer());
        assertThat(config.getString("catalogUrl")).isEqualTo(platform.url("catalog") + "/api/v1");
        assertThat(config.getString("triageUrl")).isEqualTo(platform.url("triage") + "/api/v1");
        assertThat(config.getString("trackingUrl")).isEqualTo(platform.url("tracking") + "/api/v1");

        assertThat(given().get(platform.webUrl() + "/no-such-file.js").statusCode()).isEqualTo(404);
    }

    @Test
    void theServicesAllowTheAppsOrigin() {
        for (String service : new String[] {"catalog", "triage", "tracking"}) {
            given().header("Origin", platform.webUrl()).header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type")
                    .options(platform.url(service) + "/api/v1/exercises")
                    .then().header("Access-Control-Allow-Origin", platform.webUrl());
        }
    }
}
