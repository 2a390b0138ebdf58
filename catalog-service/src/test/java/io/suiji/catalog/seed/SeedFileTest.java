package io.suiji.catalog.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.suiji.catalog.importing.CsvTable;
import io.suiji.catalog.importing.ImportPlan;
import io.suiji.catalog.importing.ImportPlanner;
import io.suiji.catalog.importing.SheetParser;
import io.suiji.catalog.importing.SheetRow;
import io.suiji.catalog.matter.MatterColumn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped seed is the attachment of the source document, cell for cell, and plans as nine creations. */
class SeedFileTest {

    private static List<SheetRow> seedSheet() throws IOException {
        try (InputStream in = SeedFileTest.class.getClassLoader()
                .getResourceAsStream(SeedCatalogue.PINGDINGSHAN_2020.resource())) {
            return CsvTable.readTabSeparated(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theSeedSheetHasTheAttachmentsHeaderAndItsNineRowsVerbatim() throws IOException {
        List<SheetRow> sheet = seedSheet().stream().filter(r -> !r.blank()).toList();
        assertEquals(MatterColumn.headerRow(), ReferenceDocument.header());
        assertEquals(ReferenceDocument.header(), sheet.get(1).cells());
        List<List<String>> reference = ReferenceDocument.rows();
        assertEquals(9, reference.size());
        for (int i = 0; i < 9; i++) {
            assertEquals(reference.get(i), sheet.get(i + 2).cells(), "row " + (i + 1));
        }
    }

    @Test
    void theSeedPlansAsNineNewMattersCodedPds2020ByTheirNumber() throws IOException {
        ImportPlan plan = ImportPlanner.plan(SheetParser.parse(seedSheet()), List.of(),
                SeedCatalogue.PINGDINGSHAN_2020.codePrefix(), SeedCatalogue.PINGDINGSHAN_2020.effectiveFrom());
        assertEquals(List.of(), plan.problems());
        assertEquals(List.of("PDS-2020-01", "PDS-2020-02", "PDS-2020-03", "PDS-2020-04", "PDS-2020-05",
                        "PDS-2020-06", "PDS-2020-07", "PDS-2020-08", "PDS-2020-09"),
                plan.rows().stream().map(ImportPlan.Row::code).toList());
        assertEquals(9, plan.count(ImportPlan.Action.CREATE));
    }
}
