package io.suiji.registry.inspector;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.suiji.contracts.registry.InspectorStatus;
import io.suiji.platform.testing.InMemoryChannels;
import io.suiji.registry.Fixtures;
import io.suiji.registry.entity.EntityFacts;
import io.suiji.registry.entity.EntityService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = InMemoryChannels.class, initArgs = @ResourceArg(name = "incoming", value = "enforcement.inspections"))
class InspectorResourceTest {

    private static final String INSPECTORS = "/api/v1/inspectors";

    @Inject
    EntityManager em;

    @Inject
    EntityService entities;

    @Inject
    InspectorService service;

    private static String certificate() {
        return "4104" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }

    private static String body(String name, String certificate, String region, String extra) {
        return """
                {"name":"%s","certificateNumber":"%s","department":"劳动保障监察局（支队）","region":"%s",
                 "expertise":["用人单位","劳务派遣单位和用工单位"]%s}""".formatted(name, certificate, region, extra);
    }

    private String entity(String region) {
        return entities.register(entities.validate(Fixtures.uscc(), new EntityFacts("利害关系测试公司", List.of("企业"), region,
                null, null, null, 0, false, false, true, null)), "fixture").id.toString();
    }

    @Test
    @TestSecurity(user = "registrar-city", roles = "registrar", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void anInspectorGoesOnLeaveDeclaresAConflictAndRetires() {
        String cert = certificate();
        String id = given().contentType("application/json").body(body("张伟", cert, "410400", ""))
                .post(INSPECTORS).then().statusCode(201)
                .body("certified", equalTo(true)).body("status", equalTo("ACTIVE")).body("regionName", equalTo("平顶山市"))
                .extract().path("id");
        String former = entity("410402");
        given().contentType("application/json")
                .body(body("张伟", cert, "410400", """
                        ,"status":"ON_LEAVE","leaves":[{"from":"2020-01-01","to":"2099-12-31"}]"""))
                .put(INSPECTORS + "/" + id).then().statusCode(200)
                .body("status", equalTo("ON_LEAVE")).body("onLeaveToday", equalTo(true));
        given().contentType("application/json").body("{\"entityId\":\"" + former + "\",\"reason\":\"原工作单位\",\"declaredOn\":\"2024-05-01\"}")
                .post(INSPECTORS + "/" + id + "/conflicts").then().statusCode(200)
                .body("conflicts[0].entityId", equalTo(former)).body("conflicts[0].reason", equalTo("原工作单位"));
        given().contentType("application/json").body("{\"retiredOn\":\"2025-01-31\",\"reason\":\"退休\"}")
                .post(INSPECTORS + "/" + id + "/retire").then().statusCode(200).body("status", equalTo("RETIRED"));
        given().contentType("application/json").body("{}").post(INSPECTORS + "/" + id + "/retire")
                .then().statusCode(409).body("type", equalTo("urn:suiji:problem:inspector-retired"));

        List<Object[]> events = Fixtures.outbox(em, id);
        assertEquals(List.of("io.suiji.registry.InspectorRegistered.v1", "io.suiji.registry.InspectorUpdated.v1",
                "io.suiji.registry.InspectorUpdated.v1", "io.suiji.registry.InspectorRetired.v1"),
                events.stream().map(e -> (String) e[0]).toList());
        JsonPath retired = JsonPath.from((String) events.get(3)[1]);
        assertEquals("RETIRED", retired.getString("inspector.status"));
        assertEquals(former, retired.getString("inspector.conflicts[0].entityId"));
        assertEquals("2099-12-31", retired.getString("inspector.leaves[0].to"));
    }

    @Test
    @TestSecurity(user = "registrar-city", roles = "registrar", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void badInputIsNamedAndCertificatesAreUnique() {
        given().contentType("application/json")
                .body(body("", "证1", "410499", """
                        ,"leaves":[{"from":"2025-05-10","to":"2025-05-01"}],"conflicts":[{"entityId":"00000000-0000-0000-0000-000000000000","reason":"亲属"}]"""))
                .post(INSPECTORS).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("name", "certificateNumber", "region", "leaves[0]", "conflicts[0].entityId")))
                .body("errors[4].message", containsString("no entity"));
        String cert = certificate();
        given().contentType("application/json").body(body("赵敏", cert, "410402", "")).post(INSPECTORS).then().statusCode(201);
        given().contentType("application/json").body(body("钱芳", cert.toLowerCase(), "410402", "")).post(INSPECTORS)
                .then().statusCode(409).body("type", equalTo("urn:suiji:problem:certificate-in-use"));
        given().contentType("application/json").body(body("孙丽", certificate(), "410402", ",\"status\":\"SLEEPING\""))
                .post(INSPECTORS).then().statusCode(422).body("errors[0].field", equalTo("status"));
    }

    @Test
    @TestSecurity(user = "registrar-lushan", roles = "registrar", attributes = @SecurityAttribute(key = "region", value = "410423"))
    void countyRegistrarsSeeTheirOwnInspectorsOnly() {
        String foreign = service.register(new InspectorFacts("周杰", certificate(), "劳动关系科", "410400", List.of(),
                InspectorStatus.ACTIVE, List.of(), List.of()), "fixture").id.toString();
        given().get(INSPECTORS + "/" + foreign).then().statusCode(404).contentType("application/problem+json");
        given().contentType("application/json").body("{}").post(INSPECTORS + "/" + foreign + "/retire").then().statusCode(404);
        String own = given().contentType("application/json").body(body("吴刚", certificate(), "410423", "")).post(INSPECTORS)
                .then().statusCode(201).extract().path("id");
        given().contentType("application/json").body(body("郑好", certificate(), "410400", "")).post(INSPECTORS)
                .then().statusCode(403).body("errors[0].field", equalTo("region"));
        JsonPath page = given().queryParam("size", 500).get(INSPECTORS).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("410423"), page.getList("items.region", String.class).stream().distinct().toList());
        given().queryParam("q", "吴刚").queryParam("expertise", "用人单位").queryParam("certified", "true")
                .get(INSPECTORS).then().body("items.id", hasItem(own));
    }

    @Test
    @TestSecurity(user = "auditor-city", roles = "auditor", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void auditorsReadButDoNotWrite() {
        given().get(INSPECTORS).then().statusCode(200);
        given().contentType("application/json").body(body("某某", certificate(), "410400", "")).post(INSPECTORS)
                .then().statusCode(403).contentType("application/problem+json");
    }
}
