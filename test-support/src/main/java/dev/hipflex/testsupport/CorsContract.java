package dev.hipflex.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

/**
 * What every service promises a browser: the web app's origin (the local app, http://127.0.0.1:8090, unless configured)
 * may call it, with a preflight answered and cached, bearer tokens and conditional reads allowed, and the headers a
 * client needs readable; any other origin is refused. Each service's {@code CorsTest} extends this as a
 * {@code @QuarkusTest} and names a path of its own API.
 */
public abstract class CorsContract {

    public static final String APP_ORIGIN = "http://127.0.0.1:8090";
    private static final String OTHER_ORIGIN = "https://elsewhere.example";

    /** A path of the service's API that a browser calls with a bearer token. */
    protected abstract String apiPath();

    @Test
    void thePreflightOfTheAppsOriginIsAnsweredAndCached() {
        given().header("Origin", APP_ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-none-match")
                .options(apiPath())
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(APP_ORIGIN))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Allow-Headers", containsString("Content-Type"))
                .header("Access-Control-Allow-Headers", containsString("If-None-Match"))
                .header("Access-Control-Max-Age", equalTo("86400"));
    }

    @Test
    void theAppsOriginMayReadTheAnswerAndTheHeadersAClientNeeds() {
        given().header("Origin", APP_ORIGIN).get(apiPath())
                .then().header("Access-Control-Allow-Origin", equalTo(APP_ORIGIN))
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("Location"))
                .header("Access-Control-Expose-Headers", containsString("Retry-After"));
    }

    @Test
    void anotherOriginIsRefused() {
        given().header("Origin", OTHER_ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options(apiPath())
                .then().statusCode(not(equalTo(200))).header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", OTHER_ORIGIN).get(apiPath())
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
    }
}
