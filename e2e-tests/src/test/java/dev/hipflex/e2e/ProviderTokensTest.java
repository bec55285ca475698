package dev.hipflex.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * A token the stack's own Keycloak signed but for another issuer: its {@code master} realm. BadTokens' other-issuer
 * token is signed with a key of the test's own; this one is real, from the same provider, and every service still
 * refuses it, because only the {@code hipflex} realm's issuer and keys are trusted.
 */
class ProviderTokensTest {

    private final Platform platform = Platform.get();

    @Test
    void aTokenFromTheProvidersOtherRealmIsRefusedByEveryService() {
        String token = masterRealmToken();
        assertThat(issuerOf(token)).isEqualTo(platform.issuer().replace("/realms/hipflex", "/realms/master"));

        // One call of each service that needs a person or an editor; each would answer 2xx or 4xx other than 401 to a
        // token it trusted.
        Map<String, String> calls = Map.of(
                "catalog", "/api/v1/exercises",
                "triage", "/api/v1/me/recommendations",
                "tracking", "/api/v1/me/plan");
        calls.forEach((service, path) -> {
            var request = given().baseUri(platform.url(service)).auth().oauth2(token).contentType(ContentType.JSON);
            var response = service.equals("catalog") ? request.body("{}").post(path) : request.get(path);
            assertThat(response.statusCode()).as("%s %s with a token of the master realm", service, path).isEqualTo(401);
        });
    }

    /** The stack's administrator's token from the master realm, as deploy/hipflex gets it for Keycloak's admin API. */
    private String masterRealmToken() {
        return adminToken(platform);
    }

    /** The stack's administrator's token, from Keycloak's master realm. */
    static String adminToken(Platform platform) {
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", platform.secret("HIPFLEX_KEYCLOAK_ADMIN_PASSWORD"))
                .post(platform.issuer().replace("/realms/hipflex", "/realms/master") + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static String issuerOf(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return payload.replaceAll("(?s).*\"iss\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }
}
