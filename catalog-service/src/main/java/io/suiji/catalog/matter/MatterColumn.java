package io.suiji.catalog.matter;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The eleven columns of the attachment (附件) of 平人社办〔2020〕47号, in their order: the vocabulary
 * in which rules, differences between versions and spreadsheet cells are reported.
 */
public enum MatterColumn {
    DISPLAY_ORDER('A', "序号", "displayOrder"),
    NAME('B', "抽查事项", "name"),
    LEGAL_BASES('C', "检查依据", "legalBases"),
    TARGET_TYPES('D', "检查对象", "targetTypes"),
    CHECK_ITEMS('E', "检查内容", "checkItems"),
    CATEGORY('F', "事项类别", "category"),
    METHODS('G', "检查方式", "methods"),
    RATIO('H', "抽查比例", "ratio"),
    FREQUENCY('I', "抽查频次", "frequency"),
    IMPLEMENTING_LEVEL('J', "实施层级", "levels", "implementingBody"),
    RESPONSIBLE_UNITS('K', "责任科室、单位", "responsibleUnits");

    private final char letter;
    private final String header;
    private final List<String> fields;

    MatterColumn(char letter, String header, String... fields) {
        this.letter = letter;
        this.header = header;
        this.fields = List.of(fields);
    }

    /** The spreadsheet column letter, A–K. */
    public char letter() {
        return letter;
    }

    /** The column's heading exactly as the attachment prints it. */
    public String header() {
        return header;
    }

    /** The cell reference of this column in spreadsheet row {@code row} (1-based), e.g. {@code H6}. */
    public String cell(int row) {
        return letter + Integer.toString(row);
    }

    /** The header row of the attachment, column by column. */
    public static List<String> headerRow() {
        return Arrays.stream(values()).map(MatterColumn::header).toList();
    }

    /**
     * The column a JSON field path belongs to: {@code ratio.percent} → 抽查比例,
     * {@code checkItems[2]} → 检查内容; empty for fields that are not columns (code, effectiveFrom).
     */
    public static Optional<MatterColumn> ofField(String fieldPath) {
        String root = fieldPath.split("[.\\[]", 2)[0];
        return Arrays.stream(values()).filter(c -> c.fields.contains(root)).findFirst();
    }
}
