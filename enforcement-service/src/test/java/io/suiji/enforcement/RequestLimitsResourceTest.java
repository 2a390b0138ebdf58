package io.suiji.enforcement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * Issue #9's bounds on enforcement's inputs: filter texts of at most 100 characters (400 naming the
 * parameter) and JSON bodies of at most 1 MiB (413 problem+json) — evidence uploads, multipart, keep
 * their own 20 MiB limit (EvidenceResourceTest). Real test database; the supervisor comes from
 * {@code @TestSecurity}.
 */
@QuarkusTest
@TestSecurity(user = "sup-city", roles = "supervisor", attributes = @SecurityAttribute(key = "region", value = "410400"))
class RequestLimitsResourceTest {

    @Test
    void aFilterTextOverOneHundredCharactersIs400NamingTheParameter() {
        given().queryParam("taskId", "T".repeat(100)).get("/api/v1/progress").then().statusCode(200);
        given().queryParam("taskId", "T".repeat(101)).get("/api/v1/progress").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:invalid-parameter"))
                .body("errors[0].field", equalTo("taskId"));
        given().queryParam("status", "x".repeat(101)).get("/api/v1/cases").then()
                .statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void aJsonBodyOverOneMebibyteIs413ProblemJson() {
        given().contentType(ContentType.JSON).body("{\"reason\":\"" + "x".repeat(1024 * 1024) + "\"}")
                .post("/api/v1/cases").then()
                .statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:payload-too-large"));
    }
}
