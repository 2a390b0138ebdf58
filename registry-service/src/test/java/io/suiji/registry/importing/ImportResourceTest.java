package io.suiji.registry.importing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.suiji.platform.testing.InMemoryChannels;
import io.suiji.registry.Fixtures;
import io.suiji.registry.entity.EntityRules;
import io.suiji.registry.identity.PersonalIds;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Component test of bulk imports: real uploads through the API, jobs polled to the end, the
 * registry and the outbox checked afterwards.
 */
@QuarkusTest
@WithTestResource(value = InMemoryChannels.class, initArgs = @ResourceArg(name = "incoming", value = "enforcement.inspections"))
class ImportResourceTest {

    private static final String IMPORTS = "/api/v1/imports";
    private static final String HEADER = "统一社会信用代码或身份证号码,名称或姓名,检查对象类型,行政区划,地址,信用等级,信用等级评定日期,"
            + "近12个月投诉举报次数,严重违法记录,经营异常,参保,登记日期,注销日期";

    @Inject
    EntityManager em;

    @Inject
    PersonalIds personalIds;

    static String upload(String name, byte[] content, String mode, int status) {
        return given().multiPart("file", name, content, "application/octet-stream")
                .queryParam("mode", mode)
                .post(IMPORTS).then().statusCode(status).extract().asString();
    }

    static JsonPath finished(String location) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(end)) {
            JsonPath job = given().get(location).then().statusCode(200).extract().jsonPath();
            String status = job.getString("status");
            if (status.equals("COMPLETED") || status.equals("FAILED")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the job did not finish: " + location);
    }

    static String location(String accepted) {
        return IMPORTS + "/" + JsonPath.from(accepted).getString("id");
    }

    private static List<CSVRecord> csv(String text) throws Exception {
        assertTrue(text.startsWith("\uFEFF"), "the file starts with a BOM, for Excel");
        return CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
    }

    private long count(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityRules rules;

    @Inject
    ImportRunner runner;

    /**
     * The service stops right after a chunk's commit, before the job's progress row is written
     * (simulated by a listener that fails there): the restart must not report "nothing was applied",
     * because the chunk's own transaction marked the job.
     */
    @Test
    void rowsCommittedJustBeforeAStopAreReportedAsAppliedOnRestart() throws Exception {
        UUID jobId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into import_job (id, kind, mode, status, format, headers, bytes_total, scope_region, created_by)
                values (?1, 'ENTITIES', 'KEEP_GOOD_ROWS', 'RUNNING', 'CSV', '{}', 1, '4104', 'registrar-city')""")
                .setParameter(1, jobId).executeUpdate());
        String code = Fixtures.uscc();
        Path file = Files.createTempFile("stop-after-commit", ".csv");
        Files.writeString(file, HEADER + "\r\n" + code + ",平顶山市停机前公司,企业,410402,,,,,,,,,\r\n");
        var options = new BulkImport.Options(jobId, ImportKind.ENTITIES, ImportMode.KEEP_GOOD_ROWS, ImportFormat.CSV, "4104",
                "registrar-city", 100, LocalDate.now());
        try (Connection work = dataSource.getConnection()) {
            BulkImport.Failed stop = assertThrows(BulkImport.Failed.class, () -> BulkImport.run(work, file, options, rules, personalIds,
                    new BulkImport.Listener() {
                        @Override
                        public void progress(BulkImport.Counts counts, long bytesRead, List<BulkImport.Rejection> rejections,
                                List<String> header) {
                            // the progress row is never written: the "service" stops first
                        }

                        @Override
                        public void committed() {
                            throw new IllegalStateException("the service stops here");
                        }
                    }));
            assertEquals("the service stops here", stop.getMessage());
            assertTrue(stop.counts.applied, "the run itself knew the chunk was applied");
        } finally {
            Files.deleteIfExists(file);
        }
        assertEquals(1, count("select count(*) from target_entity where code = ?1", code), "the chunk was committed");

        runner.failInterrupted();

        String message = (String) em.createNativeQuery("select status || ': ' || message from import_job where id = ?1")
                .setParameter(1, jobId).getSingleResult();
        assertEquals("FAILED: interrupted: the service stopped (rows committed before stay applied)", message);
    }

    /**
     * A rolling update: the new instance starts while the old one still runs a job. The job's lock,
     * held by the old instance's progress connection, keeps it RUNNING; a job nobody holds is failed.
     */
    @Test
    void aJobAnotherInstanceIsStillRunningIsLeftAloneByTheStartSweep() throws Exception {
        UUID running = UUID.randomUUID();
        UUID orphaned = UUID.randomUUID();
        for (UUID id : List.of(running, orphaned)) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    insert into import_job (id, kind, mode, status, format, headers, bytes_total, scope_region, created_by)
                    values (?1, 'ENTITIES', 'ALL_OR_NOTHING', 'RUNNING', 'CSV', '{}', 1, '4104', 'registrar-city')""")
                    .setParameter(1, id).executeUpdate());
        }
        String status = "select status from import_job where id = ?1";
        try (Connection otherInstance = dataSource.getConnection()) {
            lock(otherInstance, "select pg_advisory_lock(?, hashtext(?))", running);

            runner.failInterrupted();

            assertEquals("RUNNING", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(status)
                    .setParameter(1, running).getSingleResult()));
            assertEquals("FAILED", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(status)
                    .setParameter(1, orphaned).getSingleResult()));
            // The instance dies: its connection closes and the lock goes with it (here: released by hand,
            // since closing a pooled connection keeps the session).
            lock(otherInstance, "select pg_advisory_unlock(?, hashtext(?))", running);
        }
        runner.failInterrupted();
        assertEquals("FAILED", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(status)
                .setParameter(1, running).getSingleResult()));
    }

    private static void lock(Connection connection, String sql, UUID job) throws Exception {
        try (var statement = connection.prepareStatement(sql)) {
            statement.setInt(1, ImportRunner.JOB_LOCK);
            statement.setString(2, job.toString());
            statement.execute();
        }
    }

    /**
     * Chunks are first copied in as if every code were new; a chunk that meets a registered code, or
     * a code given in an earlier chunk of the same file, is undone to its savepoint and looked up
     * instead. Chunks of two rows: [new, new] [registered, new] [new, new] [new, the first row again].
     */
    @Test
    void aChunkThatMeetsAKnownCodeIsLookedUpAndNoRowIsLostOrDoubled() throws Exception {
        String registered = Fixtures.uscc();
        assertEquals(ImportStatus.COMPLETED, importDirectly(ImportMode.ALL_OR_NOTHING, registered + ",平顶山市老公司,企业,410402,,,,,,,,,")
                .result().status());
        List<String> fresh = List.of(Fixtures.uscc(), Fixtures.uscc(), Fixtures.uscc(), Fixtures.uscc(), Fixtures.uscc(),
                Fixtures.uscc());
        Direct keep = importDirectly(ImportMode.KEEP_GOOD_ROWS, chunkedRows(registered, fresh));

        BulkImport.Counts counts = keep.result().counts();
        assertEquals(ImportStatus.COMPLETED, keep.result().status(), keep.result().message());
        assertEquals(6, counts.created);
        assertEquals(1, counts.updated);
        assertEquals(1, counts.rejected);
        assertEquals(List.of(9L), keep.rejections().stream().map(BulkImport.Rejection::number).toList());
        assertTrue(keep.rejections().get(0).reason().contains("already in row 2 of this file"), keep.rejections().get(0).reason());
        for (String code : fresh) {
            assertEquals(1, count("select count(*) from target_entity where code = ?1", code), code);
            assertEquals(1, count("select count(*) from outbox_event where event_type = 'io.suiji.registry.EntityRegistered.v1'"
                    + " and payload::text like ?1", "%" + code + "%"), "one event per new row: " + code);
        }
        assertEquals(1, count("select count(*) from target_entity where code = ?1 and name = '平顶山市新名称'", registered));
        assertEquals(1, count("select count(*) from outbox_event where event_type = 'io.suiji.registry.EntityUpdated.v1'"
                + " and payload::text like ?1", "%" + registered + "%"));

        // The same layout all-or-nothing: the repeated code rejects the file, and the chunks copied in before are undone too.
        List<String> others = List.of(Fixtures.uscc(), Fixtures.uscc(), Fixtures.uscc(), Fixtures.uscc(), Fixtures.uscc(),
                Fixtures.uscc());
        Direct all = importDirectly(ImportMode.ALL_OR_NOTHING, chunkedRows(registered, others));
        assertEquals(ImportStatus.FAILED, all.result().status());
        assertFalse(all.result().counts().applied);
        for (String code : others) {
            assertEquals(0, count("select count(*) from target_entity where code = ?1", code), code);
            assertEquals(0, count("select count(*) from outbox_event where payload::text like ?1", "%" + code + "%"), code);
        }
    }

    private static String chunkedRows(String registered, List<String> fresh) {
        return String.join("\r\n",
                fresh.get(0) + ",平顶山市一公司,企业,410402,,,,,,,,,",
                fresh.get(1) + ",平顶山市二公司,企业,410402,,,,,,,,,",
                registered + ",平顶山市新名称,企业,410402,,,,,,,,,",
                fresh.get(2) + ",平顶山市三公司,企业,410402,,,,,,,,,",
                fresh.get(3) + ",平顶山市四公司,企业,410402,,,,,,,,,",
                fresh.get(4) + ",平顶山市五公司,企业,410402,,,,,,,,,",
                fresh.get(5) + ",平顶山市六公司,企业,410402,,,,,,,,,",
                fresh.get(0) + ",平顶山市一公司又一次,企业,410402,,,,,,,,,");
    }

    private record Direct(BulkImport.Result result, List<BulkImport.Rejection> rejections) {
    }

    /** Runs {@link BulkImport} on its own connection, in chunks of two rows, as a city registrar. */
    private Direct importDirectly(ImportMode mode, String rows) throws Exception {
        Path file = Files.createTempFile("chunks", ".csv");
        Files.writeString(file, HEADER + "\r\n" + rows + "\r\n");
        var options = new BulkImport.Options(UUID.randomUUID(), ImportKind.ENTITIES, mode, ImportFormat.CSV, "4104",
                "registrar-city", 2, LocalDate.now());
        List<BulkImport.Rejection> rejections = new java.util.ArrayList<>();
        try (Connection work = dataSource.getConnection()) {
            BulkImport.Result result = BulkImport.run(work, file, options, rules, personalIds,
                    (counts, bytesRead, rejected, header) -> rejections.addAll(rejected));
            return new Direct(result, rejections);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    @TestSecurity(user = "registrar-city", roles = "registrar", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void keepGoodRowsAppliesTheGoodOnesAndReturnsEveryBadOneWithItsReason() throws Exception {
        String a = Fixtures.uscc();
        String b = Fixtures.uscc();
        String person = Fixtures.residentId();
        String badCheck = a.substring(0, 17) + (a.charAt(17) == '0' ? '1' : '0');
        String legacy = Fixtures.registrationNumber();
        String file = String.join("\r\n",
                "平顶山市检查对象名录（导入测试）",
                HEADER,
                a + ",平顶山市甲公司,人力资源服务机构、用人单位,新华区,建设路1号,C,2024-12-01,5,否,否,是,2015/3/2,",
                badCheck + ",平顶山市乙公司,企业,410402,,,,,,,,,",
                person + ",王秀英,享受养老保险待遇人员,汝州市,,,,,,,是,,",
                "",
                b + ",平顶山市丙公司,个体户,410403,,E,,-1,也许,,,,",
                a + ",平顶山市甲公司重复,企业,410402,,,,,,,,,",
                legacy + ",\"郏县老字号,饭店\",用人单位,410425,\"多行\n地址\",,,,,,,,",
                b + ",平顶山市丙公司,企业,洛阳市,,,,,,,,,");
        String accepted = upload("entities.csv", file.getBytes(StandardCharsets.UTF_8), "KEEP_GOOD_ROWS", 202);
        assertEquals("QUEUED", JsonPath.from(accepted).getString("status"));
        JsonPath job = finished(location(accepted));

        assertEquals("COMPLETED", job.getString("status"), job.prettify());
        assertEquals(7, job.getInt("rowsRead"));
        assertEquals(3, job.getInt("rowsAccepted"));
        assertEquals(4, job.getInt("rowsRejected"));
        assertEquals(3, job.getInt("rowsCreated"));
        assertEquals(100, job.getInt("percent"));
        assertTrue(job.getBoolean("applied"));

        given().queryParam("q", a).get("/api/v1/entities").then()
                .body("items[0].name", equalTo("平顶山市甲公司"))
                .body("items[0].creditClass", equalTo("C"))
                .body("items[0].complaintsLast12Months", equalTo(5))
                .body("items[0].registeredOn", equalTo("2015-03-02"))
                .body("items[0].targetTypes", equalTo(List.of("人力资源服务机构", "用人单位")));
        given().queryParam("q", legacy).get("/api/v1/entities").then()
                .body("items[0].codeKind", equalTo("REGISTRATION_NUMBER"))
                .body("items[0].name", equalTo("郏县老字号,饭店"))
                .body("items[0].address", equalTo("多行\n地址"));
        String personId = given().queryParam("q", person).get("/api/v1/entities").then()
                .body("items[0].code", equalTo(personalIds.hash(person)))
                .body("items[0].region", equalTo("410482"))
                .extract().path("items[0].id");
        String event = (String) Fixtures.outbox(em, personId).get(0)[1];
        assertFalse(event.contains(person), "the import's events never carry the clear ID number");
        assertEquals(0, count("select count(*) from target_entity where code = ?1", b));

        String rejected = given().get(job.getString("rejections")).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<CSVRecord> rows = csv(rejected);
        assertEquals("行号", rows.get(0).get(0));
        assertEquals("拒绝原因", rows.get(0).get(1));
        assertEquals("统一社会信用代码或身份证号码", rows.get(0).get(2));
        Map<String, String> reasons = rows.stream().skip(1).collect(Collectors.toMap(r -> r.get(0), r -> r.get(1)));
        assertEquals(List.of("4", "7", "8", "10"), rows.stream().skip(1).map(r -> r.get(0)).toList());
        assertTrue(reasons.get("4").contains("expected " + a.charAt(17)), reasons.get("4"));
        assertTrue(reasons.get("7").contains("检查对象类型: 个体户 is not a target type"), reasons.get("7"));
        assertTrue(reasons.get("7").contains("信用等级: E is not one of A, B, C, D"), reasons.get("7"));
        assertTrue(reasons.get("7").contains("严重违法记录: 也许 is not 是 or 否"), reasons.get("7"));
        assertTrue(reasons.get("8").contains("already in row 3"), reasons.get("8"));
        assertTrue(reasons.get("10").contains("行政区划"), reasons.get("10"));
        assertEquals(badCheck, rows.get(1).get(2), "the row as it was given follows the reason");
    }

    @Test
    @TestSecurity(user = "registrar-city", roles = "registrar", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void allOrNothingAppliesNothingWhenARowIsBad() throws Exception {
        String good = Fixtures.uscc();
        String file = HEADER + "\n" + good + ",好公司,企业,410411,,,,,,,,,\n" + "123,坏公司,企业,410411,,,,,,,,,\n";
        JsonPath job = finished(location(upload("e.csv", file.getBytes(StandardCharsets.UTF_8), "ALL_OR_NOTHING", 202)));
        assertEquals("FAILED", job.getString("status"));
        assertFalse(job.getBoolean("applied"));
        assertEquals(1, job.getInt("rowsRejected"));
        assertTrue(job.getString("message").contains("nothing was applied"), job.getString("message"));
        assertEquals(0, count("select count(*) from target_entity where code = ?1", good));
        assertEquals(0, count("select count(*) from outbox_event where payload::text like ?1", "%" + good + "%"));
        String rejected = given().get(job.getString("rejections")).then().statusCode(200).extract().asString();
        assertEquals("3", csv(rejected).get(1).get(0));

        // the same file, corrected, goes in whole
        String fixed = HEADER + "\n" + good + ",好公司,企业,410411,,,,,,,,,\n";
        job = finished(location(upload("e.csv", fixed.getBytes(StandardCharsets.UTF_8), "ALL_OR_NOTHING", 202)));
        assertEquals("COMPLETED", job.getString("status"));
        assertEquals(1, count("select count(*) from target_entity where code = ?1", good));
    }

    @Test
    @TestSecurity(user = "registrar-city", roles = "registrar", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void wrongOrMissingHeadersFailAtOnceNamingTheExpectedOnes() {
        String file = "代码,单位,类型\n" + Fixtures.uscc() + ",某公司,企业\n";
        given().multiPart("file", "e.csv", file.getBytes(StandardCharsets.UTF_8), "text/csv").post(IMPORTS)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:wrong-headers"))
                .body("detail", containsString("统一社会信用代码或身份证号码* | 名称或姓名* | 检查对象类型* | 行政区划*"))
                .body("errors.field", org.hamcrest.Matchers.hasItems("B1", "C1", "header"));
        given().multiPart("file", "e.csv", "名称或姓名,检查对象类型\n".getBytes(StandardCharsets.UTF_8), "text/csv").post(IMPORTS)
                .then().statusCode(422).body("type", equalTo("urn:suiji:problem:wrong-headers"));
        given().multiPart("file", "e.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, "application/vnd.ms-excel")
                .post(IMPORTS).then().statusCode(422).body("errors[0].field", equalTo("file"));
        given().multiPart("file", "e.csv", file.getBytes(StandardCharsets.UTF_8), "text/csv").queryParam("mode", "SOMETIMES")
                .post(IMPORTS).then().statusCode(400).body("errors[0].field", equalTo("mode"));
    }

    @Test
    @TestSecurity(user = "registrar-city", roles = "registrar", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void reimportingUpdatesByCodeAndColumnsLeftOutKeepTheirValues() throws Exception {
        String code = Fixtures.uscc();
        String first = HEADER + "\n" + code + ",卫东区某公司,企业,410403,中兴路8号,B,2024-01-05,2,否,否,是,2010-05-06,\n";
        finished(location(upload("e.csv", first.getBytes(StandardCharsets.UTF_8), "ALL_OR_NOTHING", 202)));
        String again = "统一社会信用代码或身份证号码,名称或姓名,检查对象类型,行政区划,近12个月投诉举报次数\n"
                + code + ",卫东区某公司,企业,410403,7\n";
        JsonPath job = finished(location(upload("e.csv", again.getBytes(StandardCharsets.UTF_8), "ALL_OR_NOTHING", 202)));
        assertEquals(1, job.getInt("rowsUpdated"));
        JsonPath entity = given().queryParam("q", code).get("/api/v1/entities").then().extract().jsonPath();
        assertEquals(7, entity.getInt("items[0].complaintsLast12Months"));
        assertEquals("中兴路8号", entity.getString("items[0].address"));
        assertEquals("B", entity.getString("items[0].creditClass"));
        String id = entity.getString("items[0].id");
        assertEquals(List.of("io.suiji.registry.EntityRegistered.v1", "io.suiji.registry.EntityUpdated.v1"),
                Fixtures.outbox(em, id).stream().map(e -> (String) e[0]).toList());

        job = finished(location(upload("e.csv", again.getBytes(StandardCharsets.UTF_8), "ALL_OR_NOTHING", 202)));
        assertEquals(1, job.getInt("rowsUnchanged"));
        assertEquals(2, Fixtures.outbox(em, id).size(), "an unchanged row is not evented again");

        String deregister = "统一社会信用代码或身份证号码,名称或姓名,检查对象类型,行政区划,注销日期\n"
                + code + ",卫东区某公司,企业,410403,2024-06-30\n";
        finished(location(upload("e.csv", deregister.getBytes(StandardCharsets.UTF_8), "ALL_OR_NOTHING", 202)));
        assertEquals("io.suiji.registry.EntityDeregistered.v1", Fixtures.outbox(em, id).get(2)[0]);

        // Once deregistered, a file changes it no more than the API would (409 entity-deregistered):
        // neither a changed fact nor an empty 注销日期 brings it back.
        String revived = HEADER + "\n" + code + ",卫东区某公司,企业,410403,中兴路8号,B,2024-01-05,9,否,否,是,2010-05-06,\n";
        job = finished(location(upload("e.csv", revived.getBytes(StandardCharsets.UTF_8), "KEEP_GOOD_ROWS", 202)));
        assertEquals(1, job.getInt("rowsRejected"), job.prettify());
        List<CSVRecord> rejected = csv(given().get(job.getString("rejections")).then().statusCode(200).extract().asString());
        assertTrue(rejected.get(1).get(1).contains("deregistered on 2024-06-30"), rejected.get(1).get(1));
        given().get("/api/v1/entities/" + id).then().statusCode(200)
                .body("deregisteredOn", equalTo("2024-06-30"))
                .body("complaintsLast12Months", equalTo(7));
        assertEquals(3, Fixtures.outbox(em, id).size(), "nothing evented for the refused row");
    }

    @Test
    @TestSecurity(user = "registrar-city", roles = "registrar", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void aPersonReimportedWithChangedFactsKeepsTheSealedIdNumber() throws Exception {
        String person = Fixtures.residentId();
        String first = HEADER + "\n" + person + ",李桂兰,享受养老保险待遇人员,410402,矿工路1号,,,,,,是,,\n";
        finished(location(upload("p.csv", first.getBytes(StandardCharsets.UTF_8), "ALL_OR_NOTHING", 202)));
        String moved = HEADER + "\n" + person + ",李桂兰,享受养老保险待遇人员,410402,建设路9号,,,,,,是,,\n";
        JsonPath job = finished(location(upload("p.csv", moved.getBytes(StandardCharsets.UTF_8), "ALL_OR_NOTHING", 202)));

        assertEquals("COMPLETED", job.getString("status"), job.prettify());
        assertEquals(1, job.getInt("rowsUpdated"));
        String code = personalIds.hash(person);
        assertEquals(1, count("select count(*) from target_entity where code = ?1 and address = '建设路9号'"
                + " and resident_id_sealed is not null and resident_id_masked is not null", code));
    }

    @Test
    @TestSecurity(user = "registrar-city", roles = "registrar", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void anXlsxWorkbookIsReadWithItsDates() throws Exception {
        String code = Fixtures.uscc();
        byte[] workbook;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("检查对象");
            Row header = sheet.createRow(0);
            String[] headers = {"统一社会信用代码", "名称", "检查对象", "行政区划", "登记日期", "近12个月投诉举报次数"};
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(code);
            row.createCell(1).setCellValue("鲁山县某劳务派遣公司");
            row.createCell(2).setCellValue("劳务派遣单位和用工单位");
            row.createCell(3).setCellValue(410423);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat((short) 14);
            var registered = row.createCell(4);
            registered.setCellValue(java.time.LocalDate.of(2018, 7, 9));
            registered.setCellStyle(date);
            row.createCell(5).setCellValue(3);
            wb.write(out);
            workbook = out.toByteArray();
        }
        JsonPath job = finished(location(upload("名录.xlsx", workbook, "ALL_OR_NOTHING", 202)));
        assertEquals("COMPLETED", job.getString("status"), job.prettify());
        assertEquals("XLSX", job.getString("format"));
        given().queryParam("q", code).get("/api/v1/entities").then()
                .body("items[0].registeredOn", equalTo("2018-07-09"))
                .body("items[0].region", equalTo("410423"))
                .body("items[0].complaintsLast12Months", equalTo(3));
    }

    @Test
    @TestSecurity(user = "registrar-city", roles = "registrar", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void inspectorsAreImportedByCertificateWithLeavesAndConflicts() throws Exception {
        String employer = Fixtures.uscc();
        finished(location(upload("e.csv", (HEADER + "\n" + employer + ",原单位,企业,410402,,,,,,,,,\n").getBytes(StandardCharsets.UTF_8),
                "ALL_OR_NOTHING", 202)));
        String cert = "41040" + System.nanoTime() % 1_000_000_000L;
        String file = "姓名,执法证号,所属科室、单位,行政区划,专业领域,状态,请假期间,利害关系申报\n"
                + "张伟," + cert + ",劳动保障监察局（支队）,平顶山市,用人单位、PDS-2020-07,请假,2020-01-01至2099-12-31,"
                + employer + ":原工作单位:2023-03-01\n"
                + "李娜,,劳动关系科,410402,,,,\n"
                + "王强,X" + cert + ",劳动关系科,410402,,,,91410400MA40A1B281:亲属任职\n";
        JsonPath job = finished(location(given().multiPart("file", "inspectors.csv", file.getBytes(StandardCharsets.UTF_8), "text/csv")
                .queryParam("kind", "INSPECTORS").queryParam("mode", "KEEP_GOOD_ROWS")
                .post(IMPORTS).then().statusCode(202).extract().asString()));
        assertEquals(1, job.getInt("rowsCreated"), job.prettify());
        assertEquals(2, job.getInt("rowsRejected"));
        String employerId = given().queryParam("q", employer).get("/api/v1/entities").then().extract().path("items[0].id");
        given().queryParam("q", cert).get("/api/v1/inspectors").then()
                .body("items[0].status", equalTo("ON_LEAVE"))
                .body("items[0].leaves[0].to", equalTo("2099-12-31"))
                .body("items[0].expertise", equalTo(List.of("用人单位", "PDS-2020-07")))
                .body("items[0].conflicts[0].entityId", equalTo(employerId))
                .body("items[0].conflicts[0].declaredOn", equalTo("2023-03-01"));
        List<CSVRecord> rows = csv(given().get(job.getString("rejections")).then().extract().asString());
        assertTrue(rows.get(1).get(1).contains("执法证号"), rows.get(1).get(1));
        assertTrue(rows.get(2).get(1).contains("no entity with code 91410400MA40A1B281"), rows.get(2).get(1));
    }

    @Test
    @TestSecurity(user = "registrar-xinhua", roles = "registrar", attributes = @SecurityAttribute(key = "region", value = "410402"))
    void aCountyImportsIntoItsOwnRegionOnly() throws Exception {
        String own = Fixtures.uscc();
        String foreign = Fixtures.uscc();
        String file = HEADER + "\n" + own + ",新华区公司,企业,410402,,,,,,,,,\n" + foreign + ",卫东区公司,企业,410403,,,,,,,,,\n";
        JsonPath job = finished(location(upload("e.csv", file.getBytes(StandardCharsets.UTF_8), "KEEP_GOOD_ROWS", 202)));
        assertEquals(1, job.getInt("rowsCreated"));
        assertEquals(1, job.getInt("rowsRejected"));
        assertEquals(0, count("select count(*) from target_entity where code = ?1", foreign));
        given().get(IMPORTS).then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(job.getString("id")));

        // Newer jobs of the city, outside the county's view, do not push the county's own off its list.
        for (int i = 0; i < 4; i++) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    insert into import_job (id, kind, mode, status, format, headers, bytes_total, scope_region, created_by)
                    values (gen_random_uuid(), 'ENTITIES', 'ALL_OR_NOTHING', 'COMPLETED', 'CSV', '{}', 0, '410400', 'registrar-city')""")
                    .executeUpdate());
        }
        given().queryParam("size", 1).get(IMPORTS).then().statusCode(200)
                .body("id", org.hamcrest.Matchers.contains(job.getString("id")));
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void onlyRegistrarsImport() {
        given().multiPart("file", "e.csv", HEADER.getBytes(StandardCharsets.UTF_8), "text/csv").post(IMPORTS)
                .then().statusCode(403).contentType("application/problem+json");
    }
}
