package io.suiji.catalog.matter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Component test: the real service on its real PostgreSQL test database (suiji_catalog_test), with
 * callers faked by {@code @TestSecurity} and the outbox relay off (events are checked in the
 * outbox table; system-tests follow them through Kafka).
 */
@QuarkusTest
class MatterResourceTest {

    @Inject
    EntityManager em;

    private static String body(String code, String category, String percent) {
        return """
                {"code":"%s","name":"人力资源服务机构管理检查","category":"%s","ratio":{"percent":%s}}"""
                .formatted(code, category, percent);
    }

    private static String newCode() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner")
    void aPlannerPublishesAMatterAndItsEventIsInTheOutbox() {
        String code = newCode();
        given().contentType("application/json").body(body(code, "GENERAL", "5"))
                .when().post("/api/v1/matters")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/matters/" + code))
                .body("code", equalTo(code))
                .body("status", equalTo("PUBLISHED"))
                .body("version", equalTo(1));

        Object[] row = (Object[]) em.createNativeQuery(
                        "select topic, event_type, payload::text from outbox_event where aggregate_id = ?1")
                .setParameter(1, code).getSingleResult();
        assertEquals("catalog.matters", row[0]);
        assertEquals("io.suiji.catalog.MatterPublished.v1", row[1]);
        org.junit.jupiter.api.Assertions.assertTrue(row[2].toString().contains("人力资源服务机构管理检查"));

        given().when().get("/api/v1/matters/" + code)
                .then().statusCode(200).body("name", equalTo("人力资源服务机构管理检查"));
        given().when().get("/api/v1/matters").then().statusCode(200).body("code", hasItem(code));
    }

    @Test
    void writingWithoutATokenIs401ProblemJson() {
        given().contentType("application/json").body(body(newCode(), "GENERAL", "5"))
                .when().post("/api/v1/matters")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("urn:suiji:problem:unauthenticated"));
    }

    @Test
    @TestSecurity(user = "inspector-city-1", roles = "inspector")
    void writingWithTheWrongRoleIs403ProblemJson() {
        given().contentType("application/json").body(body(newCode(), "GENERAL", "5"))
                .when().post("/api/v1/matters")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner")
    void malformedJsonIs400() {
        given().contentType("application/json").body("{\"code\": \"X-1\", ")
                .when().post("/api/v1/matters")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:malformed-request"));
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner")
    void aGeneralMatterBelowFivePercentIs422NamingTheFieldAndNothingIsStored() {
        String code = newCode();
        given().contentType("application/json").body(body(code, "GENERAL", "4"))
                .when().post("/api/v1/matters")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:validation-failed"))
                .body("errors[0].field", equalTo("ratio.percent"))
                .body("errors[0].message", containsString("5%"));
        assertEquals(0L, ((Number) em.createNativeQuery("select count(*) from outbox_event where aggregate_id = ?1")
                .setParameter(1, code).getSingleResult()).longValue());
        given().when().get("/api/v1/matters/" + code).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner")
    void missingAndMistypedFieldsAre422NamingEachField() {
        given().contentType("application/json").body("{\"code\":\"ok-1\",\"category\":\"GENERAL\",\"ratio\":{\"percent\":5}}")
                .when().post("/api/v1/matters")
                .then().statusCode(422)
                .body("errors.field", hasItem("name"));
        given().contentType("application/json").body(body(newCode(), "IMPORTANT", "5"))
                .when().post("/api/v1/matters")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("category"))
                .body("errors[0].message", containsString("GENERAL"));
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner")
    void aSecondMatterWithTheSameCodeIs409() {
        String code = newCode();
        given().contentType("application/json").body(body(code, "KEY", "50")).post("/api/v1/matters")
                .then().statusCode(201);
        given().contentType("application/json").body(body(code, "KEY", "50")).post("/api/v1/matters")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void unknownMattersAndPathsAre404ProblemJson() {
        given().when().get("/api/v1/matters/NO-SUCH").then().statusCode(404)
                .body("detail", containsString("NO-SUCH"));
        given().when().get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
