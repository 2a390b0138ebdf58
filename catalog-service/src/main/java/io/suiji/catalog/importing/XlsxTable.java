package io.suiji.catalog.importing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads the first sheet of an {@code .xlsx} workbook as text, as Excel shows it; writes one. */
public final class XlsxTable {

    public static final String SHEET_NAME = "抽查事项清单";
    // Character widths of the eleven columns, roughly as the attachment lays them out.
    private static final int[] WIDTHS = {6, 24, 48, 18, 56, 14, 20, 12, 22, 26, 28};

    private XlsxTable() {
    }

    public static List<SheetRow> read(byte[] content) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                return List.of();
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            List<SheetRow> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : formatter.formatCellValue(cell, evaluator));
                    }
                }
                rows.add(new SheetRow(r + 1, cells));
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException("the file is not a readable .xlsx workbook: " + e.getMessage(), e);
        }
    }

    /** A workbook of one sheet: the first row bold (the header), every cell text, long text wrapped. */
    public static byte[] write(List<List<String>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET_NAME);
            CellStyle header = style(workbook, true);
            CellStyle body = style(workbook, false);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Cell cell = row.createCell(c);
                    // Always text: "5%" must stay the words of the catalogue, not become the number 0.05.
                    cell.setCellValue(values.get(c));
                    cell.setCellStyle(r == 0 ? header : body);
                }
            }
            for (int c = 0; c < WIDTHS.length; c++) {
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the workbook", e);
        }
    }

    private static CellStyle style(XSSFWorkbook workbook, boolean bold) {
        CellStyle style = workbook.createCellStyle();
        style.setWrapText(true);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setDataFormat(workbook.createDataFormat().getFormat("@"));
        XSSFFont font = workbook.createFont();
        font.setFontName("宋体");
        font.setBold(bold);
        style.setFont(font);
        return style;
    }
}
