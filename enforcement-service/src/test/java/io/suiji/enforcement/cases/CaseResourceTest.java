package io.suiji.enforcement.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.suiji.platform.testing.InMemoryChannels;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Targeted cases: opened with their source and hand-picked inspectors, closed with an outcome, both as events. */
@QuarkusTest
@WithTestResource(value = InMemoryChannels.class, initArgs = @ResourceArg(name = "incoming", value = TestChannels.INCOMING))
class CaseResourceTest {

    @Inject
    EntityManager em;

    @Inject
    CaseService service;

    private static Map<String, Object> complaint(String region, List<String> inspectors) {
        return Map.of("source", "COMPLAINT", "sourceReference", "平人社投〔2020〕118号", "entityId", Fixtures.id("entity"),
                "region", region, "matterCode", "M01", "inspectorIds", inspectors);
    }

    @Test
    @TestSecurity(user = "sup-city", roles = "supervisor",
            attributes = {@SecurityAttribute(key = "region", value = "410400"), @SecurityAttribute(key = "department", value = "劳动保障监察局（支队）")})
    void aSupervisorOpensACaseWithHandPickedInspectors() {
        String id = given().contentType(ContentType.JSON).body(complaint("410402", List.of(Fixtures.ZHANG, Fixtures.LI)))
                .post("/api/v1/cases").then().statusCode(201)
                .body("sourceLabel", equalTo("投诉举报"))
                .body("assignment", equalTo("MANUAL"))
                .body("assignedBy", equalTo("sup-city"))
                .body("status", equalTo("OPEN"))
                .extract().path("id");
        assertEquals(1, Fixtures.outbox(em, "CaseOpened", id));
        given().get("/api/v1/cases").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    @TestSecurity(user = "sup-county", roles = "supervisor", attributes = @SecurityAttribute(key = "region", value = "410402"))
    void badCasesAreRefusedAndNothingIsSaved() {
        long before = Fixtures.count(em, "select count(*) from targeted_case");
        given().contentType(ContentType.JSON).body(Map.of("inspectorIds", List.of(Fixtures.ZHANG)))
                .post("/api/v1/cases").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("source", "sourceReference", "entityId", "region", "inspectorIds"));
        given().contentType(ContentType.JSON).body(complaint("410403", List.of(Fixtures.ZHANG, Fixtures.LI)))
                .post("/api/v1/cases").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("source", "RUMOUR")).post("/api/v1/cases").then()
                .statusCode(422).body("errors[0].field", equalTo("source"));
        assertEquals(before, Fixtures.count(em, "select count(*) from targeted_case"));
    }

    @Test
    @TestSecurity(user = Fixtures.LI, roles = "inspector")
    void anAssignedInspectorClosesTheCaseAndBothEventsLeave() {
        CaseView opened = service.open(new Caller("sup-city", false, true, "410400", null), new CaseRequests.Open(
                CaseSource.REFERRAL, "豫人社转〔2020〕7号", Fixtures.id("entity"), "410402", null, List.of(Fixtures.ZHANG, Fixtures.LI)));
        String id = opened.id().toString();
        given().get("/api/v1/cases/" + id).then().statusCode(200).body("sourceLabel", equalTo("转办"));
        given().contentType(ContentType.JSON).body(Map.of("outcome", "ADMINISTRATIVE_PENALTY", "penalty", Map.of("amount", 5000)))
                .post("/api/v1/cases/" + id + "/close").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("penalty.decisionNumber", "penalty.legalBasis"));
        assertEquals(0, Fixtures.outbox(em, "CaseClosed", id));

        given().contentType(ContentType.JSON).body(Map.of("outcome", "ADMINISTRATIVE_PENALTY", "penalty",
                        Map.of("decisionNumber", "平人社监罚〔2020〕9号", "amount", 5000, "legalBasis", "《劳动保障监察条例》第二十六条")))
                .post("/api/v1/cases/" + id + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closedBy", equalTo(Fixtures.LI));
        assertEquals(1, Fixtures.outbox(em, "CaseClosed", id));
        assertEquals(1, Fixtures.outbox(em, "InspectionClosed", "case-" + id));
        String payload = Fixtures.text(em, "select cast(payload as text) from outbox_event where aggregate_id = ?1", "case-" + id);
        assertTrue(payload.contains("\"caseId\":\"" + id + "\"") && payload.contains("平人社监罚〔2020〕9号"), payload);
        given().contentType(ContentType.JSON).body(Map.of("outcome", "NO_PROBLEM"))
                .post("/api/v1/cases/" + id + "/close").then().statusCode(409);
    }

    @Test
    @TestSecurity(user = "insp-wang", roles = "inspector")
    void anInspectorNotAssignedCannotSeeOrCloseTheCase() {
        CaseView opened = service.open(new Caller("sup-city", false, true, "410400", null), new CaseRequests.Open(
                CaseSource.TRANSFER, "平政督〔2020〕2号", Fixtures.id("entity"), "410402", null, List.of(Fixtures.ZHANG, Fixtures.LI)));
        given().get("/api/v1/cases/" + opened.id()).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("outcome", Outcome.NO_PROBLEM.name()))
                .post("/api/v1/cases/" + opened.id() + "/close").then().statusCode(404);
        given().contentType(ContentType.JSON).body(complaint("410402", List.of(Fixtures.ZHANG, Fixtures.LI)))
                .post("/api/v1/cases").then().statusCode(403);
        given().get("/api/v1/cases/" + UUID.randomUUID()).then().statusCode(404);
    }
}
