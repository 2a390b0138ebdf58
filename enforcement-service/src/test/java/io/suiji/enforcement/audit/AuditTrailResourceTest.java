package io.suiji.enforcement.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.suiji.contracts.enforcement.CaseSource;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.enforcement.Caller;
import io.suiji.enforcement.Fixtures;
import io.suiji.enforcement.TestChannels;
import io.suiji.enforcement.cases.CaseRequests;
import io.suiji.enforcement.cases.CaseService;
import io.suiji.enforcement.cases.CaseView;
import io.suiji.enforcement.record.RecordRequests;
import io.suiji.platform.problem.ProblemException;
import io.suiji.platform.testing.InMemoryChannels;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Component test of the audit trail (全程留痕) of enforcement-service: case writes through the API on
 * the real PostgreSQL test database, callers faked by {@code @TestSecurity}, topics on the in-memory
 * connector (Kafka is beside the point here).
 */
@QuarkusTest
@WithTestResource(value = InMemoryChannels.class, initArgs = @ResourceArg(name = "incoming", value = TestChannels.INCOMING))
class AuditTrailResourceTest {

    @Inject
    EntityManager em;

    @Inject
    CaseService cases;

    @Test
    @TestSecurity(user = "sup-city", roles = "supervisor", attributes = {
            @SecurityAttribute(key = "region", value = "410400"), @SecurityAttribute(key = "department", value = "劳动保障监察局（支队）")})
    void caseWritesAreRecordedAgainstTheSupervisorAndRefusedOnesAreNot() {
        Map<String, Object> complaint = Map.of("source", "COMPLAINT", "sourceReference", "平人社投〔2020〕119号",
                "entityId", UUID.randomUUID().toString(), "region", "410402", "inspectorIds", List.of(Fixtures.ZHANG, Fixtures.LI));
        String id = given().contentType(ContentType.JSON).body(complaint).post("/api/v1/cases").then().statusCode(201)
                .extract().path("id");
        long opened = count();
        // Refused: a supervisor does not record a case; a case without its fields; a penalty without its decision.
        given().contentType(ContentType.JSON).body(Map.of("outcome", "NO_PROBLEM")).put("/api/v1/cases/" + id + "/outcome")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("inspectorIds", List.of(Fixtures.ZHANG))).post("/api/v1/cases")
                .then().statusCode(422);
        assertThrows(ProblemException.class, () -> cases.recordOutcome(Fixtures.inspector(Fixtures.ZHANG), UUID.fromString(id),
                new RecordRequests.OutcomeRecord(Outcome.ADMINISTRATIVE_PENALTY, null, null)));
        assertEquals(opened, count(), "refused writes leave no entry");

        cases.recordOutcome(Fixtures.inspector(Fixtures.ZHANG), UUID.fromString(id),
                new RecordRequests.OutcomeRecord(Outcome.NO_PROBLEM, null, null));
        List<Object[]> rows = rows(id);
        assertEquals(2, rows.size());
        assertEquals(List.of("sup-city", "supervisor", "410400", "case.opened"),
                List.of(rows.get(0)[0], rows.get(0)[1], rows.get(0)[2], rows.get(0)[3]));
        assertNull(rows.get(0)[4]);
        assertEquals("case.outcome-recorded", rows.get(1)[3]);
        assertEquals(rows.get(0)[5], rows.get(1)[4], "the case read back for recording is the case recorded");
        assertNotNull(rows.get(1)[5]);
    }

    @Test
    @TestSecurity(user = "sup-city", roles = "supervisor", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void aWriteCalledInsideTheTestIsAttributedToTheTestCaller() {
        CaseView opened = cases.open(new Caller("sup-city", false, true, "410400", null), new CaseRequests.Open(
                CaseSource.REFERRAL, "豫人社转〔2020〕8号", UUID.randomUUID().toString(), "410402", null, List.of(Fixtures.ZHANG, Fixtures.LI)));
        List<Object[]> rows = rows(opened.id().toString());
        assertEquals(List.of("sup-city", "case.opened"), List.of(rows.get(0)[0], rows.get(0)[3]));
    }

    private long count() {
        return ((Number) em.createNativeQuery("select count(*) from audit_log").getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String id) {
        return em.createNativeQuery("""
                        select actor, roles, region, action, before_digest, after_digest
                        from audit_log where target_type = 'case' and target_id = ?1 order by sequence""")
                .setParameter(1, id).getResultList();
    }
}
