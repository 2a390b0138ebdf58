package io.suiji.sampling.rfc3797;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.suiji.platform.testing.InMemoryChannels;
import io.suiji.sampling.TestChannels;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The RFC 3797 endpoint reproduces the RFC's own worked example (§6), without a token. */
@QuarkusTest
@WithTestResource(value = InMemoryChannels.class, initArgs = @ResourceArg(name = "incoming", value = TestChannels.INCOMING))
class Rfc3797ResourceTest {

    @Test
    void theRfcExampleSelectsTheRfcPositions() {
        given().contentType(ContentType.JSON)
                .body(Map.of("sources", List.of(List.of(9319), List.of(2, 5, 12, 8, 10), List.of(9, 18, 26, 34, 41, 45)),
                        "poolSize", 25, "count", 11))
                .post("/api/v1/rfc3797/select").then().statusCode(200)
                .body("positions", contains(17, 7, 2, 16, 25, 23, 8, 24, 19, 13, 22))
                .body("keyString", equalTo("9319./2.5.8.10.12./9.18.26.34.41.45./"))
                .body("steps[0].md5", equalTo("990dd0a5692a029a98b5e01aa28f3459"));
    }

    @Test
    void badInputIsA422NamingTheField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("sources", List.of(List.of(1), List.of(-2, 3), List.of(), List.of(1.5)), "poolSize", 0,
                        "count", 3))
                .post("/api/v1/rfc3797/select").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("sources[1][0]", "sources[2]", "sources[3][0]", "poolSize"));
        given().contentType(ContentType.JSON).body(Map.of("sources", List.of(List.of(1)), "poolSize", 5, "count", 6))
                .post("/api/v1/rfc3797/select").then().statusCode(422).body("errors[0].field", equalTo("count"));
        given().contentType(ContentType.JSON).body(Map.of("poolSize", 70000, "count", 1))
                .post("/api/v1/rfc3797/select").then().statusCode(422)
                .body("errors.field", hasItems("sources", "poolSize"));
        given().contentType(ContentType.JSON).body("{\"sources\": \"9319\", \"poolSize\": 25, \"count\": 1}")
                .post("/api/v1/rfc3797/select").then().statusCode(422).body("errors[0].field", equalTo("sources"));
    }
}
