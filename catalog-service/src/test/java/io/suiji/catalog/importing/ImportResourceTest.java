package io.suiji.catalog.importing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.suiji.catalog.Fixtures;
import io.suiji.catalog.matter.MatterColumn;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Import (dry run, commit) and export of the catalogue in the attachment's layout, on the real database. */
@QuarkusTest
class ImportResourceTest {

    private static final String IMPORT = "/api/v1/matters/import";
    private static final String EXPORT = "/api/v1/matters/export";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    EntityManager em;

    private static List<String> row(String order, String name, String ratio) {
        return new ArrayList<>(List.of(order, name, "《中华人民共和国劳动法》第八十五条；《劳动保障监察条例》第十一条", "企业",
                "1. 工作时间执行情况；2. 考勤管理制度制定和执行情况", "一般检查事项", "现场检查、书面检查", ratio,
                "根据工作需要或1次/年", "市、县人力资源社会保障部门", "劳动关系科、劳动保障监察局（支队）"));
    }

    @SafeVarargs
    private static byte[] xlsx(List<String>... rows) {
        List<List<String>> table = new ArrayList<>();
        table.add(MatterColumn.headerRow());
        table.addAll(List.of(rows));
        return XlsxTable.write(table);
    }

    @SafeVarargs
    private static byte[] csv(List<String>... rows) {
        List<List<String>> table = new ArrayList<>();
        table.add(MatterColumn.headerRow());
        table.addAll(List.of(rows));
        return CsvTable.write(table);
    }

    private static ValidatableResponse upload(String fileName, byte[] content, String mime, String query) {
        return given().multiPart("file", fileName, content, mime)
                .when().post(IMPORT + query)
                .then();
    }

    // ---- dry run and commit

    @Test
    @TestSecurity(user = "planner-city", roles = "planner")
    void aDryRunReportsWhatWouldChangeAndACommitAppliesIt() {
        String existing = Fixtures.name();
        String prefix = "IMP" + Fixtures.code().substring(2);
        upload("first.xlsx", xlsx(row("51", existing, "5%")), XLSX, "?commit=true&codePrefix=" + prefix
                + "&effectiveFrom=2025-01-01&source=测试文件")
                .statusCode(200)
                .body("committed", equalTo(true))
                .body("rows[0].action", equalTo("CREATE"))
                .body("rows[0].code", equalTo(prefix + "-51"));
        given().get("/api/v1/matters/" + prefix + "-51").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("effectiveFrom", equalTo("2025-01-01"))
                .body("sourceDocument", equalTo("测试文件"))
                .body("responsibleUnits", equalTo(List.of("劳动关系科", "劳动保障监察局（支队）")));

        String newName = Fixtures.name();
        byte[] second = xlsx(row("51", existing, "至少200人"), row("52", newName, "10%"));
        JsonPath report = upload("second.xlsx", second, XLSX, "?codePrefix=" + prefix + "&effectiveFrom=2025-06-01")
                .statusCode(200)
                .body("committed", equalTo(false))
                .body("format", equalTo("xlsx"))
                .body("problems.size()", equalTo(0))
                .extract().jsonPath();
        assertEquals(List.of("REVISE", "CREATE"), report.getList("rows.action"));
        assertEquals(List.of(2, 3), report.getList("rows.row"));
        assertEquals(List.of("抽查比例"), report.getList("rows[0].changes"));
        assertEquals(prefix + "-52", report.getString("rows[1].code"));
        assertEquals(1, report.getInt("summary.revised"));
        assertEquals(1, report.getInt("summary.created"));
        // a dry run changes nothing
        given().get("/api/v1/matters/" + prefix + "-51").then().body("version", equalTo(1));
        given().get("/api/v1/matters/" + prefix + "-52").then().statusCode(404);

        upload("second.xlsx", second, XLSX, "?commit=true&codePrefix=" + prefix + "&effectiveFrom=2025-06-01")
                .statusCode(200).body("committed", equalTo(true));
        given().get("/api/v1/matters/" + prefix + "-51").then()
                .body("version", equalTo(2))
                .body("ratio.minimumCount", equalTo(200))
                .body("effectiveFrom", equalTo("2025-06-01"))
                .body("changeNote", containsString("抽查比例"));
        given().get("/api/v1/matters/" + prefix + "-52").then().statusCode(200).body("status", equalTo("PUBLISHED"));
        List<Object[]> events = Fixtures.outbox(em, prefix + "-51");
        assertEquals(List.of("io.suiji.catalog.MatterPublished.v1", "io.suiji.catalog.MatterRevised.v1"),
                events.stream().map(e -> e[0]).toList());
        assertEquals(1, Fixtures.outbox(em, prefix + "-52").size());

        // the same file again: nothing to do
        upload("second.xlsx", second, XLSX, "?commit=true&codePrefix=" + prefix + "&effectiveFrom=2025-06-01")
                .statusCode(200).body("rows.action", everyItem(equalTo("UNCHANGED")));
        assertEquals(2, Fixtures.outbox(em, prefix + "-51").size());
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner")
    void aDraftNamedInTheSheetIsCompletedAndPublished() {
        String code = Fixtures.code();
        String name = Fixtures.name();
        given().contentType("application/json").body(Fixtures.minimal(code, name, "GENERAL", "5"))
                .post("/api/v1/matters").then().statusCode(201);
        upload("drafts.csv", csv(row("53", name, "5%")), "text/csv", "?commit=true")
                .statusCode(200).body("rows[0].action", equalTo("PUBLISH_DRAFT")).body("rows[0].code", equalTo(code));
        given().get("/api/v1/matters/" + code).then().body("status", equalTo("PUBLISHED")).body("version", equalTo(1))
                .body("checkItems.size()", equalTo(2));
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner")
    void badRowsAreAllReportedWithTheirCellsAndNothingIsApplied() {
        String good = Fixtures.name();
        List<String> lowRatio = row("55", Fixtures.name(), "4%");
        List<String> unreadable = row("56", Fixtures.name(), "百分之五");
        unreadable.set(8, "经常");
        unreadable.set(6, "现场检查、电话抽查");
        List<String> incomplete = row("57", Fixtures.name(), "5%");
        incomplete.set(2, "");
        incomplete.set(10, "");
        byte[] file = xlsx(row("54", good, "5%"), lowRatio, row("58", good, "5%"), unreadable, incomplete);
        long matters = Fixtures.count(em, "select count(*) from matter_version");
        long events = Fixtures.count(em, "select count(*) from outbox_event");

        JsonPath report = upload("bad.xlsx", file, XLSX, "").statusCode(200).extract().jsonPath();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < report.getList("problems").size(); i++) {
            problems.add(report.getString("problems[" + i + "].cell") + ": " + report.getString("problems[" + i + "].message"));
        }
        assertTrue(problems.contains("H3: 抽查比例 4% is below the 5% floor for 一般检查事项"), problems.toString());
        assertEquals(List.of("G5", "H5", "I5", "H3", "C6", "K6", "B4"), report.getList("problems.cell"), problems.toString());
        assertTrue(problems.get(6).contains("also appears in row 2"));

        given().multiPart("file", "bad.xlsx", file, XLSX).when().post(IMPORT + "?commit=true")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:validation-failed"))
                .body("errors.field", equalTo(List.of("G5", "H5", "I5", "H3", "C6", "K6", "B4")))
                .body("errors.message", hasItem("抽查比例 4% is below the 5% floor for 一般检查事项"));
        assertEquals(matters, Fixtures.count(em, "select count(*) from matter_version"));
        assertEquals(events, Fixtures.count(em, "select count(*) from outbox_event"));
        given().queryParam("q", good).get("/api/v1/matters").then().body("total", equalTo(0));
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner")
    void aSheetWithoutTheAttachmentsHeaderIsReportedAtItsCells() {
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(MatterColumn.headerRow());
        header.set(7, "比例");
        table.add(header);
        table.add(row("1", Fixtures.name(), "5%"));
        upload("header.csv", CsvTable.write(table), "text/csv", "").statusCode(200)
                .body("problems[0].cell", equalTo("H1"))
                .body("problems[0].message", containsString("抽查比例"))
                .body("rows.size()", equalTo(0));
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner")
    void filesThatAreNotSheetsAre422NamingTheFile() {
        upload("catalogue.xlsx", "not a workbook".getBytes(), XLSX, "").statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("file"));
        given().contentType("multipart/form-data").multiPart("other", "x").post(IMPORT)
                .then().statusCode(422).body("errors[0].field", equalTo("file"));
        upload("a.csv", csv(), "text/csv", "?effectiveFrom=soon").statusCode(400)
                .body("errors[0].field", equalTo("effectiveFrom"));
    }

    // ---- export, and the round trip

    @Test
    void theExportHasExactlyTheAttachmentsHeaderRowAndIsPublic() {
        byte[] workbook = given().get(EXPORT).then().statusCode(200)
                .contentType(XLSX)
                .header("Content-Disposition", startsWith("attachment; filename=\"matters-"))
                .header("Content-Disposition", containsString("filename*=UTF-8''%E6%8A%BD%E6%9F%A5"))
                .extract().asByteArray();
        List<SheetRow> rows = XlsxTable.read(workbook);
        assertEquals(List.of("序号", "抽查事项", "检查依据", "检查对象", "检查内容", "事项类别", "检查方式", "抽查比例", "抽查频次",
                "实施层级", "责任科室、单位"), rows.get(0).cells());
        assertEquals("人力资源服务机构管理检查", rows.get(1).cell(1));
        given().queryParam("format", "pdf").get(EXPORT).then().statusCode(400).body("errors[0].field", equalTo("format"));
        byte[] before = given().queryParam("format", "csv").queryParam("inForceOn", "2020-04-26").get(EXPORT)
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asByteArray();
        assertEquals(1, CsvTable.read(before).stream().filter(r -> !r.blank()).count(), "only the header");
    }

    /** Whatever else the catalogue holds, the round trip must see: drafts, revisions, retirements, both ratio parts. */
    private static void addMattersOfEveryKind() {
        String revised = Fixtures.code();
        given().contentType("application/json").body(Fixtures.complete(revised, Fixtures.name())).post("/api/v1/matters")
                .then().statusCode(201);
        given().contentType("application/json").post("/api/v1/matters/" + revised + "/publish").then().statusCode(200);
        given().contentType("application/json")
                .body("{\"ratio\":{\"percent\":12.5,\"minimumCount\":30},\"frequency\":{\"timesPerYear\":0,\"asNeeded\":true},"
                        + "\"checkItems\":[\"只有一项、含顿号\"]}")
                .post("/api/v1/matters/" + revised + "/revisions").then().statusCode(201);
        String retired = Fixtures.code();
        given().contentType("application/json").body(Fixtures.complete(retired, Fixtures.name())).post("/api/v1/matters")
                .then().statusCode(201);
        given().contentType("application/json").post("/api/v1/matters/" + retired + "/publish").then().statusCode(200);
        given().contentType("application/json").body("{\"reason\":\"测试\"}").post("/api/v1/matters/" + retired + "/retire")
                .then().statusCode(200);
        given().contentType("application/json").body(Fixtures.minimal(Fixtures.code(), Fixtures.name(), "KEY", "100"))
                .post("/api/v1/matters").then().statusCode(201);
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner")
    void exportThenImportOfTheXlsxReportsNoChanges() {
        addMattersOfEveryKind();
        byte[] workbook = given().get(EXPORT).then().statusCode(200).extract().asByteArray();
        assertNoChanges(upload("export.xlsx", workbook, XLSX, "").statusCode(200).extract().jsonPath());
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner")
    void exportThenImportOfTheCsvReportsNoChanges() {
        addMattersOfEveryKind();
        byte[] csv = given().queryParam("format", "csv").get(EXPORT).then().statusCode(200).extract().asByteArray();
        assertNoChanges(upload("export.csv", csv, "text/csv", "").statusCode(200).extract().jsonPath());
    }

    private static void assertNoChanges(JsonPath report) {
        assertEquals(List.of(), report.getList("problems"));
        assertEquals(0, report.getInt("summary.created"));
        assertEquals(0, report.getInt("summary.revised"));
        assertEquals(0, report.getInt("summary.publishedDrafts"));
        assertTrue(report.getInt("summary.unchanged") >= 9);
        assertEquals(List.of(), report.getList("notInFile"));
        assertTrue(report.getList("rows.action").stream().allMatch("UNCHANGED"::equals));
    }

    // ---- roles

    @Test
    void importingWithoutATokenIs401() {
        upload("a.csv", csv(row("1", Fixtures.name(), "5%")), "text/csv", "").statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "auditor-city", roles = "auditor")
    void importingWithoutPlannerOrAdminIs403() {
        upload("a.csv", csv(row("1", Fixtures.name(), "5%")), "text/csv", "").statusCode(403)
                .contentType("application/problem+json");
    }
}
