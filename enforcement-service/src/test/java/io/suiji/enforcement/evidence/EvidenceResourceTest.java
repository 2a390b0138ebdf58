package io.suiji.enforcement.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.enforcement.CaseSource;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.enforcement.Caller;
import io.suiji.enforcement.Fixtures;
import io.suiji.enforcement.TestChannels;
import io.suiji.enforcement.assignment.AssignmentService;
import io.suiji.enforcement.cases.CaseRequests;
import io.suiji.enforcement.cases.CaseService;
import io.suiji.enforcement.record.Finding;
import io.suiji.enforcement.record.FindingResult;
import io.suiji.enforcement.record.RecordRequests;
import io.suiji.platform.problem.ProblemException;
import io.suiji.platform.testing.InMemoryChannels;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * 证据材料: group members attach files to open assignments and cases; refused uploads (413, 415, 409)
 * leave neither a row nor a file; downloads are checked against the SHA-256 recorded on arrival.
 * Callers come from {@code @TestSecurity}; selections arrive through the in-memory connector.
 */
@QuarkusTest
@WithTestResource(value = InMemoryChannels.class, initArgs = @ResourceArg(name = "incoming", value = TestChannels.INCOMING))
class EvidenceResourceTest {

    /** The test profile's directory (application.properties), relative to the module. */
    private static final Path DIRECTORY = Path.of("target/evidence");
    private static final byte[] PDF = "%PDF-1.7\n现场检查笔录\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    @Inject
    AssignmentService assignments;

    @Inject
    EvidenceService evidence;

    @Inject
    CaseService cases;

    @Test
    @TestSecurity(user = Fixtures.ZHANG, roles = "inspector")
    void aMemberUploadsEvidenceThatIsListedAndServedWithItsDigest() throws Exception {
        UUID id = assignment(Fixtures.COUNTY);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));

        var created = given().multiPart("file", "inspection-record.pdf", PDF, "application/pdf")
                .post(path(id)).then().statusCode(201)
                .body("sha256", equalTo(sha256))
                .body("size", equalTo(PDF.length))
                .body("filename", equalTo("inspection-record.pdf"))
                .body("contentType", equalTo("application/pdf"))
                .body("uploadedBy", equalTo(Fixtures.ZHANG))
                .extract();
        String href = created.path("href");
        assertTrue(created.header("Location").endsWith(href), created.header("Location"));
        String evidenceId = created.path("id");
        assertArrayEquals(PDF, Files.readAllBytes(DIRECTORY.resolve(id.toString()).resolve(evidenceId)));

        given().get(path(id)).then().statusCode(200).body("", hasSize(1)).body("[0].sha256", equalTo(sha256));
        byte[] served = given().get(href).then().statusCode(200)
                .contentType("application/pdf")
                .header("Repr-Digest", equalTo("sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":"))
                .header("ETag", equalTo("\"" + sha256 + "\""))
                .header("Content-Disposition", containsString("filename=\"inspection-record.pdf\""))
                .extract().asByteArray();
        assertArrayEquals(PDF, served);
    }

    @Test
    @TestSecurity(user = Fixtures.ZHANG, roles = "inspector")
    void refusedUploadsAreProblemsAndLeaveNeitherRowNorFile() throws IOException {
        UUID id = assignment(Fixtures.COUNTY);

        given().multiPart("file", "notes.txt", "检查笔记".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post(path(id)).then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:unsupported-media-type"))
                .body("detail", containsString("text/plain"))
                .body("errors[0].field", equalTo("file.contentType"));
        given().multiPart("file", "photo.png", PDF, "image/png")
                .post(path(id)).then().statusCode(415).body("errors[0].field", equalTo("file"));
        given().multiPart("file", "scan.pdf", large(), "application/pdf")
                .post(path(id)).then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:payload-too-large"))
                .body("detail", containsString("65536"));
        given().multiPart("attachment", "scan.pdf", PDF, "application/pdf")
                .post(path(id)).then().statusCode(422).body("errors[0].field", equalTo("file"));

        assertEquals(0, Fixtures.count(em, "select count(*) from evidence_file where assignment_id = ?1", id));
        assertTrue(!Files.exists(DIRECTORY.resolve(id.toString())), "no file of " + id + " was kept");
        assertEquals(0, staged());
    }

    @Test
    @TestSecurity(user = Fixtures.ZHANG, roles = "inspector")
    void aClosedAssignmentKeepsItsEvidenceAndRefusesMore() {
        UUID id = assignment(Fixtures.COUNTY);
        given().multiPart("file", "site.png", PNG, "image/png").post(path(id)).then().statusCode(201);
        Fixtures.closeByBoth(assignments, id, Outcome.NO_PROBLEM);

        given().multiPart("file", "late.png", PNG, "image/png").post(path(id)).then().statusCode(409)
                .body("type", equalTo("urn:suiji:problem:assignment-closed"));
        given().get(path(id)).then().statusCode(200).body("filename", equalTo(java.util.List.of("site.png")));
    }

    @Test
    @TestSecurity(user = "sup-city", roles = "supervisor", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void staffReadTheirRegionsEvidenceButDoNotUploadAndAlteredFilesAreNotServed() throws IOException {
        UUID id = assignment(Fixtures.COUNTY);
        UUID elsewhere = assignment("411100");
        EvidenceView stored = evidence.upload(Fixtures.inspector(Fixtures.LI), EvidenceOwner.assignment(id),
                new EvidenceService.Upload("site.png", "image/png", PNG.length, new ByteArrayInputStream(PNG)));

        given().get(path(id)).then().statusCode(200).body("id", equalTo(java.util.List.of(stored.id().toString())));
        assertArrayEquals(PNG, given().get(stored.href()).then().statusCode(200).extract().asByteArray());
        given().multiPart("file", "site.png", PNG, "image/png").post(path(id)).then().statusCode(403);
        given().get(path(elsewhere)).then().statusCode(404);

        // Changed on disk behind the service's back: not served as evidence.
        Files.write(DIRECTORY.resolve(id.toString()).resolve(stored.id().toString()), PDF);
        given().get(stored.href()).then().statusCode(500).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "insp-wang", roles = "inspector")
    void anInspectorOutsideTheGroupLearnsNothing() {
        UUID id = assignment(Fixtures.COUNTY);
        EvidenceView stored = evidence.upload(Fixtures.inspector(Fixtures.ZHANG), EvidenceOwner.assignment(id),
                new EvidenceService.Upload("site.png", "image/png", PNG.length, new ByteArrayInputStream(PNG)));

        given().multiPart("file", "site.png", PNG, "image/png").post(path(id)).then().statusCode(404);
        given().get(path(id)).then().statusCode(404);
        given().get(stored.href()).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = Fixtures.ZHANG, roles = "inspector")
    void aCasesInspectorsAttachEvidenceUntilItClosesAndOutsidersLearnNothing() throws Exception {
        UUID id = cases.open(new Caller("sup-city", false, true, "410400", null), new CaseRequests.Open(CaseSource.COMPLAINT,
                "平人社投〔2020〕130号", UUID.randomUUID().toString(), Fixtures.COUNTY, null, List.of(Fixtures.ZHANG, Fixtures.LI))).id();
        String casePath = "/api/v1/cases/" + id + "/evidence";
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));

        String href = given().multiPart("file", "投诉核查笔录.pdf", PDF, "application/pdf").post(casePath).then().statusCode(201)
                .body("caseId", equalTo(id.toString())).body("assignmentId", nullValue())
                .body("sha256", equalTo(sha256)).extract().path("href");
        assertTrue(href.startsWith(casePath + "/"), href);
        given().multiPart("file", "notes.txt", "笔记".getBytes(StandardCharsets.UTF_8), "text/plain").post(casePath)
                .then().statusCode(415);
        given().get(casePath).then().statusCode(200).body("sha256", equalTo(List.of(sha256)));
        assertArrayEquals(PDF, given().get(href).then().statusCode(200).header("ETag", equalTo("\"" + sha256 + "\""))
                .extract().asByteArray());
        // A case's file is not reachable under an assignment's address.
        given().get("/api/v1/assignments/" + id + "/evidence").then().statusCode(404);
        assertThrows(ProblemException.class, () -> evidence.list(Fixtures.inspector("insp-wang"), EvidenceOwner.ofCase(id)));

        cases.recordFindings(Fixtures.inspector(Fixtures.ZHANG), id, new RecordRequests.Findings(InspectionMethod.ON_SITE,
                Map.of("1", new Finding(FindingResult.COMPLIANT, null))));
        cases.recordOutcome(Fixtures.inspector(Fixtures.ZHANG), id, new RecordRequests.OutcomeRecord(Outcome.NO_PROBLEM, null, null));
        cases.confirm(Fixtures.inspector(Fixtures.ZHANG), id);
        cases.confirm(Fixtures.inspector(Fixtures.LI), id);
        given().multiPart("file", "late.png", PNG, "image/png").post(casePath).then().statusCode(409);
        given().get(casePath).then().statusCode(200).body("", hasSize(1));
    }

    @Test
    void chineseFilenamesSurviveTheDownloadHeader() {
        assertEquals("attachment; filename=\"______.pdf\"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E6%A3%80%E6%9F%A5%E7%AC%94%E5%BD%95.pdf",
                EvidenceResource.contentDisposition("现场检查笔录.pdf"));
    }

    private UUID assignment(String region) {
        return Fixtures.draw(connector, em, Fixtures.id("draw"), Fixtures.id("task"), 1, region).get(0);
    }

    private static String path(UUID id) {
        return "/api/v1/assignments/" + id + "/evidence";
    }

    private static byte[] large() {
        byte[] bytes = new byte[70_000];
        System.arraycopy(PDF, 0, bytes, 0, PDF.length);
        return bytes;
    }

    private static long staged() throws IOException {
        Path incoming = DIRECTORY.resolve(".incoming");
        if (!Files.exists(incoming)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(incoming)) {
            return files.count();
        }
    }
}
