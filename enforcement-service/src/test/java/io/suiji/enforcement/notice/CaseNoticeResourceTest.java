package io.suiji.enforcement.notice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.enforcement.CaseSource;
import io.suiji.contracts.registry.InspectorRegistered;
import io.suiji.enforcement.Caller;
import io.suiji.enforcement.Clock;
import io.suiji.enforcement.Fixtures;
import io.suiji.enforcement.TestChannels;
import io.suiji.enforcement.cases.CaseRequests;
import io.suiji.enforcement.cases.CaseService;
import io.suiji.platform.testing.InMemoryChannels;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 亮码检查 of a targeted case: started by an assigned inspector as an assignment is, after which its
 * notice names the case's source and who assigned the inspectors (there is no draw proof), with the
 * inspectors' certificate numbers; its QR code reads back as the same notice. Callers come from
 * {@code @TestSecurity}; the registry's inspectors arrive through the in-memory connector.
 */
@QuarkusTest
@WithTestResource(value = InMemoryChannels.class, initArgs = @ResourceArg(name = "incoming", value = TestChannels.INCOMING))
class CaseNoticeResourceTest {

    private static final Caller CITY = new Caller("sup-city", false, true, "410400", "劳动保障监察局（支队）");

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    @Inject
    CaseService cases;

    private UUID complaint(List<String> inspectors) {
        return cases.open(CITY, new CaseRequests.Open(CaseSource.COMPLAINT, "平人社投〔2020〕118号",
                UUID.randomUUID().toString(), "410402", null, inspectors)).id();
    }

    private void certified() {
        Fixtures.registerInspector(connector, em, new InspectorRegistered(
                Fixtures.registryInspector(Fixtures.ZHANG, "张三", "豫人社执字第0101号")));
        Fixtures.registerInspector(connector, em, new InspectorRegistered(
                Fixtures.registryInspector(Fixtures.LI, "李四", "豫人社执字第0102号")));
    }

    private long audited(UUID id, String action) {
        return Fixtures.count(em, "select count(*) from audit_log where target_type = 'case' and target_id = ?1 "
                + "and action = ?2", id.toString(), action);
    }

    @Test
    @TestSecurity(user = Fixtures.LI, roles = "inspector")
    void theNoticeOfAStartedCaseNamesItsSourceAndWhoAssignedTheInspectors() throws Exception {
        certified();
        UUID id = complaint(List.of(Fixtures.ZHANG, Fixtures.LI));
        String path = "/api/v1/cases/" + id;

        given().get(path + "/notice").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:case-not-started"));
        given().get(path + "/notice/qr.png").then().statusCode(409);

        given().post(path + "/start").then().statusCode(200)
                .body("startedBy", equalTo(Fixtures.LI)).body("startedOn", equalTo(Clock.today().toString()));
        given().post(path + "/start").then().statusCode(200).body("startedBy", equalTo(Fixtures.LI));
        assertEquals(1, audited(id, "case.started"), "starting again is not a second start");

        String json = given().get(path + "/notice").then().statusCode(200)
                .body("kind", equalTo(CaseNotice.KIND))
                .body("caseId", equalTo(id.toString()))
                .body("source", equalTo("COMPLAINT"))
                .body("sourceLabel", equalTo("投诉举报"))
                .body("sourceReference", equalTo("平人社投〔2020〕118号"))
                .body("assignment", equalTo("MANUAL"))
                .body("assignedBy", equalTo("sup-city"))
                .body("startedOn", equalTo(Clock.today().toString()))
                .body("inspectors.id", equalTo(List.of(Fixtures.ZHANG, Fixtures.LI)))
                .body("inspectors.certificateNumber", equalTo(List.of("豫人社执字第0101号", "豫人社执字第0102号")))
                .extract().asString();
        byte[] png = given().get(path + "/notice/qr.png").then().statusCode(200).contentType("image/png")
                .extract().asByteArray();

        JsonNode scanned = EventJson.mapper().readTree(QrCodeTest.decode(png));
        assertEquals(EventJson.mapper().readTree(json), scanned);
        assertFalse(scanned.has("proofUrl"), "a case has no draw to prove");
        assertEquals("李四", scanned.get("inspectors").get(1).get("name").asText());
    }

    @Test
    @TestSecurity(user = Fixtures.LI, roles = "inspector")
    void recordingStartsTheCaseAsForAnAssignmentAndAClosedCaseCannotBeStartedAgain() {
        certified();
        UUID id = complaint(List.of(Fixtures.ZHANG, Fixtures.LI));
        String path = "/api/v1/cases/" + id;

        given().contentType(ContentType.JSON).body(Map.of("method", "ON_SITE", "findings",
                        Map.of("1", Map.of("result", "COMPLIANT", "notes", "投诉事项查无实据"))))
                .put(path + "/findings").then().statusCode(200)
                .body("startedBy", equalTo(Fixtures.LI)).body("startedOn", equalTo(Clock.today().toString()));
        given().get(path + "/notice").then().statusCode(200).body("startedOn", equalTo(Clock.today().toString()));
        given().contentType(ContentType.JSON).body(Map.of("outcome", "NO_PROBLEM")).put(path + "/outcome")
                .then().statusCode(200);
        given().post(path + "/confirm").then().statusCode(200);
        cases.confirm(Fixtures.inspector(Fixtures.ZHANG), id);

        given().post(path + "/start").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:case-closed"));
        // The notice outlives the visit, so that the target can still check it afterwards.
        given().get(path + "/notice").then().statusCode(200).body("caseId", equalTo(id.toString()));
    }

    @Test
    @TestSecurity(user = Fixtures.LI, roles = "inspector")
    void anInspectorWithoutAKnownCertificateIsNamedAndNoNoticeIsIssued() {
        String unknown = Fixtures.id("insp");
        String uncertified = Fixtures.id("insp");
        certified();
        Fixtures.registerInspector(connector, em, new InspectorRegistered(
                Fixtures.registryInspector(uncertified, "赵六", null)));
        UUID id = complaint(List.of(Fixtures.LI, uncertified, unknown));
        given().post("/api/v1/cases/" + id + "/start").then().statusCode(200);

        for (String notice : List.of("/notice", "/notice/qr.png")) {
            given().get("/api/v1/cases/" + id + notice).then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:suiji:problem:certificate-unknown"))
                    .body("errors.field", containsInAnyOrder("group." + uncertified + ".certificateNumber",
                            "group." + unknown));
        }
    }

    @Test
    @TestSecurity(user = "insp-wang", roles = "inspector")
    void anInspectorNotAssignedLearnsNothingOfTheCase() {
        certified();
        UUID id = complaint(List.of(Fixtures.ZHANG, Fixtures.LI));
        cases.start(Fixtures.inspector(Fixtures.ZHANG), id);

        given().get("/api/v1/cases/" + id + "/notice").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/cases/" + id + "/notice/qr.png").then().statusCode(404);
        given().post("/api/v1/cases/" + id + "/start").then().statusCode(404);
        given().get("/api/v1/cases/" + UUID.randomUUID() + "/notice").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "insp-chen", roles = {"inspector", "supervisor"}, attributes = @SecurityAttribute(key = "region", value = "410400"))
    void staffOfTheRegionReadTheNoticeButOnlyTheAssignedInspectorsStartTheCase() {
        certified();
        UUID id = complaint(List.of(Fixtures.ZHANG, Fixtures.LI));

        given().post("/api/v1/cases/" + id + "/start").then().statusCode(403).contentType("application/problem+json");
        assertEquals(0, audited(id, "case.started"));
        cases.start(Fixtures.inspector(Fixtures.ZHANG), id);
        given().get("/api/v1/cases/" + id + "/notice").then().statusCode(200)
                .body("inspectors.id", equalTo(List.of(Fixtures.ZHANG, Fixtures.LI)));
    }
}
