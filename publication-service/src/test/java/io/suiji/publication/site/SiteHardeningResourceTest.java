package io.suiji.publication.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * Issue #9's hardening, as a browser and a client meet it: security headers on the public site, its
 * downloads and the API (platform's shared settings), and the request body limit answered as
 * problem+json. Real test database; the webhook test's caller comes from {@code @TestSecurity}.
 */
@QuarkusTest
class SiteHardeningResourceTest {

    private static final long ONE_MIB = 1024 * 1024;

    private static ValidatableResponse secured(ValidatableResponse response) {
        return response.header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
    }

    @Test
    void pagesDownloadsAndTheApiCarryTheSecurityHeadersAndAStrictCsp() {
        for (String path : new String[] {"/", "/results", "/results.json", "/feed.atom", "/site.css",
                "/api/v1/public/results", "/no-such-page"}) {
            secured(given().get(path).then())
                    .header("Content-Security-Policy", allOf(containsString("default-src 'none'"),
                            containsString("style-src 'self'"), containsString("frame-ancestors 'none'"),
                            not(containsString("unsafe-inline"))));
        }
    }

    @Test
    void thePagesUseTheStylesheetFileAndNoInlineStyleOrScriptTheCspWouldBlock() {
        given().get("/").then().statusCode(200)
                .body(containsString("<link rel=\"stylesheet\" href=\"/site.css\">"),
                        not(containsString("<style")), not(containsString("<script")), not(containsString("style=")));
        given().get("/site.css").then().statusCode(200).contentType(containsString("text/css"))
                .body(containsString("form.search"));
    }

    @Test
    void swaggerUiKeepsItsInlineScriptsButMayNotBeFramed() {
        secured(given().get("/q/swagger-ui/").then().statusCode(200))
                .header("Content-Security-Policy", nullValue());
    }

    @Test
    @TestSecurity(user = "admin-city", roles = {"admin", "publisher"},
            attributes = @SecurityAttribute(key = "region", value = "410400"))
    void aJsonBodyOverOneMebibyteIs413ProblemJsonAndOneUnderItIsRead() {
        String tooLarge = "{\"agency\":\"" + "x".repeat((int) ONE_MIB) + "\",\"url\":\"ftp://x\",\"secret\":\"s\"}";
        given().contentType(ContentType.JSON).body(tooLarge).post("/api/v1/webhooks/subscriptions").then()
                .statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:payload-too-large"))
                .body("errors.field", hasItem("body"));

        // Just under the limit the service reads the body and names what is wrong with it.
        String large = "{\"agency\":\"" + "x".repeat((int) ONE_MIB - 100) + "\",\"url\":\"ftp://x\",\"secret\":\"s\"}";
        given().contentType(ContentType.JSON).body(large).post("/api/v1/webhooks/subscriptions").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("url"));
    }
}
