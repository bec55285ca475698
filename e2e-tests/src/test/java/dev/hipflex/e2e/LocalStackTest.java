package dev.hipflex.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * What README's first command promises a newcomer, checked on the stack the tests start with it: the realm as
 * deploy/README describes it, the app's URL and the demo sign-ins printed, and nothing listening beyond loopback.
 */
class LocalStackTest {

    private static final List<String> DEMO_PEOPLE = List.of("demo-person", "demo-editor");

    private final Platform platform = Platform.get();

    @Test
    void theRealmSignsPeopleUpProtectsAgainstGuessingAndLetsTheAppInOnlyWithPkceFromItsOwnOrigin() {
        String admin = ProviderTokensTest.adminToken(platform);
        String realmUrl = platform.issuer().replace("/realms/", "/admin/realms/");

        JsonPath realm = given().auth().oauth2(admin).get(realmUrl).then().statusCode(200).extract().jsonPath();
        assertThat(realm.getBoolean("registrationAllowed")).as("self-registration").isTrue();
        assertThat(realm.getBoolean("bruteForceProtected")).as("brute-force protection").isTrue();

        JsonPath client = given().auth().oauth2(admin).queryParam("clientId", "hipflex-web").get(realmUrl + "/clients")
                .then().statusCode(200).extract().jsonPath();
        assertThat(client.getList("$")).as("the web app's client").hasSize(1);
        assertThat(client.getBoolean("[0].publicClient")).as("a public client: the app keeps no secret").isTrue();
        assertThat(client.getBoolean("[0].standardFlowEnabled")).as("authorization code").isTrue();
        assertThat(client.getBoolean("[0].implicitFlowEnabled")).as("implicit flow").isFalse();
        assertThat(client.getBoolean("[0].directAccessGrantsEnabled")).as("passwords sent by the app itself").isFalse();
        assertThat(client.getString("[0].attributes.'pkce.code.challenge.method'")).isEqualTo("S256");
        assertThat(client.getList("[0].redirectUris", String.class)).as("where sign-in may return to").isNotEmpty()
                .allSatisfy(uri -> assertThat(uri).startsWith(platform.webUrl() + "/"));

        List<String> roles = given().auth().oauth2(admin).get(realmUrl + "/roles").then().statusCode(200).extract().jsonPath()
                .getList("name", String.class);
        assertThat(roles).contains("user", "editor");
        for (String person : DEMO_PEOPLE) {
            assertThat(given().auth().oauth2(admin).queryParam("username", person).queryParam("exact", true)
                    .get(realmUrl + "/users").then().statusCode(200).extract().jsonPath().getList("username", String.class))
                    .as("demo sign-in %s", person).containsExactly(person);
        }
    }

    @Test
    void upPrintsTheAppsAddressAndTheDemoSignInsWithTheirPasswords() {
        String printed = platform.upOutput();
        assertThat(printed).contains(platform.webUrl() + "/");
        for (String person : DEMO_PEOPLE) {
            String password = platform.secret("HIPFLEX_" + person.toUpperCase().replace('-', '_') + "_PASSWORD");
            assertThat(printed).as("the sign-in of %s", person).containsPattern(person + "\\s+password\\s+" + password + "\\s");
            // The printed password signs the person in, also after deploy/hipflex token gave a token for the same person
            // (through the dev-only password-grant client; the app uses the login page).
            assertThat(platform.token(person)).isNotBlank();
            given().formParam("grant_type", "password").formParam("client_id", "hipflex-dev-tokens")
                    .formParam("username", person).formParam("password", password)
                    .post(platform.issuer() + "/protocol/openid-connect/token").then().statusCode(200);
        }
    }

    @Test
    void everyProcessOfTheStackListensOnLoopbackOnly() throws IOException {
        Map<String, Integer> ports = Map.of("catalog", port(platform.url("catalog")), "triage", port(platform.url("triage")),
                "tracking", port(platform.url("tracking")), "keycloak", port(platform.issuer()), "web", port(platform.webUrl()),
                "kafka", Integer.parseInt(platform.bootstrapServers().replaceAll(".*:", "")));
        List<String> sockets = listening();
        ports.forEach((component, port) -> {
            List<String> addresses = sockets.stream().filter(socket -> socket.endsWith(":" + port)).toList();
            assertThat(addresses).as("where %s listens (port %d)", component, port).isNotEmpty()
                    .allSatisfy(address -> assertThat(address).as("%s's listening address", component)
                            .isIn("127.0.0.1:" + port, "::ffff:127.0.0.1:" + port));
        });
    }

    private static int port(String url) {
        return Integer.parseInt(url.replaceAll("^[a-z]+://[^:/]+:([0-9]+).*$", "$1"));
    }

    /** Every listening TCP socket of the machine as address:port, from the kernel's tables. */
    private static List<String> listening() throws IOException {
        List<String> sockets = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table)).subList(1, Files.readAllLines(Path.of(table)).size())) {
                String[] fields = line.trim().split("\\s+");
                if (!fields[3].equals("0A")) {
                    continue;
                }
                String[] local = fields[1].split(":");
                sockets.add(address(local[0]) + ":" + Integer.parseInt(local[1], 16));
            }
        }
        return sockets;
    }

    /** The kernel's hex address (each 32-bit word little-endian) in the usual notation. */
    private static String address(String hex) {
        List<Integer> bytes = new ArrayList<>();
        for (int word = 0; word < hex.length(); word += 8) {
            for (int i = 3; i >= 0; i--) {
                bytes.add(Integer.parseInt(hex.substring(word + 2 * i, word + 2 * i + 2), 16));
            }
        }
        if (bytes.size() == 4) {
            return bytes.get(0) + "." + bytes.get(1) + "." + bytes.get(2) + "." + bytes.get(3);
        }
        boolean mapped = bytes.subList(0, 10).stream().allMatch(b -> b == 0) && bytes.get(10) == 255 && bytes.get(11) == 255;
        if (mapped) {
            return "::ffff:" + bytes.get(12) + "." + bytes.get(13) + "." + bytes.get(14) + "." + bytes.get(15);
        }
        return bytes.stream().allMatch(b -> b == 0) ? "::" : "ipv6:" + hex;
    }
}
