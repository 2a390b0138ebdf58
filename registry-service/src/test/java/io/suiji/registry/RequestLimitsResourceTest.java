package io.suiji.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue #9's bounds on what a caller may send the registry: search texts of at most 100 characters
 * (400 naming the parameter), JSON bodies of at most 1 MiB (413), while imports — multipart uploads
 * — keep their large limit. Real test database; the caller comes from {@code @TestSecurity}.
 */
@QuarkusTest
@TestSecurity(user = "registrar-city", roles = "registrar", attributes = @SecurityAttribute(key = "region", value = "410400"))
class RequestLimitsResourceTest {

    private static final int ONE_MIB = 1024 * 1024;

    @Test
    void aSearchTextOverOneHundredCharactersIs400NamingTheParameter() {
        given().queryParam("q", "某".repeat(100)).get("/api/v1/entities").then().statusCode(200);
        given().queryParam("q", "某".repeat(101)).get("/api/v1/entities").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:invalid-parameter"))
                .body("errors[0].field", equalTo("q"));
        given().queryParam("department", "科".repeat(101)).get("/api/v1/inspectors").then()
                .statusCode(400).body("errors[0].field", equalTo("department"));
    }

    @Test
    void aJsonBodyOverOneMebibyteIs413ProblemJson() {
        String body = "{\"name\":\"" + "x".repeat(ONE_MIB) + "\"}";
        given().contentType(ContentType.JSON).body(body).post("/api/v1/entities").then()
                .statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:payload-too-large"))
                .body("errors.field", hasItem("body"));
    }

    @Test
    void anImportFileOfSeveralMebibytesIsStillReadAndJudgedOnItsContent() {
        byte[] file = ("代码,单位,类型\n" + "x,y,z\n".repeat(2 * ONE_MIB / 6)).getBytes(StandardCharsets.UTF_8);
        given().multiPart("file", "e.csv", file, "text/csv").post("/api/v1/imports").then()
                .statusCode(422).body("type", equalTo("urn:suiji:problem:wrong-headers"));
    }
}
