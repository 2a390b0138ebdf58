package io.suiji.registry.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.suiji.platform.testing.InMemoryChannels;
import io.suiji.registry.Fixtures;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Component test of the audit trail (全程留痕) of registry-service: writes through the API on the real
 * PostgreSQL test database, callers faked by {@code @TestSecurity}, the inspections topic on the
 * in-memory connector (Kafka is beside the point here).
 */
@QuarkusTest
@WithTestResource(value = InMemoryChannels.class, initArgs = @ResourceArg(name = "incoming", value = "enforcement.inspections"))
class AuditTrailResourceTest {

    private static final String INSPECTORS = "/api/v1/inspectors";

    @Inject
    EntityManager em;

    @Test
    @TestSecurity(user = "registrar-city", roles = "registrar", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void inspectorWritesAreRecordedAgainstTheRegistrarAndARefusedOneIsNot() {
        String certificate = "4104" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        String id = given().contentType("application/json").body("""
                        {"name":"周杰","certificateNumber":"%s","department":"劳动保障监察局（支队）","region":"410400",
                         "expertise":["用人单位"]}""".formatted(certificate))
                .post(INSPECTORS).then().statusCode(201).extract().path("id");
        given().contentType("application/json").body("{\"retiredOn\":\"2025-01-31\",\"reason\":\"退休\"}")
                .post(INSPECTORS + "/" + id + "/retire").then().statusCode(200);
        given().contentType("application/json").body("{}").post(INSPECTORS + "/" + id + "/retire").then().statusCode(409);

        List<Object[]> rows = rows("inspector", id);
        assertEquals(2, rows.size(), "the refused second retirement leaves no entry");
        Object[] registered = rows.get(0);
        assertEquals(List.of("registrar-city", "registrar", "410400", "inspector.registered"),
                List.of(registered[0], registered[1], registered[2], registered[3]));
        assertNull(registered[4]);
        Object[] retired = rows.get(1);
        assertEquals("inspector.retired", retired[3]);
        assertEquals(registered[5], retired[4], "the state read back for the retirement is the state registered");
        assertNotNull(retired[5]);
    }

    @Test
    @TestSecurity(user = "registrar-city", roles = "registrar", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void anImportIsOneEntryForTheUploadAndOneForItsOutcome() throws InterruptedException {
        String file = "统一社会信用代码或身份证号码,名称或姓名,检查对象类型,行政区划\n"
                + Fixtures.uscc() + ",留痕测试甲公司,企业,410402\n"
                + Fixtures.uscc() + ",留痕测试乙公司,企业,410402\n";
        String job = given().multiPart("file", "audit.csv", file.getBytes(StandardCharsets.UTF_8), "text/csv")
                .queryParam("mode", "ALL_OR_NOTHING").post("/api/v1/imports").then().statusCode(202).extract().path("id");

        Instant end = Instant.now().plusSeconds(30);
        List<Object[]> rows = rows("import", job);
        while (rows.size() < 2 && Instant.now().isBefore(end)) {
            Thread.sleep(100);
            rows = rows("import", job);
        }
        assertEquals(2, rows.size());
        assertEquals(List.of("registrar-city", "registrar", "410400", "import.accepted"),
                List.of(rows.get(0)[0], rows.get(0)[1], rows.get(0)[2], rows.get(0)[3]));
        assertEquals(List.of("system:import", "", "import.finished"), List.of(rows.get(1)[0], rows.get(1)[1], rows.get(1)[3]));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String type, String id) {
        return em.createNativeQuery("""
                        select actor, roles, region, action, before_digest, after_digest
                        from audit_log where target_type = ?1 and target_id = ?2 order by sequence""")
                .setParameter(1, type).setParameter(2, id).getResultList();
    }
}
