package io.suiji.catalog.importing;

import io.suiji.catalog.matter.MatterColumn;
import io.suiji.catalog.matter.MatterContent;
import java.util.ArrayList;
import java.util.List;

/** A catalogue as a table: the attachment's header row, then one row per matter in its words. */
public final class SheetLayout {

    private SheetLayout() {
    }

    public static List<List<String>> table(List<MatterContent> matters) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(MatterColumn.headerRow());
        matters.forEach(m -> rows.add(row(m)));
        return rows;
    }

    public static List<String> row(MatterContent m) {
        return List.of(
                CellFormat.formatDisplayOrder(m.displayOrder()),
                m.name() == null ? "" : m.name(),
                CellFormat.formatLegalBases(m.legalBases()),
                CellFormat.formatTargetTypes(m.targetTypes()),
                CellFormat.formatCheckItems(m.checkItems()),
                CellFormat.formatCategory(m.category()),
                CellFormat.formatMethods(m.methods()),
                CellFormat.formatRatio(m.ratio()),
                CellFormat.formatFrequency(m.frequency()),
                CellFormat.formatLevel(m.levels(), m.implementingBody()),
                CellFormat.formatUnits(m.responsibleUnits()));
    }
}
