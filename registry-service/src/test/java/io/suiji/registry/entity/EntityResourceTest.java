package io.suiji.registry.entity;

import static io.restassured.RestAssured.given;
import static io.suiji.registry.Fixtures.entityJson;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.suiji.platform.testing.InMemoryChannels;
import io.suiji.registry.Fixtures;
import io.suiji.registry.identity.PersonalIds;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Component test: the entity registry on its real PostgreSQL test database, callers from
 * {@code @TestSecurity} with their {@code region} attribute, the outbox relay off (events are
 * checked in the outbox table).
 */
@QuarkusTest
@WithTestResource(value = InMemoryChannels.class, initArgs = @ResourceArg(name = "incoming", value = "enforcement.inspections"))
class EntityResourceTest {

    private static final String ENTITIES = "/api/v1/entities";

    @Inject
    EntityManager em;

    @Inject
    PersonalIds personalIds;

    @Inject
    EntityService service;

    static String register(String body) {
        return given().contentType("application/json").body(body).post(ENTITIES)
                .then().statusCode(201).extract().path("id");
    }

    // ---- register, read, events

    @Test
    @TestSecurity(user = "registrar-city", roles = "registrar", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void anEnterpriseIsRegisteredAndItsFullStateEvented() {
        String code = Fixtures.uscc();
        String id = given().contentType("application/json").body(entityJson(code, "平顶山市恒信人力资源有限公司", "410402", "人力资源服务机构"))
                .post(ENTITIES)
                .then().statusCode(201)
                .header("Location", containsString(ENTITIES + "/"))
                .body("code", equalTo(code))
                .body("codeKind", equalTo("USCC"))
                .body("codeLabel", equalTo("统一社会信用代码"))
                .body("regionName", equalTo("新华区"))
                .body("residentId", nullValue())
                .body("inspectionsThisYear", equalTo(0))
                .extract().path("id");
        given().get(ENTITIES + "/" + id).then().statusCode(200).body("name", equalTo("平顶山市恒信人力资源有限公司"))
                .body("targetTypes", equalTo(List.of("人力资源服务机构")));

        List<Object[]> events = Fixtures.outbox(em, id);
        assertEquals(1, events.size());
        assertEquals("io.suiji.registry.EntityRegistered.v1", events.get(0)[0]);
        JsonPath payload = JsonPath.from((String) events.get(0)[1]);
        assertEquals(code, payload.getString("entity.code"));
        assertEquals("410402", payload.getString("entity.region"));
        assertEquals(3, payload.getInt("entity.complaintsLast12Months"));
    }

    @Test
    @TestSecurity(user = "registrar-city", roles = "registrar", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void legacyCodesAreAcceptedAndLabelled() {
        given().contentType("application/json").body(entityJson(Fixtures.registrationNumber(), "郏县老字号饭店", "410425", "用人单位"))
                .post(ENTITIES).then().statusCode(201)
                .body("codeKind", equalTo("REGISTRATION_NUMBER"))
                .body("codeLabel", equalTo("注册号（旧，15位）"));
    }

    @Test
    @TestSecurity(user = "registrar-city", roles = "registrar", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void anIndividualIsEventedByKeyedHashAndShownInClearOnlyToRegistrars() {
        String idNumber = Fixtures.residentId();
        String id = given().contentType("application/json").body(entityJson(idNumber, "王秀英", "410402", "享受养老保险待遇人员"))
                .post(ENTITIES).then().statusCode(201)
                .body("codeKind", equalTo("RESIDENT_ID_HASH"))
                .body("code", equalTo(personalIds.hash(idNumber)))
                .body("residentId", equalTo(idNumber))
                .extract().path("id");

        String payload = (String) Fixtures.outbox(em, id).get(0)[1];
        assertFalse(payload.contains(idNumber), "the clear number never enters an event");
        assertFalse(payload.contains(idNumber.substring(6, 14)), "nor the birth date");
        assertTrue(payload.contains(personalIds.hash(idNumber)));
        Object stored = em.createNativeQuery("select count(*) from target_entity where id = cast(?1 as uuid) and "
                + "(code like ?2 or resident_id_masked like ?2 or encode(resident_id_sealed, 'escape') like ?2)")
                .setParameter(1, id).setParameter(2, "%" + idNumber.substring(6, 14) + "%").getSingleResult();
        assertEquals(0L, ((Number) stored).longValue(), "nor is it stored in clear");

        // found by its ID number, which is matched through the hash
        given().queryParam("q", idNumber).get(ENTITIES).then().statusCode(200).body("items.id", hasItem(id));
        // a duplicate registration of the same person is refused
        given().contentType("application/json").body(entityJson(idNumber, "王秀英", "410402", "享受养老保险待遇人员"))
                .post(ENTITIES).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:entity-exists"));
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void plannersSeeIndividualsMasked() {
        String idNumber = Fixtures.residentId();
        String id = seed(idNumber, "李桂兰", "410482", TargetTypes.PENSION_RECIPIENT);
        given().get(ENTITIES + "/" + id).then().statusCode(200)
                .body("residentId", equalTo(PersonalIds.mask(idNumber)))
                .body("code", equalTo(personalIds.hash(idNumber)))
                .body("codeLabel", equalTo("公民身份号码"));
        given().queryParam("q", idNumber).get(ENTITIES).then().statusCode(200)
                .body("items[0].residentId", equalTo(PersonalIds.mask(idNumber)));
    }

    // ---- validation

    @Test
    @TestSecurity(user = "registrar-city", roles = "registrar", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void aWrongCheckCharacterIs422NamingTheFieldAndTheExpectedCharacter() {
        String valid = Fixtures.uscc();
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        given().contentType("application/json").body(entityJson(valid.substring(0, 17) + wrong, "某公司", "410402", "企业"))
                .post(ENTITIES).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:validation-failed"))
                .body("errors[0].field", equalTo("code"))
                .body("errors[0].message", containsString("expected " + valid.charAt(17)));
    }

    @Test
    @TestSecurity(user = "registrar-city", roles = "registrar", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void everyBadFieldIsNamed() {
        given().contentType("application/json")
                .body("{\"code\":\"" + Fixtures.uscc() + "\",\"name\":\"\",\"targetTypes\":[\"个体户\"],\"region\":\"410300\"}")
                .post(ENTITIES).then().statusCode(422)
                .body("errors.field", equalTo(List.of("targetTypes", "name", "region")));
        given().contentType("application/json")
                .body("{\"code\":\"" + Fixtures.uscc() + "\",\"name\":\"x\",\"targetTypes\":[\"企业\"],\"region\":\"410402\",\"creditClass\":\"E\"}")
                .post(ENTITIES).then().statusCode(422).body("errors[0].field", equalTo("creditClass"));
    }

    // ---- update, deregister

    @Test
    @TestSecurity(user = "registrar-city", roles = "registrar", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void aLegacyCodeIsReplacedByTheUnifiedCodeAndDeregistrationIsFinal() {
        String id = register(entityJson(Fixtures.registrationNumber(), "叶县建材厂", "410422", "企业", "用人单位"));
        String uscc = Fixtures.uscc();
        given().contentType("application/json").body(entityJson(uscc, "叶县建材有限公司", "410422", "企业"))
                .put(ENTITIES + "/" + id).then().statusCode(200)
                .body("code", equalTo(uscc)).body("codeKind", equalTo("USCC")).body("name", equalTo("叶县建材有限公司"))
                .body("version", equalTo(1));
        given().contentType("application/json").body("{\"deregisteredOn\":\"2025-01-02\",\"reason\":\"已注销营业执照\"}")
                .post(ENTITIES + "/" + id + "/deregister").then().statusCode(200)
                .body("deregisteredOn", equalTo("2025-01-02"));
        given().contentType("application/json").body("{}").post(ENTITIES + "/" + id + "/deregister")
                .then().statusCode(409).body("type", equalTo("urn:suiji:problem:entity-deregistered"));
        given().contentType("application/json").body(entityJson(uscc, "x", "410422", "企业"))
                .put(ENTITIES + "/" + id).then().statusCode(409);

        List<Object[]> events = Fixtures.outbox(em, id);
        assertEquals(List.of("io.suiji.registry.EntityRegistered.v1", "io.suiji.registry.EntityUpdated.v1",
                "io.suiji.registry.EntityDeregistered.v1"), events.stream().map(e -> (String) e[0]).toList());
        assertEquals("2025-01-02", JsonPath.from((String) events.get(2)[1]).getString("entity.deregisteredOn"));

        given().queryParam("q", uscc).get(ENTITIES).then().body("items", org.hamcrest.Matchers.empty());
        given().queryParam("q", uscc).queryParam("status", "DEREGISTERED").get(ENTITIES).then().body("items.id", hasItem(id));
    }

    // ---- region scoping

    @Test
    @TestSecurity(user = "registrar-xinhua", roles = "registrar", attributes = @SecurityAttribute(key = "region", value = "410402"))
    void anotherCountysEntityDoesNotExistForACountyUser() {
        String name = "卫东区可见性测试" + System.nanoTime();
        String foreign = seed(Fixtures.uscc(), name, "410403", "企业");
        given().get(ENTITIES + "/" + foreign).then().statusCode(404).contentType("application/problem+json");
        given().contentType("application/json").body(entityJson(Fixtures.uscc(), name, "410402", "企业"))
                .put(ENTITIES + "/" + foreign).then().statusCode(404);
        given().contentType("application/json").body("{}").post(ENTITIES + "/" + foreign + "/deregister").then().statusCode(404);
        given().queryParam("q", name).get(ENTITIES).then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        given().queryParam("q", name).queryParam("region", "410403").get(ENTITIES).then().body("items", org.hamcrest.Matchers.empty());
        assertEquals(1, Fixtures.outbox(em, foreign).size(), "nothing happened to it");
    }

    @Test
    @TestSecurity(user = "registrar-xinhua", roles = "registrar", attributes = @SecurityAttribute(key = "region", value = "410402"))
    void aCountyRegistrarWorksInItsOwnRegionOnly() {
        String own = register(entityJson(Fixtures.uscc(), "新华区某公司", "410402", "企业"));
        given().get(ENTITIES + "/" + own).then().statusCode(200);
        given().contentType("application/json").body(entityJson(Fixtures.uscc(), "卫东区某公司", "410403", "企业"))
                .post(ENTITIES).then().statusCode(403).contentType("application/problem+json")
                .body("errors[0].field", equalTo("region"));
        // moving an own entity into another county is forbidden too
        given().contentType("application/json").body(entityJson(null, "新华区某公司", "410403", "企业").replace("\"code\":\"null\",", ""))
                .put(ENTITIES + "/" + own).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "registrar-city", roles = "registrar", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void theCitySeesEveryRegionAndSearchesPageByKeyset() {
        Set<String> ids = new HashSet<>();
        String prefix = "分页测试" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            ids.add(register(entityJson(Fixtures.uscc(), prefix + i, i % 2 == 0 ? "410402" : "410471", "企业")));
        }
        Set<String> seen = new HashSet<>();
        String after = null;
        int pages = 0;
        do {
            var request = given().queryParam("q", prefix).queryParam("size", 2);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.get(ENTITIES).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            after = page.getString("next");
            pages++;
        } while (after != null);
        assertEquals(ids, seen);
        assertEquals(3, pages);
        given().queryParam("q", prefix).queryParam("region", "410471").get(ENTITIES).then()
                .body("items.size()", equalTo(2)).body("items[0].regionName", equalTo("高新区"));
        given().queryParam("after", "garbage").get(ENTITIES).then().statusCode(400).body("errors[0].field", equalTo("after"));
        given().queryParam("creditClass", "Z").get(ENTITIES).then().statusCode(400).body("errors[0].field", equalTo("creditClass"));
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void plannersReadButDoNotWrite() {
        given().contentType("application/json").body(entityJson(Fixtures.uscc(), "某公司", "410402", "企业"))
                .post(ENTITIES).then().statusCode(403).contentType("application/problem+json");
        given().get(ENTITIES).then().statusCode(200).body("size", equalTo(50));
    }

    @Test
    @TestSecurity(user = "inspector-1", roles = "inspector", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void inspectorsDoNotBrowseTheRegistry() {
        given().get(ENTITIES).then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anonymousCallersAre401() {
        given().get(ENTITIES).then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/regions").then().statusCode(200).body("code", hasItem("410472"));
    }

    @Test
    @TestSecurity(user = "registrar-city", roles = "registrar", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void unknownIdsAre404() {
        given().get(ENTITIES + "/not-an-id").then().statusCode(404).contentType("application/problem+json");
        given().get(ENTITIES + "/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .body("detail", endsWith("does not exist"));
    }

    @Test
    @TestSecurity(user = "registrar-nowhere", roles = "registrar")
    void aCallerWithoutARegionSeesAndWritesNothing() {
        given().get(ENTITIES).then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        given().contentType("application/json").body(entityJson(Fixtures.uscc(), "某公司", "410402", "企业"))
                .post(ENTITIES).then().statusCode(403);
    }

    private String seed(String code, String name, String region, String... types) {
        EntityFacts facts = new EntityFacts(name, List.of(types), region, null, null, null, 0, false, false, true, null);
        return service.register(service.validate(code, facts), "fixture").id.toString();
    }
}
