package io.suiji.registry.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an {@code .xlsx} workbook, streamed through POI's SAX event API: rows are
 * never all in memory, nor is the shared-strings table ({@link SpilledSharedStrings} keeps it in a
 * temporary file). Cells read as Excel shows them, except dates, which read as {@code yyyy-MM-dd}
 * whatever the cell's display format.
 */
final class XlsxRows implements RowSource {

    private final OPCPackage pkg;
    private final long total;
    private volatile CountingInputStream sheet;
    private SpilledSharedStrings strings;

    XlsxRows(Path file) throws IOException {
        try {
            this.pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            throw new UnreadableFileException("the file is not a readable .xlsx workbook: " + e.getMessage(), e);
        }
        this.total = Files.size(file);
    }

    @Override
    public void forEach(RowHandler handler) throws Exception {
        XSSFReader reader;
        StylesTable styles;
        InputStream sheetData;
        try {
            reader = new XSSFReader(pkg);
            if (strings == null) {
                strings = new SpilledSharedStrings(pkg);
            }
            styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            sheetData = sheets.next();
        } catch (Exception e) {
            throw new UnreadableFileException("the file is not a readable .xlsx workbook: " + e.getMessage(), e);
        }
        sheet = new CountingInputStream(sheetData);
        Rows rows = new Rows(handler);
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new IsoDates(), false));
        try (InputStream in = sheet) {
            parser.parse(new InputSource(in));
        } catch (Stop stop) {
            // the handler asked to stop
        } catch (Wrapped wrapped) {
            throw wrapped.cause;
        } catch (org.xml.sax.SAXException e) {
            throw new UnreadableFileException("the first sheet is not readable: " + e.getMessage(), e);
        }
    }

    // Progress is measured on the file: the compressed bytes behind the sheet are not visible, so the
    // uncompressed count is scaled down by the archive's compression, which is close enough for a bar.
    @Override
    public long bytesRead() {
        CountingInputStream s = sheet;
        return s == null ? 0 : Math.min(total - 1, s.count() / 8);
    }

    @Override
    public long bytesTotal() {
        return total;
    }

    @Override
    public void close() throws IOException {
        try (SpilledSharedStrings spilled = strings) {
            pkg.revert();
        }
    }

    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private static final class Wrapped extends RuntimeException {
        final Exception cause;

        Wrapped(Exception cause) {
            super(cause);
            this.cause = cause;
        }
    }

    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final RowHandler handler;
        private final List<String> cells = new ArrayList<>();
        private int rowNumber;

        Rows(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            rowNumber = rowNum + 1;
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            boolean more;
            try {
                more = handler.row(rowNumber, List.copyOf(cells));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new Wrapped(e);
            }
            if (!more) {
                throw new Stop();
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
        }
    }

    /** Dates as ISO text, whatever display format the cell has (m/d/yy would be ambiguous). */
    private static final class IsoDates extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime date = DateUtil.getLocalDateTime(value, use1904Windowing);
                return date.toLocalDate().toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }
}
