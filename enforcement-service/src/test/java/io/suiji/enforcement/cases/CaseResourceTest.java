package io.suiji.enforcement.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.contracts.CloudEventHeaders;
import io.suiji.contracts.catalog.MatterRevised;
import io.suiji.contracts.catalog.MatterState;
import io.suiji.contracts.enforcement.CaseSource;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.registry.EntityRegistered;
import io.suiji.contracts.testing.EventSchemas;
import io.suiji.enforcement.Caller;
import io.suiji.enforcement.Fixtures;
import io.suiji.enforcement.TestChannels;
import io.suiji.platform.testing.InMemoryChannels;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

/**
 * Targeted cases: opened with their source and hand-picked inspectors on the matter's current
 * version, recorded and confirmed by every assigned inspector as a drawn inspection is, with the
 * region the registry gives the target. Callers come from {@code @TestSecurity}; the catalogue and
 * registry events arrive through the in-memory connector (Kafka is beside the point here).
 */
@QuarkusTest
@WithTestResource(value = InMemoryChannels.class, initArgs = @ResourceArg(name = "incoming", value = TestChannels.INCOMING))
class CaseResourceTest {

    private static final Caller CITY = new Caller("sup-city", false, true, "410400", "劳动保障监察局（支队）");
    private static final Map<String, Object> BOTH_ANSWERED = Map.of("method", "ON_SITE", "findings", Map.of(
            "1", Map.of("result", "NON_COMPLIANT", "notes", "拖欠三名农民工工资"), "2", Map.of("result", "COMPLIANT")));
    private static final Map<String, Object> PENALTY = Map.of("outcome", "ADMINISTRATIVE_PENALTY", "penalty",
            Map.of("decisionNumber", "平人社监罚〔2020〕9号", "amount", 5000, "legalBasis", "《劳动保障监察条例》第二十六条"));

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    @Inject
    CaseService service;

    private static Map<String, Object> complaint(String region, List<String> inspectors) {
        return Map.of("source", "COMPLAINT", "sourceReference", "平人社投〔2020〕118号", "entityId", UUID.randomUUID().toString(),
                "region", region, "inspectorIds", inspectors);
    }

    /** A matter with two check items (method 现场检查 only), known to enforcement. */
    private String matter() {
        String code = Fixtures.id("M");
        Fixtures.publishMatter(connector, em, code, List.of("工资支付台账", "按月足额支付"));
        return code;
    }

    private CaseView openCase(String matterCode, List<String> inspectors) {
        return service.open(CITY, new CaseRequests.Open(CaseSource.REFERRAL, "豫人社转〔2020〕7号", UUID.randomUUID().toString(),
                "410402", matterCode, inspectors));
    }

    private String registered(String region) {
        String entityId = UUID.randomUUID().toString();
        connector.source("registry.entities").send(Fixtures.record(new EntityRegistered(Fixtures.entity(entityId, region))));
        Fixtures.await("entity " + entityId, () -> Fixtures.count(em,
                "select count(*) from registry_entity where id = ?1", entityId) == 1);
        return entityId;
    }

    private String payload(String type, String aggregateId) {
        return Fixtures.text(em, "select cast(payload as text) from outbox_event where event_type = ?1 and aggregate_id = ?2",
                "io.suiji.enforcement." + type + ".v1", aggregateId);
    }

    @Test
    @TestSecurity(user = "sup-city", roles = "supervisor",
            attributes = {@SecurityAttribute(key = "region", value = "410400"), @SecurityAttribute(key = "department", value = "劳动保障监察局（支队）")})
    void aSupervisorOpensACaseOnTheMattersCurrentVersionWithHandPickedInspectors() {
        String code = matter();
        MatterState revised = Fixtures.matter(code, List.of("工资支付台账", "按月足额支付", "农民工工资专用账户"));
        connector.source("catalog.matters").send(Fixtures.record(new MatterRevised(new MatterState(code, 2,
                revised.displayOrder(), revised.name(), revised.legalBases(), revised.targetTypes(), revised.checkItems(),
                revised.category(), revised.methods(), revised.ratio(), revised.frequency(), revised.levels(),
                revised.implementingBody(), revised.responsibleUnits(), revised.effectiveFrom(), revised.status(),
                revised.sourceDocument()), "增加农民工工资专用账户")));
        Fixtures.await("version 2", () -> Fixtures.count(em,
                "select count(*) from matter_check_items where code = ?1 and version = 2", code) == 1);
        Map<String, Object> body = new HashMap<>(complaint("410402", List.of(Fixtures.ZHANG, Fixtures.LI)));
        body.put("matterCode", code);

        String id = given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/cases").then().statusCode(201)
                .body("sourceLabel", equalTo("投诉举报"))
                .body("assignment", equalTo("MANUAL"))
                .body("assignedBy", equalTo("sup-city"))
                .body("status", equalTo("OPEN"))
                .body("matterVersion", equalTo(2))
                .body("checkItems", equalTo(List.of("1", "2", "3")))
                .body("items.text", equalTo(List.of("工资支付台账", "按月足额支付", "农民工工资专用账户")))
                .body("methods", equalTo(List.of("ON_SITE")))
                .body("unanswered", equalTo(List.of("1", "2", "3")))
                .body("group.inspectorId", equalTo(List.of(Fixtures.ZHANG, Fixtures.LI)))
                .body("group.confirmed", equalTo(List.of(false, false)))
                .extract().path("id");
        assertEquals(1, Fixtures.outbox(em, "CaseOpened", id));
        assertEquals(List.of(), EventSchemas.violations("io.suiji.enforcement.CaseOpened.v1", payload("CaseOpened", id)));
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
        Map<String, Object> unknownMatter = new HashMap<>(complaint("410402", List.of(Fixtures.ZHANG, Fixtures.LI)));
        unknownMatter.put("matterCode", Fixtures.id("NOPE"));
        given().contentType(ContentType.JSON).body(unknownMatter).post("/api/v1/cases").then().statusCode(422)
                .body("errors.field", equalTo(List.of("matterCode")));
        Map<String, Object> notAnId = new HashMap<>(complaint("410402", List.of(Fixtures.ZHANG, Fixtures.LI)));
        notAnId.put("entityId", "平顶山市某建筑劳务有限公司");
        given().contentType(ContentType.JSON).body(notAnId).post("/api/v1/cases").then().statusCode(422)
                .body("errors.field", equalTo(List.of("entityId")));
        given().contentType(ContentType.JSON).body(Map.of("source", "RUMOUR")).post("/api/v1/cases").then()
                .statusCode(422).body("errors[0].field", equalTo("source"));
        assertEquals(before, Fixtures.count(em, "select count(*) from targeted_case"));
    }

    @Test
    @TestSecurity(user = "sup-county", roles = "supervisor", attributes = @SecurityAttribute(key = "region", value = "410402"))
    void theCaseListIsPagedWithTheAssignmentListsBounds() {
        // The same bounds and the same answer as the assignment list, parameter by parameter.
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("size", 0), Map.of("size", 1001),
                Map.of("page", -1), Map.of("page", "two"), Map.of("status", "DONE"))) {
            int expected = given().queryParams(bad).get("/api/v1/assignments").then().extract().statusCode();
            assertTrue(expected == 400 || expected == 422, bad + " → " + expected);
            given().queryParams(bad).get("/api/v1/cases").then().statusCode(expected)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad.keySet().iterator().next()));
        }

        String pager = Fixtures.id("insp-pager");
        Caller inspector = Fixtures.inspector(pager);
        List<String> opened = List.of(openCase(null, List.of(pager, Fixtures.LI)).id().toString(),
                openCase(null, List.of(pager, Fixtures.LI)).id().toString(),
                openCase(null, List.of(pager, Fixtures.LI)).id().toString());
        List<String> first = service.list(inspector, null, 0, 2).stream().map(c -> c.id().toString()).toList();
        List<String> second = service.list(inspector, "open", 1, 2).stream().map(c -> c.id().toString()).toList();
        assertEquals(List.of(opened.get(2), opened.get(1)), first, "newest first");
        assertEquals(List.of(opened.get(0)), second);
        assertEquals(List.of(), service.list(inspector, "CLOSED", 0, 2));
    }

    @Test
    @TestSecurity(user = Fixtures.LI, roles = "inspector")
    void theAssignedInspectorsRecordTheCaseAndTheLastConfirmationClosesIt() {
        String id = openCase(matter(), List.of(Fixtures.ZHANG, Fixtures.LI)).id().toString();
        String path = "/api/v1/cases/" + id;
        given().get(path).then().statusCode(200).body("sourceLabel", equalTo("转办"))
                .body("items.text", equalTo(List.of("工资支付台账", "按月足额支付")));
        given().post(path + "/confirm").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("findings.1", "findings.2", "method", "outcome"));

        given().contentType(ContentType.JSON).body(Map.of("method", "DOCUMENT_REVIEW", "findings", BOTH_ANSWERED.get("findings")))
                .put(path + "/findings").then().statusCode(422)
                .body("errors.field", equalTo(List.of("method"))).body("errors[0].message", containsString("ON_SITE"));
        given().contentType(ContentType.JSON).body(Map.of("method", "ON_SITE", "findings", Map.of("3", Map.of("result", "COMPLIANT"))))
                .put(path + "/findings").then().statusCode(422).body("errors.field", equalTo(List.of("findings.3")));
        given().contentType(ContentType.JSON).body(Map.of("outcome", "ADMINISTRATIVE_PENALTY", "penalty", Map.of("amount", 5000)))
                .put(path + "/outcome").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("penalty.decisionNumber", "penalty.legalBasis"));
        assertEquals(0, Fixtures.count(em, "select count(*) from targeted_case where id = ?1 "
                + "and (method is not null or outcome is not null or cast(findings as text) <> '{}')", UUID.fromString(id)));

        given().contentType(ContentType.JSON).body(Map.of("method", "ON_SITE", "findings", Map.of("1", Map.of("result", "NON_COMPLIANT"))))
                .put(path + "/findings").then().statusCode(200).body("unanswered", equalTo(List.of("2")));
        given().contentType(ContentType.JSON).body(PENALTY).put(path + "/outcome").then().statusCode(200)
                .body("outcomeLabel", equalTo("行政处罚"));
        given().post(path + "/confirm").then().statusCode(422).body("errors.field", equalTo(List.of("findings.2")));

        given().contentType(ContentType.JSON).body(BOTH_ANSWERED).put(path + "/findings").then().statusCode(200)
                .body("unanswered", equalTo(List.of())).body("inspectedOn", equalTo(io.suiji.enforcement.Clock.today().toString()));
        given().post(path + "/confirm").then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("group.find { it.inspectorId == 'insp-li' }.confirmed", equalTo(true))
                .body("group.find { it.inspectorId == 'insp-zhang' }.confirmed", equalTo(false));
        assertEquals(0, Fixtures.outbox(em, "CaseClosed", id));

        CaseView closed = service.confirm(Fixtures.inspector(Fixtures.ZHANG), UUID.fromString(id));

        assertEquals("CLOSED", closed.status());
        assertEquals(Fixtures.ZHANG, closed.closedBy());
        assertEquals(1, Fixtures.outbox(em, "CaseClosed", id));
        assertEquals(1, Fixtures.outbox(em, "InspectionClosed", "case-" + id));
        String inspection = payload("InspectionClosed", "case-" + id);
        assertTrue(inspection.contains("\"caseId\":\"" + id + "\"") && inspection.contains("平人社监罚〔2020〕9号")
                && inspection.contains(Fixtures.ZHANG) && inspection.contains(Fixtures.LI), inspection);
        assertEquals(List.of(), EventSchemas.violations("io.suiji.enforcement.InspectionClosed.v1", inspection));
        assertEquals(List.of(), EventSchemas.violations("io.suiji.enforcement.CaseClosed.v1", payload("CaseClosed", id)));
        given().post(path + "/confirm").then().statusCode(409);
        given().contentType(ContentType.JSON).body(BOTH_ANSWERED).put(path + "/findings").then().statusCode(409);
    }

    @Test
    @TestSecurity(user = Fixtures.LI, roles = "inspector")
    void aWholeRecordSentAtOnceWithConfirmLeavesOnlyTheOtherInspectorsConfirmation() {
        String id = openCase(matter(), List.of(Fixtures.ZHANG, Fixtures.LI)).id().toString();
        Map<String, Object> whole = new java.util.HashMap<>(BOTH_ANSWERED);
        whole.put("outcome", "ADMINISTRATIVE_PENALTY");
        whole.put("confirm", true);
        given().contentType(ContentType.JSON).body(whole).put("/api/v1/cases/" + id + "/record").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("penalty.decisionNumber", "penalty.amount", "penalty.legalBasis"));
        whole.putAll(PENALTY);
        given().contentType(ContentType.JSON).body(whole).put("/api/v1/cases/" + id + "/record").then().statusCode(200)
                .body("status", equalTo("OPEN")).body("outcomeLabel", equalTo("行政处罚"))
                .body("unanswered", equalTo(List.of()))
                .body("group.find { it.inspectorId == 'insp-li' }.confirmed", equalTo(true))
                .body("group.find { it.inspectorId == 'insp-zhang' }.confirmed", equalTo(false));
        assertEquals(0, Fixtures.outbox(em, "CaseClosed", id));

        assertEquals("CLOSED", service.confirm(Fixtures.inspector(Fixtures.ZHANG), UUID.fromString(id)).status());
        assertEquals(1, Fixtures.outbox(em, "InspectionClosed", "case-" + id));
    }

    @Test
    @TestSecurity(user = Fixtures.LI, roles = "inspector")
    void aCaseWithoutAMatterNeedsAtLeastOneAnsweredItemAndAnyMethod() {
        String id = openCase(null, List.of(Fixtures.ZHANG, Fixtures.LI)).id().toString();
        given().contentType(ContentType.JSON).body(Map.of("outcome", "NO_PROBLEM")).put("/api/v1/cases/" + id + "/outcome")
                .then().statusCode(200);
        given().post("/api/v1/cases/" + id + "/confirm").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("findings", "method"));
        given().contentType(ContentType.JSON).body(Map.of("method", "DOCUMENT_REVIEW", "findings",
                        Map.of("1", Map.of("result", "COMPLIANT", "notes", "投诉事项查无实据"))))
                .put("/api/v1/cases/" + id + "/findings").then().statusCode(200)
                .body("checkItems", nullValue()).body("outcome", equalTo("NO_PROBLEM"));
    }

    @Test
    @TestSecurity(user = "insp-wang", roles = "inspector")
    void anInspectorNotAssignedCannotSeeOrRecordTheCase() {
        CaseView opened = openCase(null, List.of(Fixtures.ZHANG, Fixtures.LI));
        given().get("/api/v1/cases/" + opened.id()).then().statusCode(404);
        given().contentType(ContentType.JSON).body(BOTH_ANSWERED).put("/api/v1/cases/" + opened.id() + "/findings")
                .then().statusCode(404);
        given().post("/api/v1/cases/" + opened.id() + "/confirm").then().statusCode(404);
        given().contentType(ContentType.JSON).body(complaint("410402", List.of(Fixtures.ZHANG, Fixtures.LI)))
                .post("/api/v1/cases").then().statusCode(403);
        given().get("/api/v1/cases/" + UUID.randomUUID()).then().statusCode(404);
        given().post("/api/v1/cases/" + UUID.randomUUID() + "/confirm").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "insp-chen", roles = {"inspector", "supervisor"}, attributes = @SecurityAttribute(key = "region", value = "410400"))
    void someoneWhoSeesTheCaseButIsNotInItsGroupCannotRecordIt() {
        CaseView opened = openCase(null, List.of(Fixtures.ZHANG, Fixtures.LI));
        given().get("/api/v1/cases/" + opened.id()).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("outcome", Outcome.NO_PROBLEM.name()))
                .put("/api/v1/cases/" + opened.id() + "/outcome").then().statusCode(403)
                .contentType("application/problem+json");
        given().post("/api/v1/cases/" + opened.id() + "/confirm").then().statusCode(403);
        assertEquals(0, Fixtures.count(em, "select count(*) from targeted_case where id = ?1 and outcome is not null",
                opened.id()));
    }

    @Test
    @TestSecurity(user = "sup-city", roles = "supervisor", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void aKnownTargetsCaseLiesInTheTargetsRegion() {
        String entityId = registered("410403");
        given().contentType(ContentType.JSON).body(Map.of("source", "COMPLAINT", "sourceReference", "平人社投〔2020〕120号",
                        "entityId", entityId, "inspectorIds", List.of(Fixtures.ZHANG, Fixtures.LI)))
                .post("/api/v1/cases").then().statusCode(201).body("region", equalTo("410403"));
        given().contentType(ContentType.JSON).body(Map.of("source", "COMPLAINT", "sourceReference", "平人社投〔2020〕121号",
                        "entityId", entityId, "region", "410402", "inspectorIds", List.of(Fixtures.ZHANG, Fixtures.LI)))
                .post("/api/v1/cases").then().statusCode(422)
                .body("errors.field", equalTo(List.of("region")))
                .body("errors[0].message", containsString("410403"));
    }

    @Test
    @TestSecurity(user = "sup-county", roles = "supervisor", attributes = @SecurityAttribute(key = "region", value = "410402"))
    void aCountyCannotOpenACaseOnAnotherCountysTarget() {
        String foreign = registered("410403");
        long before = Fixtures.count(em, "select count(*) from targeted_case");
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("source", "COMPLAINT", "sourceReference", "平人社投〔2020〕122号", "entityId", foreign,
                        "region", "410402", "inspectorIds", List.of(Fixtures.ZHANG, Fixtures.LI)),
                Map.of("source", "COMPLAINT", "sourceReference", "平人社投〔2020〕122号", "entityId", foreign,
                        "inspectorIds", List.of(Fixtures.ZHANG, Fixtures.LI)))) {
            given().contentType(ContentType.JSON).body(body).post("/api/v1/cases").then().statusCode(404)
                    .body("type", equalTo("urn:suiji:problem:not-found"));
        }
        assertEquals(before, Fixtures.count(em, "select count(*) from targeted_case"));
    }

    @Test
    void registryEventsOfAnotherEnvironmentArePassedOver() {
        String other = UUID.randomUUID().toString();
        var record = Fixtures.record(new EntityRegistered(Fixtures.entity(other, "410403")));
        record.headers().add(new RecordHeader(CloudEventHeaders.SOURCE,
                "urn:suiji:registry-service-it".getBytes(StandardCharsets.UTF_8)));
        connector.source("registry.entities").send(record);
        // Same channel, in order: once the next event is applied, the other environment's has been seen.
        registered("410402");
        assertEquals(0, Fixtures.count(em, "select count(*) from registry_entity where id = ?1", other));
    }
}
