package io.suiji.catalog.seed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.suiji.catalog.Fixtures;
import io.suiji.catalog.importing.CsvTable;
import io.suiji.catalog.importing.SheetRow;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.catalog.MatterPublished;
import io.suiji.contracts.catalog.MatterState;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The nine matters of 平人社办〔2020〕47号 are there after start, anonymously readable, their text
 * exactly the source document's, and each left through the outbox as {@code MatterPublished}.
 */
@QuarkusTest
class SeedResourceTest {

    @Inject
    EntityManager em;

    @Inject
    SeedLoader seeds;

    private static String code(int order) {
        return "PDS-2020-%02d".formatted(order);
    }

    // How the document separates the entries of a cell: full-width ；in rows 1–5, "; " in rows 6–9.
    private static String separatorIn(String cell) {
        return cell.contains("；") ? "；" : "; ";
    }

    @Test
    void theNineSeedMattersCarryTheTextOfTheSourceDocument() {
        List<List<String>> reference = ReferenceDocument.rows();
        assertEquals(9, reference.size());
        for (int i = 0; i < 9; i++) {
            List<String> cells = reference.get(i);
            JsonPath m = given().get("/api/v1/matters/" + code(i + 1)).then().statusCode(200).extract().jsonPath();
            String row = "row " + (i + 1);
            assertEquals(Integer.parseInt(cells.get(0)), m.getInt("displayOrder"), row);
            assertEquals(cells.get(1), m.getString("name"), row);
            List<String> legalBases = m.getList("legalBases", String.class);
            assertEquals(cells.get(2), String.join(separatorIn(cells.get(2)), legalBases), row);
            assertEquals(cells.get(3), String.join("、", m.getList("targetTypes", String.class)), row);
            List<String> items = m.getList("checkItems", String.class);
            List<String> numbered = new ArrayList<>();
            for (int k = 0; k < items.size(); k++) {
                numbered.add(items.size() == 1 ? items.get(k) : (k + 1) + ". " + items.get(k));
            }
            assertEquals(cells.get(4), String.join(separatorIn(cells.get(4)), numbered), row);
            assertEquals(cells.get(5), labelOf(m.getString("category")), row);
            assertEquals(cells.get(6), m.getList("methods", String.class).stream().map(SeedResourceTest::methodLabel)
                    .collect(Collectors.joining("、")), row);
            String ratio = cells.get(7).endsWith("%") ? m.getString("ratio.percent") + "%"
                    : "至少" + m.getInt("ratio.minimumCount") + "人";
            assertEquals(cells.get(7), ratio, row);
            String frequency = (m.getBoolean("frequency.asNeeded") ? "根据工作需要或" : "")
                    + m.getInt("frequency.timesPerYear") + "次/年";
            assertEquals(cells.get(8), frequency, row);
            assertEquals(cells.get(9), m.getString("implementingBody"), row);
            assertEquals(List.of("CITY", "COUNTY"), m.getList("levels", String.class), row);
            assertEquals(cells.get(10), String.join("、", m.getList("responsibleUnits", String.class)), row);
            assertEquals("平人社办〔2020〕47号", m.getString("sourceDocument"), row);
            assertEquals("2020-04-27", m.getString("effectiveFrom"), row);
            assertEquals("PUBLISHED", m.getString("status"), row);
        }
    }

    @Test
    void eachSeedMatterWasPublishedThroughTheOutboxWithItsFullState() throws Exception {
        for (int i = 1; i <= 9; i++) {
            List<Object[]> events = Fixtures.outbox(em, code(i));
            assertEquals("io.suiji.catalog.MatterPublished.v1", events.get(0)[0]);
            MatterState state = EventJson.mapper().readValue(events.get(0)[1].toString(), MatterPublished.class).matter();
            assertEquals(code(i), state.code());
            assertEquals(1, state.version());
            assertEquals("平人社办〔2020〕47号", state.sourceDocument());
            assertFalse(state.checkItems().isEmpty());
            assertFalse(state.responsibleUnits().isEmpty());
        }
    }

    @Test
    void theSeedIsLoadedOnlyOnce() {
        assertFalse(seeds.load(SeedCatalogue.PINGDINGSHAN_2020));
        assertEquals(1, Fixtures.count(em, "select count(*) from catalog_seed"));
        assertEquals(9, Fixtures.count(em, "select count(*) from matter where code like 'PDS-2020-%'"));
    }

    @Test
    void theExportWritesRowsOneToFiveExactlyAsTheDocumentPrintsThem() {
        byte[] csv = given().queryParam("format", "csv").get("/api/v1/matters/export")
                .then().statusCode(200).extract().asByteArray();
        List<SheetRow> rows = CsvTable.read(csv);
        assertEquals(ReferenceDocument.header(), rows.get(0).cells());
        List<List<String>> reference = ReferenceDocument.rows();
        for (int i = 0; i < 5; i++) {
            assertEquals(reference.get(i), rows.get(i + 1).cells(), "row " + (i + 1));
        }
    }

    private static String labelOf(String category) {
        return "GENERAL".equals(category) ? "一般检查事项" : "重点检查事项";
    }

    private static String methodLabel(String method) {
        return switch (method) {
            case "ON_SITE" -> "现场检查";
            case "DOCUMENT_REVIEW" -> "书面检查";
            default -> "网上信息技术比对";
        };
    }
}
