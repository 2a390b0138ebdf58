package io.suiji.catalog.matter;

import static io.restassured.RestAssured.given;
import static io.suiji.catalog.Fixtures.complete;
import static io.suiji.catalog.Fixtures.minimal;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.suiji.catalog.Fixtures;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.MatterPublished;
import io.suiji.contracts.catalog.MatterRetired;
import io.suiji.contracts.catalog.MatterRevised;
import io.suiji.contracts.catalog.MatterStatus;
import io.suiji.contracts.catalog.SamplingRatio;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Component test: the real service on its real PostgreSQL test database (suiji_catalog_test, with
 * the nine seed matters loaded at start), callers faked by {@code @TestSecurity}, the outbox relay
 * off (events are checked in the outbox table; system-tests follow them through Kafka).
 */
@QuarkusTest
class MatterResourceTest {

    private static final String MATTERS = "/api/v1/matters";

    @Inject
    EntityManager em;

    @Inject
    MatterService service;

    private static String post(String body) {
        return given().contentType("application/json").body(body).when().post(MATTERS)
                .then().statusCode(201).extract().path("code");
    }

    private static String publishedMatter(String effectiveFrom) {
        String code = post(complete(Fixtures.code(), Fixtures.name()));
        given().contentType("application/json").body("{\"effectiveFrom\":\"" + effectiveFrom + "\"}")
                .post(MATTERS + "/" + code + "/publish").then().statusCode(200);
        return code;
    }

    // ---- lifecycle

    @Test
    @TestSecurity(user = "planner-city", roles = "planner")
    void aMinimalBodyCreatesADraftThatSendsNothing() {
        String code = Fixtures.code();
        given().contentType("application/json").body(minimal(code, Fixtures.name(), "GENERAL", "5"))
                .when().post(MATTERS)
                .then().statusCode(201)
                .header("Location", endsWith(MATTERS + "/" + code))
                .body("code", equalTo(code))
                .body("status", equalTo("DRAFT"))
                .body("version", equalTo(1))
                .body("effectiveFrom", nullValue())
                .body("legalBases.size()", equalTo(0));
        assertEquals(List.of(), Fixtures.outbox(em, code));
        given().get(MATTERS + "/" + code).then().statusCode(200).body("status", equalTo("DRAFT"));
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner")
    void anIncompleteDraftCannotBePublishedAndEveryMissingColumnIsNamed() {
        String code = post(minimal(Fixtures.code(), Fixtures.name(), "KEY", "50"));
        given().contentType("application/json").post(MATTERS + "/" + code + "/publish")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("legalBases", "targetTypes", "checkItems", "methods", "frequency",
                        "levels", "implementingBody", "responsibleUnits"));
        given().get(MATTERS + "/" + code).then().body("status", equalTo("DRAFT"));
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner")
    void publishingADraftSendsMatterPublishedWithTheFullState() throws Exception {
        String code = post(complete(Fixtures.code(), Fixtures.name()));
        given().contentType("application/json").body("{\"effectiveFrom\":\"2025-01-01\"}")
                .when().post(MATTERS + "/" + code + "/publish")
                .then().statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("effectiveFrom", equalTo("2025-01-01"))
                .body("levels", equalTo(List.of("CITY", "COUNTY")));

        List<Object[]> events = Fixtures.outbox(em, code);
        assertEquals(1, events.size());
        assertEquals("io.suiji.catalog.MatterPublished.v1", events.get(0)[0]);
        var state = EventJson.mapper().readValue(events.get(0)[1].toString(), MatterPublished.class).matter();
        assertEquals(MatterStatus.PUBLISHED, state.status());
        assertEquals(List.of("工作时间执行情况", "考勤管理制度制定和执行情况"), state.checkItems());
        assertEquals(List.of(InspectionMethod.ON_SITE, InspectionMethod.DOCUMENT_REVIEW), state.methods());
        assertEquals("市、县人力资源社会保障部门", state.implementingBody());
        assertEquals(LocalDate.of(2025, 1, 1), state.effectiveFrom());
        assertEquals("测试文件", state.sourceDocument());

        given().contentType("application/json").post(MATTERS + "/" + code + "/publish")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner")
    void publishingNeedsNoBodyAndTakesEffectToday() {
        String code = post(complete(Fixtures.code(), Fixtures.name()));
        given().when().post(MATTERS + "/" + code + "/publish")
                .then().statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("effectiveFrom", equalTo(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString()));
        String other = post(complete(Fixtures.code(), Fixtures.name()));
        given().contentType("application/json").body("{\"effectiveFrom\":\"soon\"}")
                .post(MATTERS + "/" + other + "/publish")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("effectiveFrom"));
        given().contentType("application/json").body("{\"effectiveFrom\":")
                .post(MATTERS + "/" + other + "/publish")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner")
    void aDraftIsRevisedInPlace() {
        String code = post(minimal(Fixtures.code(), Fixtures.name(), "GENERAL", "5"));
        given().contentType("application/json").body("{\"ratio\":{\"percent\":12.5},\"targetTypes\":[\"技工院校\"]}")
                .when().post(MATTERS + "/" + code + "/revisions")
                .then().statusCode(200)
                .body("version", equalTo(1))
                .body("status", equalTo("DRAFT"))
                .body("ratio.percent", equalTo(12.5f))
                .body("targetTypes", equalTo(List.of("技工院校")));
        given().contentType("application/json").body("{\"effectiveFrom\":\"2025-01-01\"}")
                .post(MATTERS + "/" + code + "/revisions").then().statusCode(422).body("errors[0].field", equalTo("effectiveFrom"));
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner")
    void revisingAPublishedMatterMakesANewVersionAndKeepsTheHistory() throws Exception {
        String code = publishedMatter("2024-01-01");
        given().contentType("application/json")
                .body("{\"ratio\":{\"percent\":20},\"effectiveFrom\":\"2024-07-01\",\"changeNote\":\"提高抽查比例\"}")
                .when().post(MATTERS + "/" + code + "/revisions")
                .then().statusCode(201)
                .header("Location", endsWith(MATTERS + "/" + code + "/versions/2"))
                .body("version", equalTo(2))
                .body("status", equalTo("PUBLISHED"))
                .body("effectiveFrom", equalTo("2024-07-01"))
                .body("changeNote", equalTo("提高抽查比例"))
                .body("checkItems.size()", equalTo(2));

        List<Object[]> events = Fixtures.outbox(em, code);
        assertEquals("io.suiji.catalog.MatterRevised.v1", events.get(1)[0]);
        MatterRevised revised = EventJson.mapper().readValue(events.get(1)[1].toString(), MatterRevised.class);
        assertEquals(2, revised.matter().version());
        assertEquals(0, BigDecimal.valueOf(20).compareTo(revised.matter().ratio().percent()));
        assertEquals("提高抽查比例", revised.changeNote());

        given().get(MATTERS + "/" + code + "/versions").then().statusCode(200)
                .body("version", equalTo(List.of(1, 2)))
                .body("[0].supersededOn", equalTo("2024-07-01"))
                .body("[0].ratio.percent", equalTo(10))
                .body("[1].supersededOn", nullValue());
        given().get(MATTERS + "/" + code + "/versions/1").then().statusCode(200).body("ratio.percent", equalTo(10));
        given().queryParam("date", "2024-06-30").get(MATTERS + "/" + code + "/in-force")
                .then().statusCode(200).body("version", equalTo(1));
        given().queryParam("date", "2024-07-01").get(MATTERS + "/" + code + "/in-force")
                .then().statusCode(200).body("version", equalTo(2));
        given().queryParam("date", "2023-12-31").get(MATTERS + "/" + code + "/in-force")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:not-in-force"));

        // the same content again changes nothing; an effective date before the current version's is refused
        given().contentType("application/json").body("{\"ratio\":{\"percent\":20.00}}")
                .post(MATTERS + "/" + code + "/revisions").then().statusCode(200).body("version", equalTo(2));
        given().contentType("application/json").body("{\"ratio\":{\"percent\":30},\"effectiveFrom\":\"2024-03-01\"}")
                .post(MATTERS + "/" + code + "/revisions")
                .then().statusCode(422).body("errors[0].field", equalTo("effectiveFrom"));
        given().contentType("application/json").body("{\"ratio\":{\"percent\":3}}")
                .post(MATTERS + "/" + code + "/revisions")
                .then().statusCode(422).body("errors[0].field", equalTo("ratio.percent"))
                .body("errors[0].message", equalTo("抽查比例 3% is below the 5% floor for 一般检查事项"));
        assertEquals(2, Fixtures.outbox(em, code).size());
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner")
    void retiringNeedsAReasonAndEndsTheMattersTimeInForce() throws Exception {
        String code = publishedMatter("2024-01-01");
        given().contentType("application/json").body("{\"reason\":\" \"}")
                .post(MATTERS + "/" + code + "/retire")
                .then().statusCode(422).body("errors[0].field", equalTo("reason"));
        given().contentType("application/json").body("{\"reason\":\"职能调整\",\"effectiveFrom\":\"2024-10-01\"}")
                .when().post(MATTERS + "/" + code + "/retire")
                .then().statusCode(200)
                .body("status", equalTo("RETIRED"))
                .body("version", equalTo(2))
                .body("changeNote", equalTo("职能调整"));
        List<Object[]> events = Fixtures.outbox(em, code);
        assertEquals("io.suiji.catalog.MatterRetired.v1", events.get(1)[0]);
        MatterRetired retired = EventJson.mapper().readValue(events.get(1)[1].toString(), MatterRetired.class);
        assertEquals(MatterStatus.RETIRED, retired.matter().status());
        assertEquals("职能调整", retired.reason());
        assertEquals(2, retired.matter().checkItems().size());

        given().queryParam("date", "2024-09-30").get(MATTERS + "/" + code + "/in-force").then().statusCode(200);
        given().queryParam("date", "2024-10-01").get(MATTERS + "/" + code + "/in-force").then().statusCode(404);
        given().contentType("application/json").body("{\"ratio\":{\"percent\":30}}")
                .post(MATTERS + "/" + code + "/revisions").then().statusCode(409);
        given().contentType("application/json").body("{\"reason\":\"again\"}")
                .post(MATTERS + "/" + code + "/retire").then().statusCode(409);
        given().queryParam("size", 200).get(MATTERS).then().body("items.code", not(hasItem(code)));
        given().queryParam("status", "RETIRED").queryParam("size", 200).get(MATTERS)
                .then().body("items.code", hasItem(code));
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner")
    void aDraftCannotBeRetired() {
        String code = post(minimal(Fixtures.code(), Fixtures.name(), "GENERAL", "5"));
        given().contentType("application/json").body("{\"reason\":\"不再需要\"}")
                .post(MATTERS + "/" + code + "/retire").then().statusCode(409)
                .body("type", equalTo("urn:suiji:problem:not-published"));
    }

    // ---- rules

    @Test
    @TestSecurity(user = "planner-city", roles = "planner")
    void aGeneralMatterBelowFivePercentIs422NamingTheFieldAndNothingIsStored() {
        String code = Fixtures.code();
        given().contentType("application/json").body(minimal(code, Fixtures.name(), "GENERAL", "4"))
                .when().post(MATTERS)
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:validation-failed"))
                .body("errors[0].field", equalTo("ratio.percent"))
                .body("errors[0].message", equalTo("抽查比例 4% is below the 5% floor for 一般检查事项"));
        given().get(MATTERS + "/" + code).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner")
    void keyMattersHaveNoFloorButNoRatioExceeds100Percent() {
        post(minimal(Fixtures.code(), Fixtures.name(), "KEY", "1"));
        given().contentType("application/json").body(minimal(Fixtures.code(), Fixtures.name(), "KEY", "101"))
                .post(MATTERS).then().statusCode(422).body("errors[0].field", equalTo("ratio.percent"));
        given().contentType("application/json")
                .body("{\"code\":\"%s\",\"name\":\"%s\",\"category\":\"GENERAL\",\"ratio\":{\"minimumCount\":0}}"
                        .formatted(Fixtures.code(), Fixtures.name()))
                .post(MATTERS).then().statusCode(422).body("errors[0].field", equalTo("ratio.minimumCount"));
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner")
    void missingAndMistypedFieldsAre422NamingEachField() {
        given().contentType("application/json").body("{\"code\":\"ok-1\",\"category\":\"GENERAL\",\"ratio\":{\"percent\":5}}")
                .when().post(MATTERS)
                .then().statusCode(422)
                .body("errors.field", hasItem("name"));
        given().contentType("application/json").body(minimal(Fixtures.code(), Fixtures.name(), "IMPORTANT", "5"))
                .when().post(MATTERS)
                .then().statusCode(422)
                .body("errors[0].field", equalTo("category"))
                .body("errors[0].message", containsString("GENERAL"));
        given().contentType("application/json").body(minimal("export", Fixtures.name(), "GENERAL", "5"))
                .post(MATTERS).then().statusCode(422).body("errors[0].field", equalTo("code"));
        String body = complete(Fixtures.code(), Fixtures.name())
                .replace("\"implementingBody\":\"市、县人力资源社会保障部门\"", "\"implementingBody\":\"省人社厅\"")
                .replace("[\"劳动关系科\"]", "[\"劳动关系科、就业促进局\"]");
        given().contentType("application/json").body(body).post(MATTERS)
                .then().statusCode(422)
                .body("errors.field", equalTo(List.of("responsibleUnits[0]", "implementingBody")));
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner")
    void codesAndLiveNamesAreUnique() {
        String code = Fixtures.code();
        String name = Fixtures.name();
        post(minimal(code, name, "KEY", "50"));
        given().contentType("application/json").body(minimal(code, Fixtures.name(), "KEY", "50")).post(MATTERS)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:duplicate-matter"));
        given().contentType("application/json").body(minimal(Fixtures.code(), name, "KEY", "50")).post(MATTERS)
                .then().statusCode(409).body("type", equalTo("urn:suiji:problem:duplicate-matter-name"));
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner")
    void malformedJsonIs400() {
        given().contentType("application/json").body("{\"code\": \"X-1\", ")
                .when().post(MATTERS)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:malformed-request"));
    }

    // ---- roles

    @Test
    void writingWithoutATokenIs401ProblemJson() {
        given().contentType("application/json").body(minimal(Fixtures.code(), Fixtures.name(), "GENERAL", "5"))
                .when().post(MATTERS)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("urn:suiji:problem:unauthenticated"));
        given().contentType("application/json").body("{\"reason\":\"x\"}").post(MATTERS + "/PDS-2020-01/retire")
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").post(MATTERS + "/PDS-2020-01/publish")
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").body("{}").post(MATTERS + "/PDS-2020-01/revisions")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "inspector-city-1", roles = "inspector")
    void writingWithTheWrongRoleIs403ProblemJson() {
        given().contentType("application/json").body(minimal(Fixtures.code(), Fixtures.name(), "GENERAL", "5"))
                .when().post(MATTERS)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:forbidden"))
                .body("status", equalTo(403));
        given().contentType("application/json").body("{\"reason\":\"x\"}").post(MATTERS + "/PDS-2020-01/retire")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "auditor-city", roles = "auditor")
    void auditorsReadDraftsButDoNotWrite() {
        String code = Fixtures.code();
        service.createDraft(code, MatterContent.of(Fixtures.name(), MatterCategory.GENERAL,
                new SamplingRatio(BigDecimal.TEN, null)), null, "planner-city");
        given().get(MATTERS + "/" + code).then().statusCode(200).body("status", equalTo("DRAFT"));
        given().queryParam("status", "DRAFT").queryParam("size", 200).get(MATTERS)
                .then().statusCode(200).body("items.code", hasItem(code));
        given().contentType("application/json").post(MATTERS + "/" + code + "/publish").then().statusCode(403);
    }

    @Test
    void anonymousCallersSeePublishedMattersButNoDrafts() {
        String code = Fixtures.code();
        service.createDraft(code, MatterContent.of(Fixtures.name(), MatterCategory.GENERAL,
                new SamplingRatio(BigDecimal.TEN, null)), null, "planner-city");
        given().get(MATTERS + "/" + code).then().statusCode(404).contentType("application/problem+json");
        given().get(MATTERS + "/" + code + "/versions").then().statusCode(404);
        given().queryParam("status", "DRAFT").get(MATTERS).then().statusCode(200).body("total", equalTo(0));
        given().get(MATTERS + "/PDS-2020-01").then().statusCode(200).body("status", equalTo("PUBLISHED"));
        given().get(MATTERS + "/PDS-2020-01/versions").then().statusCode(200).body("version", hasItem(1));
    }

    @Test
    @TestSecurity(user = "inspector-city-1", roles = "inspector")
    void otherRolesDoNotSeeDraftsEither() {
        String code = Fixtures.code();
        service.createDraft(code, MatterContent.of(Fixtures.name(), MatterCategory.GENERAL,
                new SamplingRatio(BigDecimal.TEN, null)), null, "planner-city");
        given().get(MATTERS + "/" + code).then().statusCode(404);
    }

    // ---- search

    @Test
    void theCatalogueIsSearchableAndPaged() {
        given().queryParam("method", "ONLINE_DATA_COMPARISON").get(MATTERS)
                .then().statusCode(200).body("items.code", hasItem("PDS-2020-08"))
                .body("items.code", not(hasItem("PDS-2020-01")));
        given().queryParam("targetType", "用工单位").get(MATTERS)
                .then().body("items.code", hasItem("PDS-2020-05"));
        given().queryParam("unit", "劳动保障监察局").queryParam("level", "COUNTY").get(MATTERS)
                .then().body("items.code", hasItems("PDS-2020-01", "PDS-2020-07"));
        given().queryParam("q", "失业保险").queryParam("category", "GENERAL").get(MATTERS)
                .then().body("items.code", hasItem("PDS-2020-09"));
        given().queryParam("category", "KEY").queryParam("q", "养老").get(MATTERS)
                .then().body("total", equalTo(0));
        given().queryParam("inForceOn", "2020-04-26").queryParam("q", "稽核").get(MATTERS)
                .then().body("total", equalTo(0));
        given().queryParam("inForceOn", "2020-04-27").queryParam("q", "稽核").get(MATTERS)
                .then().body("items.code", equalTo(List.of("PDS-2020-08", "PDS-2020-09")));
        given().queryParam("q", "PDS-2020").queryParam("size", 4).queryParam("page", 1).get(MATTERS)
                .then().body("items.code", equalTo(List.of("PDS-2020-05", "PDS-2020-06", "PDS-2020-07", "PDS-2020-08")))
                .body("page", equalTo(1)).body("size", equalTo(4)).body("total", equalTo(9));
    }

    @Test
    void badSearchParametersAre400NamingTheParameter() {
        given().queryParam("category", "IMPORTANT").get(MATTERS).then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:suiji:problem:invalid-parameter"))
                .body("errors[0].field", equalTo("category"));
        given().queryParam("inForceOn", "yesterday").get(MATTERS).then().statusCode(400)
                .body("errors[0].field", equalTo("inForceOn"));
        given().queryParam("size", 1000).get(MATTERS).then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void theOpenApiDocumentDescribesTheApiInChinese() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("查询抽查事项清单"))
                .body(containsString("/api/v1/matters/{code}/in-force"))
                .body(containsString("/api/v1/matters/import"))
                .body(containsString("导出抽查事项清单"));
    }

    @Test
    void unknownMattersAndPathsAre404ProblemJson() {
        given().when().get(MATTERS + "/NO-SUCH").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("NO-SUCH"));
        given().get(MATTERS + "/PDS-2020-01/versions/99").then().statusCode(404);
        given().when().get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
