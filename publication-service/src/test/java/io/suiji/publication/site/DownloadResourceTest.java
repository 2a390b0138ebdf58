package io.suiji.publication.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.suiji.publication.MutableClock;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Component test of the open-data downloads {@code /results.csv} and {@code /results.json} on the real
 * test database, with the service clock fixed so that the fixture stays within its retention period.
 * Rows are written straight into the read model (fixed ids, so the output can be compared byte for
 * byte with the files under {@code src/test/resources/downloads/}, made by the earlier in-memory
 * implementation).
 */
@QuarkusTest
class DownloadResourceTest {

    private static final String GOLDEN_MATTER = "DL-GOLDEN-1";
    private static final String LARGE_MATTER = "DL-LARGE-1";
    private static final int LARGE = 5_000;

    @Inject
    EntityManager em;

    @Inject
    MutableClock clock;

    @Inject
    ObjectMapper json;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theDownloadsOfAFixtureAreExactlyWhatTheyWere() throws IOException {
        goldenFixture();
        clock.set(LocalDate.of(2026, 6, 1), LocalTime.NOON);
        byte[] csv = given().queryParam("matter", GOLDEN_MATTER).get("/results.csv").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"suiji-results.csv\"")
                .extract().asByteArray();
        byte[] body = given().queryParam("matter", GOLDEN_MATTER).get("/results.json").then().statusCode(200)
                .contentType(containsString("application/json"))
                .header("Content-Disposition", "attachment; filename=\"suiji-results.json\"")
                .extract().asByteArray();
        assertEquals(golden("results.csv"), new String(csv, StandardCharsets.UTF_8));
        assertEquals(golden("results.json"), new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void fiveThousandRowsStreamCompleteAndInOrder() throws IOException {
        largeFixture();
        clock.set(LocalDate.of(2026, 6, 1), LocalTime.NOON);
        String csv = given().queryParam("matter", LARGE_MATTER).get("/results.csv").then().statusCode(200)
                .extract().asString();
        String[] lines = csv.substring(1).split("\r\n");
        assertEquals(LARGE + 1, lines.length);
        assertEquals(ResultsCsv.HEADER, lines[0]);
        // Newest publication first: row i was published i minutes after the first.
        assertTrue(lines[1].startsWith("大样本单位" + (LARGE - 1) + ","), lines[1]);
        assertTrue(lines[LARGE].startsWith("大样本单位0,"), lines[LARGE]);

        JsonNode rows = json.readTree(given().queryParam("matter", LARGE_MATTER).get("/results.json").then()
                .statusCode(200).extract().asByteArray());
        assertEquals(LARGE, rows.size());
        Set<String> names = new HashSet<>();
        rows.forEach(r -> names.add(r.get("entityName").asText()));
        assertEquals(LARGE, names.size());
        assertEquals("大样本单位" + (LARGE - 1), rows.get(0).get("entityName").asText());
    }

    @Test
    void badParametersAreAProblemBeforeAnyRowIsWritten() {
        given().queryParam("region", "4104").get("/results.csv").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body(containsString("region"));
        given().queryParam("year", "20x0").get("/results.json").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body(containsString("year"));
    }

    private String golden(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/downloads/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Six results of one matter: an organisation (fined, a comma and a formula in its cells), a person, an unknown entity. */
    private void goldenFixture() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from result_item where matter_code = ?1").setParameter(1, GOLDEN_MATTER).executeUpdate();
            em.createNativeQuery("delete from entity_view where id like 'golden-%'").executeUpdate();
            entity("golden-org", "USCC", "91410400MA00GOLD1X", "平顶山市\"金\"建筑有限公司");
            entity("golden-formula", "USCC", "91410400MA00GOLD2X", "=HYPERLINK(\"x\")商行");
            entity("golden-person", "RESIDENT_ID_HASH", "hmac:golden", "欧阳娜娜");
            result("golden-1", "golden-org", "410402", "ADMINISTRATIVE_PENALTY", "平人社监罚〔2026〕1号", "5000.00",
                    "《劳动保障监察条例》第二十六条, 第二款", "2026-02-10", "劳动保障监察局（支队）", "2026-03-02T02:00:00Z");
            result("golden-2", "golden-org", "410402", "CORRECTED", null, null, null, "2026-02-09",
                    "劳动保障监察局（支队）", "2026-03-02T02:00:00Z");
            result("golden-3", "golden-formula", "410471", "NO_PROBLEM", null, null, null, "2026-02-11", null,
                    "2026-03-02T02:00:00Z");
            result("golden-4", "golden-person", "410403", "NO_PROBLEM", null, null, null, "2026-02-11",
                    "劳动保障监察局（支队）", "2026-03-01T09:30:15.123456Z");
            result("golden-5", "golden-unknown", "410999", "UNREACHABLE_AT_REGISTERED_ADDRESS", null, null, null, "2026-01-31",
                    "劳动保障监察局（支队）", "2026-01-05T00:00:00Z");
            result("golden-6", "golden-org", "410402", "ADMINISTRATIVE_PENALTY", "平人社监罚〔2026〕2号", "120.50",
                    "《社会保险法》第八十六条", "2026-01-20", "劳动保障监察局（支队）", "2026-01-05T00:00:00Z");
        });
    }

    private void largeFixture() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from result_item where matter_code = ?1").setParameter(1, LARGE_MATTER).executeUpdate();
            em.createNativeQuery("delete from entity_view where id like 'large-%'").executeUpdate();
            em.createNativeQuery("""
                    insert into entity_view (id, code, code_kind, name, region)
                    select 'large-' || n, '91410400MA' || lpad(n::text, 8, '0'), 'USCC', '大样本单位' || n, '410402'
                    from generate_series(0, ?1 - 1) n""").setParameter(1, LARGE).executeUpdate();
            em.createNativeQuery("""
                    insert into result_item (id, inspection_id, task_id, batch, entity_id, entity_region, matter_code,
                        outcome, closed_on, department, published_at)
                    select gen_random_uuid(), 'large-' || n, 'DL-LARGE', 1, 'large-' || n, '410402', ?2, 'NO_PROBLEM',
                        date '2026-02-01', '劳动保障监察局（支队）', timestamptz '2026-03-01 00:00:00+00' + n * interval '1 minute'
                    from generate_series(0, ?1 - 1) n""").setParameter(1, LARGE).setParameter(2, LARGE_MATTER).executeUpdate();
        });
    }

    private void entity(String id, String kind, String code, String name) {
        em.createNativeQuery("insert into entity_view (id, code, code_kind, name, region) values (?1, ?2, ?3, ?4, '410402')")
                .setParameter(1, id).setParameter(2, code).setParameter(3, kind).setParameter(4, name).executeUpdate();
    }

    /** Null cells are passed as empty strings and stored as null (a typed null cannot be bound to a native query). */
    private void result(String inspection, String entity, String region, String outcome, String decision, String amount,
                        String basis, String closedOn, String department, String publishedAt) {
        em.createNativeQuery("""
                        insert into result_item (id, inspection_id, task_id, batch, entity_id, entity_region, matter_code, outcome,
                            penalty_decision_number, penalty_amount, penalty_legal_basis, closed_on, department, published_at)
                        values (gen_random_uuid(), ?1, 'DL-GOLDEN', 1, ?2, ?3, ?4, ?5, nullif(?6, ''), cast(nullif(?7, '') as numeric),
                            nullif(?8, ''), cast(?9 as date), nullif(?10, ''), cast(?11 as timestamptz))""")
                .setParameter(1, inspection).setParameter(2, entity).setParameter(3, region).setParameter(4, GOLDEN_MATTER)
                .setParameter(5, outcome).setParameter(6, decision == null ? "" : decision).setParameter(7, amount == null ? "" : amount)
                .setParameter(8, basis == null ? "" : basis).setParameter(9, closedOn).setParameter(10, department == null ? "" : department)
                .setParameter(11, publishedAt).executeUpdate();
    }
}
