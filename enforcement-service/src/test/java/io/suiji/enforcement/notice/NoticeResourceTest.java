package io.suiji.enforcement.notice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.SuijiEvent;
import io.suiji.contracts.registry.InspectorRegistered;
import io.suiji.contracts.registry.InspectorUpdated;
import io.suiji.enforcement.Fixtures;
import io.suiji.enforcement.TestChannels;
import io.suiji.enforcement.assignment.AssignmentService;
import io.suiji.platform.testing.InMemoryChannels;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 亮码检查: the notice of a started inspection carries the draw's proof link and the group's
 * certificate numbers from the inspector registry, and its QR code reads back as the same notice.
 */
@QuarkusTest
@WithTestResource(value = InMemoryChannels.class, initArgs = @ResourceArg(name = "incoming", value = TestChannels.INCOMING))
class NoticeResourceTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    @Inject
    AssignmentService service;

    @Test
    @TestSecurity(user = Fixtures.ZHANG, roles = "inspector")
    void theNoticeOfAStartedInspectionCarriesTheProofAndTheGroupsCertificates() throws Exception {
        register(new InspectorRegistered(Fixtures.registryInspector(Fixtures.ZHANG, "张三", "豫人社执字第0101号")));
        register(new InspectorRegistered(Fixtures.registryInspector(Fixtures.LI, "李四", "豫人社执字第0102号")));
        String drawId = Fixtures.id("draw");
        UUID id = Fixtures.draw(connector, em, drawId, Fixtures.id("task"), 1, Fixtures.COUNTY).get(0);
        String notice = "/api/v1/assignments/" + id + "/notice";

        given().get(notice).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:assignment-not-started"));
        given().post("/api/v1/assignments/" + id + "/start").then().statusCode(200);

        String json = given().get(notice).then().statusCode(200)
                .body("kind", equalTo(InspectionNotice.KIND))
                .body("proofUrl", equalTo("http://127.0.0.1:8083/api/v1/draws/" + drawId + "/proof"))
                .body("inspectors.id", equalTo(List.of(Fixtures.ZHANG, Fixtures.LI)))
                .body("inspectors.certificateNumber", equalTo(List.of("豫人社执字第0101号", "豫人社执字第0102号")))
                .extract().asString();
        byte[] png = given().get(notice + "/qr.png").then().statusCode(200).contentType("image/png")
                .extract().asByteArray();

        JsonNode scanned = EventJson.mapper().readTree(QrCodeTest.decode(png));
        assertEquals(EventJson.mapper().readTree(json), scanned);
        assertEquals(id.toString(), scanned.get("assignmentId").asText());
        assertEquals("张三", scanned.get("inspectors").get(0).get("name").asText());
    }

    @Test
    @TestSecurity(user = Fixtures.ZHANG, roles = "inspector")
    void aMemberWithoutAKnownCertificateIsNamedAndNoNoticeIsIssued() {
        String unknown = Fixtures.id("insp");
        String uncertified = Fixtures.id("insp");
        register(new InspectorRegistered(Fixtures.registryInspector(Fixtures.ZHANG, "张三", "豫人社执字第0101号")));
        register(new InspectorRegistered(Fixtures.registryInspector(uncertified, "赵六", null)));
        UUID id = Fixtures.draw(connector, em, Fixtures.id("draw"), Fixtures.id("task"), 1, Fixtures.COUNTY,
                List.of(Fixtures.ZHANG, uncertified, unknown)).get(0);
        service.start(Fixtures.inspector(Fixtures.ZHANG), id, null);

        given().get("/api/v1/assignments/" + id + "/notice/qr.png").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:certificate-unknown"))
                .body("errors.field", containsInAnyOrder("group." + uncertified + ".certificateNumber", "group." + unknown));

        // The registry issues the certificate and learns of the third member: the notice follows.
        register(new InspectorUpdated(Fixtures.registryInspector(uncertified, "赵六", "豫人社执字第0106号")));
        register(new InspectorRegistered(Fixtures.registryInspector(unknown, "钱七", "豫人社执字第0107号")));
        given().get("/api/v1/assignments/" + id + "/notice").then().statusCode(200)
                .body("inspectors.certificateNumber", equalTo(List.of("豫人社执字第0101号", "豫人社执字第0106号",
                        "豫人社执字第0107号")));
    }

    @Test
    @TestSecurity(user = "sup-city", roles = "supervisor", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void staffOfTheRegionReadTheNoticeAndOthersLearnNothing() {
        register(new InspectorRegistered(Fixtures.registryInspector(Fixtures.ZHANG, "张三", "豫人社执字第0101号")));
        register(new InspectorRegistered(Fixtures.registryInspector(Fixtures.LI, "李四", "豫人社执字第0102号")));
        String taskId = Fixtures.id("task");
        UUID id = Fixtures.draw(connector, em, Fixtures.id("draw"), taskId, 1, Fixtures.COUNTY).get(0);
        UUID elsewhere = Fixtures.draw(connector, em, Fixtures.id("draw"), taskId, 1, "411100").get(0);
        service.start(Fixtures.inspector(Fixtures.LI), id, null);
        service.start(Fixtures.inspector(Fixtures.LI), elsewhere, null);

        given().get("/api/v1/assignments/" + id + "/notice").then().statusCode(200)
                .body("entityId", containsString("entity-"));
        given().get("/api/v1/assignments/" + elsewhere + "/notice").then().statusCode(404);
        given().get("/api/v1/assignments/" + UUID.randomUUID() + "/notice/qr.png").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private void register(SuijiEvent event) {
        Fixtures.registerInspector(connector, em, event);
    }
}
