package io.suiji.catalog.importing;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV (RFC 4180) and the tab-separated text of the source document. Reads UTF-8 (with or without
 * BOM) and, failing that, GB18030 — what Excel on a Chinese Windows saves as "CSV". Writes UTF-8
 * with a BOM, so that Excel opens the Chinese text correctly.
 */
public final class CsvTable {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    private static final CSVFormat TSV = CSVFormat.DEFAULT.builder()
            .setDelimiter('\t').setQuote(null).setIgnoreEmptyLines(false).get();
    private static final char BOM = '\uFEFF';

    private CsvTable() {
    }

    public static List<SheetRow> read(byte[] content) {
        return read(decode(content), CSV);
    }

    /** Tab-separated text: one row a line, no quoting, as the attachment's table is printed. */
    public static List<SheetRow> readTabSeparated(String text) {
        return read(text, TSV);
    }

    public static byte[] write(List<List<String>> rows) {
        StringWriter out = new StringWriter();
        out.write(BOM);
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write CSV", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<SheetRow> read(String text, CSVFormat format) {
        List<SheetRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            int number = 0;
            for (CSVRecord record : parser) {
                rows.add(new SheetRow(++number, record.toList()));
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException("the file is not readable as CSV: " + e.getMessage(), e);
        }
        return rows;
    }

    static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
            return text.isEmpty() || text.charAt(0) != BOM ? text : text.substring(1);
        } catch (CharacterCodingException notUtf8) {
            return new String(content, GB18030);
        }
    }
}
