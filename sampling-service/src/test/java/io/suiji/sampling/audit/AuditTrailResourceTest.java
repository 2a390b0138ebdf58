package io.suiji.sampling.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.platform.testing.InMemoryChannels;
import io.suiji.sampling.Fixtures;
import io.suiji.sampling.TestChannels;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Component test of the audit trail (全程留痕) of sampling-service: plan writes through the API on the
 * real PostgreSQL test database, callers faked by {@code @TestSecurity}, catalogue events fed through
 * the in-memory connector (Kafka is beside the point here).
 */
@QuarkusTest
@WithTestResource(value = InMemoryChannels.class, initArgs = @ResourceArg(name = "incoming", value = TestChannels.INCOMING))
class AuditTrailResourceTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    @Test
    @TestSecurity(user = "planner-city", roles = "planner", attributes = {
            @SecurityAttribute(key = "region", value = "410400"),
            @SecurityAttribute(key = "department", value = Fixtures.CITY_DEPARTMENT)})
    void planWritesAreRecordedAgainstThePlannerAndARefusedOneIsNot() {
        String code = Fixtures.code("A");
        Fixtures.publish(connector, em, Fixtures.matter(code, MatterCategory.GENERAL, "30", null, List.of("技工院校")));
        Map<String, Object> task = new HashMap<>();
        task.put("name", "技工院校监督检查");
        task.put("matterCodes", List.of(code));
        task.put("leadDepartment", "职业能力建设科");
        task.put("ratioPercent", 40);
        task.put("batches", List.of(Map.of("number", 1, "start", Fixtures.year() + "-03-01", "end", Fixtures.year() + "-06-30")));
        task.put("methods", List.of("ON_SITE"));
        Map<String, Object> plan = Map.of("year", Fixtures.year(), "title", "留痕测试计划", "region", "410400", "tasks", List.of(task));

        String id = given().contentType(ContentType.JSON).body(plan).post("/api/v1/plans").then().statusCode(201)
                .extract().path("id");
        given().post("/api/v1/plans/" + id + "/publish").then().statusCode(200);
        given().post("/api/v1/plans/" + id + "/publish").then().statusCode(409);
        given().contentType(ContentType.JSON).body(plan).put("/api/v1/plans/" + id).then().statusCode(409);

        List<Object[]> rows = rows(id);
        assertEquals(2, rows.size(), "the two refused writes leave no entry");
        assertEquals(List.of("planner-city", "planner", "410400", "plan.drafted"),
                List.of(rows.get(0)[0], rows.get(0)[1], rows.get(0)[2], rows.get(0)[3]));
        assertNull(rows.get(0)[4]);
        assertEquals("plan.published", rows.get(1)[3]);
        assertEquals(rows.get(0)[5], rows.get(1)[4], "the draft read back for publication is the draft recorded");
        assertNotNull(rows.get(1)[5]);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String id) {
        return em.createNativeQuery("""
                        select actor, roles, region, action, before_digest, after_digest
                        from audit_log where target_type = 'plan' and target_id = ?1 order by sequence""")
                .setParameter(1, id).getResultList();
    }
}
