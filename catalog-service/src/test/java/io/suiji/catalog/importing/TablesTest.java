package io.suiji.catalog.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.suiji.catalog.matter.MatterColumn;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The .xlsx and .csv forms hold the text of every cell, multi-line and quoted cells included. */
class TablesTest {

    private static final List<List<String>> TABLE = List.of(
            MatterColumn.headerRow(),
            List.of("1", "人力资源服务机构管理检查", "甲；乙", "企业", "1. 第一项\n2. 第二项, \"引号\"", "一般检查事项", "现场检查", "5%",
                    "1次/年", "市、县人力资源社会保障部门", "劳动关系科"));

    @Test
    void xlsxRoundTrip() {
        byte[] workbook = XlsxTable.write(TABLE);
        assertEquals(TableFormat.XLSX, TableFormat.detect("whatever.bin", workbook));
        List<SheetRow> rows = XlsxTable.read(workbook);
        assertEquals(TABLE, rows.stream().map(SheetRow::cells).toList());
        assertEquals(2, rows.get(1).number());
    }

    @Test
    void csvRoundTripWithBom() {
        byte[] csv = CsvTable.write(TABLE);
        assertEquals((byte) 0xEF, csv[0]);
        assertEquals(TableFormat.CSV, TableFormat.detect("清单.csv", csv));
        assertEquals(TABLE, CsvTable.read(csv).stream().map(SheetRow::cells).toList());
    }

    @Test
    void csvSavedByExcelOnChineseWindowsIsGb18030() {
        String text = String.join(",", MatterColumn.headerRow()) + "\r\n";
        byte[] gbk = text.getBytes(Charset.forName("GB18030"));
        assertEquals(MatterColumn.headerRow(), CsvTable.read(gbk).get(0).cells());
        assertEquals(MatterColumn.headerRow(), CsvTable.read(text.getBytes(StandardCharsets.UTF_8)).get(0).cells());
    }

    @Test
    void filesThatAreNotSheetsAreRefusedWithAReason() {
        assertThrows(UnreadableFileException.class, () -> XlsxTable.read("PK\3\4 not really".getBytes()));
        assertThrows(UnreadableFileException.class, () -> TableFormat.detect("x.xls",
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}));
        assertThrows(UnreadableFileException.class, () -> TableFormat.detect("x.xlsx", "序号,抽查事项".getBytes()));
    }
}
