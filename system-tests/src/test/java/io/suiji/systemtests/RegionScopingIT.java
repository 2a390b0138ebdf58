package io.suiji.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.suiji.demo.YearDemo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #9's region scoping with real tokens: a 新华区 (410402) user neither reads nor changes the
 * records of another county or of the city — through lists, searches, direct ids (404, so that
 * existence does not leak), downloads and the audit trail — in every service, while the city's
 * (410400) users see them all.
 *
 * <p>The data is the demo's year at system-test size (entities and inspectors in every county, the
 * city's plan, draws, assignments and disclosures): played here unless an earlier test of the run
 * (FullFlowIT) has played it. The realm has no county publisher, supervisor or auditor, so the test
 * adds three such accounts through Keycloak's admin API, as the realm's README advises for tests.
 */
@ExtendWith(Suite.class)
class RegionScopingIT {

    static final String COUNTY = "410402";
    static final String OTHER_COUNTY = "410403";
    static final String COUNTY_DEPARTMENT = "新华区人力资源和社会保障局";
    static final String COUNTY_PUBLISHER = "it-scope-publisher-410402";
    static final String COUNTY_SUPERVISOR = "it-scope-supervisor-410402";
    static final String COUNTY_AUDITOR = "it-scope-auditor-410402";

    @BeforeAll
    static void aYearOfDataInEveryCounty() throws Exception {
        boolean played = given().get(Suite.sampling().url() + "/api/v1/plans").jsonPath()
                .getList("findAll { it.status == 'PUBLISHED' && it.region == '410400' }").size() > 0;
        if (!played) {
            new YearDemo(FullFlowIT.smallYear()).run();
        }
        provisionCountyAccounts();
    }

    @Test
    void registryEntitiesInspectorsAndImportsOfOtherRegionsAreInvisibleToACounty() {
        String registry = Suite.service("registry-service").url();
        JsonPath entity = get("registrar-city", registry + "/api/v1/entities?region=" + OTHER_COUNTY + "&size=1")
                .jsonPath().setRootPath("items[0]");
        String entityId = entity.getString("id");
        assertTrue(entityId != null, "the year's registry has an entity in 卫东区");
        Map<String, Object> inspector = get("registrar-city", registry + "/api/v1/inspectors?size=500").jsonPath()
                .<Map<String, Object>>getList("items").stream().filter(i -> !COUNTY.equals(i.get("region"))).findFirst()
                .orElseThrow(() -> new AssertionError("the year's registry has inspectors outside 新华区"));
        String inspectorId = (String) inspector.get("id");

        for (String user : List.of("registrar-xinhua", "planner-xinhua")) {
            Response own = get(user, registry + "/api/v1/entities?size=500");
            assertOnlyCounty(own, "items", "region", user + " entities");
            assertFalse(own.jsonPath().getList("items").isEmpty(), user + " sees 新华区's own entities");
            assertOnlyCounty(get(user, registry + "/api/v1/inspectors?size=500"), "items", "region", user + " inspectors");
            assertEquals(List.of(), get(user, registry + "/api/v1/entities?region=" + OTHER_COUNTY).jsonPath()
                    .getList("items"), user + " filtering on another county");
            assertFalse(ids(get(user, registry + "/api/v1/entities?q=" + entity.getString("name")), "items")
                    .contains(entityId), user + " searching the other county's entity by name");
            assertFalse(ids(get(user, registry + "/api/v1/inspectors?q=" + inspector.get("certificateNumber")),
                    "items").contains(inspectorId), user + " searching the other region's inspector by certificate");
            assertEquals(404, get(user, registry + "/api/v1/entities/" + entityId).statusCode(), user);
            assertEquals(404, get(user, registry + "/api/v1/inspectors/" + inspectorId).statusCode(), user);
        }
        String registrar = "registrar-xinhua";
        assertEquals(404, write(registrar, "PUT", registry + "/api/v1/entities/" + entityId,
                Map.of("name", "改名", "region", COUNTY)).statusCode(), "changing another county's entity");
        assertEquals(404, write(registrar, "POST", registry + "/api/v1/entities/" + entityId + "/deregister",
                Map.of("reason", "注销")).statusCode());
        assertEquals(404, write(registrar, "POST", registry + "/api/v1/inspectors/" + inspectorId + "/retire",
                Map.of("reason", "退休")).statusCode());

        String jobId = get("registrar-city", registry + "/api/v1/imports").jsonPath().getString("[0].id");
        assertTrue(jobId != null, "the city's registrar imported the registry");
        assertFalse(ids(get(registrar, registry + "/api/v1/imports?size=200"), "").contains(jobId));
        assertEquals(404, get(registrar, registry + "/api/v1/imports/" + jobId).statusCode());
        assertEquals(404, get(registrar, registry + "/api/v1/imports/" + jobId + "/rejections").statusCode(),
                "the city's rejected rows as CSV");

        assertEquals(200, get("planner-city", registry + "/api/v1/entities/" + entityId).statusCode());
        assertEquals(200, get("registrar-city", registry + "/api/v1/inspectors/" + inspectorId).statusCode());
        assertEquals(200, get("registrar-city", registry + "/api/v1/imports/" + jobId).statusCode());
    }

    @Test
    void samplingDraftPlansAndDrawExclusionsOfOtherRegionsAreInvisibleToACounty() {
        String sampling = Suite.sampling().url();
        Response draft = write("planner-city", "POST", sampling + "/api/v1/plans", Map.of("year", 2099,
                "title", "卫东区 2099 年度双随机抽查计划（草案）", "region", OTHER_COUNTY, "tasks", List.of()));
        assertEquals(201, draft.statusCode(), draft.asString());
        String planId = draft.path("id");

        // Published plans and draws are public (DESIGN §6): the county sees them as anyone does.
        assertEquals(404, get("planner-xinhua", sampling + "/api/v1/plans/" + planId).statusCode());
        assertFalse(ids(get("planner-xinhua", sampling + "/api/v1/plans?year=2099"), "").contains(planId));
        assertEquals(404, write("planner-xinhua", "PUT", sampling + "/api/v1/plans/" + planId,
                Map.of("title", "改")).statusCode(), "changing another county's draft");
        assertEquals(404, write("planner-xinhua", "POST", sampling + "/api/v1/plans/" + planId + "/publish", Map.of())
                .statusCode());
        assertEquals(200, get("planner-city", sampling + "/api/v1/plans/" + planId).statusCode());
        assertTrue(ids(get("planner-city", sampling + "/api/v1/plans?year=2099"), "").contains(planId));

        String drawId = given().get(sampling + "/api/v1/draws").jsonPath()
                .getString("find { it.status == 'COMPLETED' && it.region == '410400' }.id");
        assertTrue(drawId != null, "the city's year has a completed draw");
        assertEquals(404, get("planner-xinhua", sampling + "/api/v1/draws/" + drawId + "/exclusions").statusCode(),
                "the entities left out of the city's draw");
        assertEquals(200, get("planner-city", sampling + "/api/v1/draws/" + drawId + "/exclusions").statusCode());
        int cancel = write("planner-xinhua", "POST", sampling + "/api/v1/draws/" + drawId + "/cancel",
                Map.of("reason", "县级撤销市级抽取")).statusCode();
        assertTrue(cancel == 403 || cancel == 404, "a county cancelling the city's (public) draw: " + cancel);
    }

    @Test
    void enforcementAssignmentsCasesAndProgressOfOtherRegionsAreInvisibleToACounty() {
        String enforcement = Suite.service("enforcement-service").url();
        List<Map<String, Object>> all = get("planner-city", enforcement + "/api/v1/assignments?size=1000").jsonPath()
                .getList("");
        Map<String, Object> foreign = all.stream().filter(a -> !COUNTY.equals(a.get("entityRegion"))).findFirst()
                .orElseThrow(() -> new AssertionError("the city has assignments outside 新华区"));
        long inCounty = all.stream().filter(a -> COUNTY.equals(a.get("entityRegion"))).count();
        String foreignId = (String) foreign.get("id");

        Response county = get("planner-xinhua", enforcement + "/api/v1/assignments?size=1000");
        assertOnlyCounty(county, "", "entityRegion", "planner-xinhua assignments");
        assertEquals(inCounty, county.jsonPath().getList("").size(), "the county sees every one of its own");
        for (String path : List.of("", "/notice", "/notice/qr.png", "/evidence")) {
            assertEquals(404, get("planner-xinhua", enforcement + "/api/v1/assignments/" + foreignId + path).statusCode(),
                    "planner-xinhua " + path);
        }
        assertEquals(404, get("inspector-xinhua-1", enforcement + "/api/v1/assignments/" + foreignId).statusCode(),
                "an inspector outside the group");
        assertEquals(404, write("inspector-xinhua-1", "POST", enforcement + "/api/v1/assignments/" + foreignId + "/start",
                Map.of()).statusCode());
        assertEquals(200, get("planner-city", enforcement + "/api/v1/assignments/" + foreignId).statusCode());

        long countyInProgress = get("planner-xinhua", enforcement + "/api/v1/progress").jsonPath()
                .<Number>getList("total").stream().mapToLong(Number::longValue).sum();
        assertEquals(inCounty, countyInProgress, "progress counts the county's assignments only");

        String entityId = get("registrar-city", Suite.service("registry-service").url() + "/api/v1/entities?region="
                + OTHER_COUNTY + "&size=1").path("items[0].id");
        Response opened = write("planner-city", "POST", enforcement + "/api/v1/cases", Map.of("source", "COMPLAINT",
                "sourceReference", "IT-" + UUID.randomUUID(), "entityId", entityId,
                "region", OTHER_COUNTY, "inspectorIds", List.of("it-scope-a", "it-scope-b")));
        assertEquals(201, opened.statusCode(), opened.asString());
        String caseId = opened.path("id");
        assertEquals(404, get("planner-xinhua", enforcement + "/api/v1/cases/" + caseId).statusCode());
        assertOnlyCounty(get("planner-xinhua", enforcement + "/api/v1/cases"), "", "region", "planner-xinhua cases");
        assertEquals(200, get("supervisor-city", enforcement + "/api/v1/cases/" + caseId).statusCode());
        assertTrue(ids(get("planner-city", enforcement + "/api/v1/cases"), "").contains(caseId));
    }

    @Test
    void publicationDisclosuresAndDashboardRowsOfOtherRegionsAreInvisibleToACounty() {
        String publication = Suite.service("publication-service").url();
        List<Map<String, Object>> cityDisclosures = get("publisher-city", publication + "/api/v1/disclosures")
                .jsonPath().getList("");
        assertFalse(cityDisclosures.isEmpty(), "the city's year has disclosures");
        String disclosureId = (String) cityDisclosures.get(0).get("id");

        assertOnlyCounty(get(COUNTY_PUBLISHER, publication + "/api/v1/disclosures"), "", "region", "county publisher");
        assertEquals(404, get(COUNTY_PUBLISHER, publication + "/api/v1/disclosures/" + disclosureId).statusCode());
        assertEquals(404, write(COUNTY_PUBLISHER, "POST", publication + "/api/v1/disclosures/" + disclosureId + "/publish",
                Map.of()).statusCode(), "publishing the city's disclosure");
        assertEquals(404, write(COUNTY_PUBLISHER, "PUT", publication + "/api/v1/disclosures/" + disclosureId
                + "/items/" + UUID.randomUUID() + "/exemption", Map.of("exempt", false)).statusCode());
        assertEquals(200, get("publisher-city", publication + "/api/v1/disclosures/" + disclosureId).statusCode());

        String year = ((String) cityDisclosures.get(0).get("completedOn")).substring(0, 4);
        JsonPath city = get("supervisor-city", publication + "/api/v1/dashboard?year=" + year).jsonPath();
        assertTrue(city.getList("rows.region").contains("410400"), "the city's dashboard has the city's row");
        Response county = get(COUNTY_SUPERVISOR, publication + "/api/v1/dashboard?year=" + year);
        assertOnlyCounty(county, "rows", "region", "county dashboard rows");
        assertOnlyCounty(county, "overdue", "region", "county dashboard overdue list");
    }

    @Test
    void auditTrailEntriesOfOtherRegionsAreInvisibleToACountyAuditor() {
        String sampling = Suite.sampling().url();
        Response draft = write("planner-xinhua", "POST", sampling + "/api/v1/plans", Map.of("year", 2098,
                "title", "新华区 2098 年度双随机抽查计划（草案）", "region", COUNTY, "tasks", List.of()));
        assertEquals(201, draft.statusCode(), draft.asString());
        String planId = draft.path("id");

        Response county = get(COUNTY_AUDITOR, sampling + "/api/v1/audit?limit=1000");
        assertOnlyCounty(county, "", "region", "county auditor's audit entries");
        assertTrue(county.jsonPath().getList("targetId").contains(planId), "the county sees its own planner's write");
        List<String> cityRegions = get("auditor-city", sampling + "/api/v1/audit?limit=1000").jsonPath().getList("region");
        assertTrue(cityRegions.contains("410400"), "the city's auditor sees the city's entries: " + cityRegions);

        // The verification walks every entry; the county learns the verdict, not other rows' content.
        JsonPath verdict = get(COUNTY_AUDITOR, sampling + "/api/v1/audit/verify").jsonPath();
        assertTrue(verdict.getBoolean("valid"), verdict.prettify());
        assertTrue(verdict.getLong("entries") >= cityRegions.size(), verdict.prettify());
    }

    /** Every item of the list at {@code root} lies in 新华区. */
    private static void assertOnlyCounty(Response response, String root, String field, String what) {
        assertEquals(200, response.statusCode(), what + ": " + response.asString());
        List<String> regions = response.jsonPath().getList(root.isEmpty() ? field : root + "." + field);
        assertTrue(regions.stream().allMatch(COUNTY::equals), what + " outside " + COUNTY + ": " + regions);
    }

    private static List<String> ids(Response response, String root) {
        assertEquals(200, response.statusCode(), response.asString());
        return response.jsonPath().getList(root.isEmpty() ? "id" : root + ".id");
    }

    private static Response get(String user, String url) {
        return given().auth().oauth2(Tokens.of(user)).get(url);
    }

    private static Response write(String user, String method, String url, Object body) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(body).request(method, url);
    }

    /**
     * A publisher, a supervisor and an auditor of 新华区: the realm's own county users are planners,
     * registrars and inspectors only. Created (or replaced) as the master realm's local bootstrap admin.
     */
    private static void provisionCountyAccounts() {
        String admin = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(Suite.KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        List<Map<String, Object>> users = List.of(countyUser(COUNTY_PUBLISHER, "publisher"),
                countyUser(COUNTY_SUPERVISOR, "supervisor"), countyUser(COUNTY_AUDITOR, "auditor"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("ifResourceExists", "SKIP", "users", users))
                .post(Suite.KEYCLOAK + "/admin/realms/suiji/partialImport")
                .then().statusCode(200);
    }

    private static Map<String, Object> countyUser(String username, String role) {
        return Map.of("username", username, "enabled", true, "emailVerified", true,
                "firstName", username, "lastName", "新华区", "email", username + "@example.com",
                "attributes", Map.of("region", List.of(COUNTY), "department", List.of(COUNTY_DEPARTMENT)),
                "credentials", List.of(Map.of("type", "password", "value", username, "temporary", false)),
                "realmRoles", List.of("default-roles-suiji", role));
    }
}
