package io.suiji.catalog.matter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The public catalogue search is bounded work (issue #9): free-text parameters of at most 100
 * characters, pages of at most 200 matters; anything more is a 4xx naming the parameter. Real test
 * database, anonymous caller.
 */
@QuarkusTest
class MatterSearchBoundsResourceTest {

    @Test
    void freeTextParametersOverOneHundredCharactersAre400NamingTheParameter() {
        given().queryParam("q", "检".repeat(100)).get("/api/v1/matters").then().statusCode(200);
        for (String parameter : new String[] {"q", "targetType", "unit"}) {
            given().queryParam(parameter, "检".repeat(101)).get("/api/v1/matters").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:suiji:problem:invalid-parameter"))
                    .body("errors[0].field", equalTo(parameter));
        }
    }

    @Test
    void aPageOverTwoHundredMattersIsRefusedNamingSize() {
        given().queryParam("size", 200).get("/api/v1/matters").then().statusCode(200);
        given().queryParam("size", 201).get("/api/v1/matters").then()
                .statusCode(400).body("errors[0].field", equalTo("size"));
    }
}
