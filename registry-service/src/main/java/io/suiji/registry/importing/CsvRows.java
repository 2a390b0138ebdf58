package io.suiji.registry.importing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV (RFC 4180, quoted and multi-line cells) streamed through Commons CSV. The encoding is UTF-8
 * (with or without BOM) or, when the start of the file is not UTF-8, GB18030 — what Excel on a
 * Chinese Windows saves as "CSV". A first line with more tabs than commas makes it tab-separated.
 */
final class CsvRows implements RowSource {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final int SNIFF = 64 * 1024;

    private final CountingInputStream counted;
    private final long total;
    private final Reader reader;
    private final char delimiter;

    CsvRows(InputStream in, long total) throws IOException {
        this.counted = new CountingInputStream(in);
        this.total = total;
        BufferedInputStream buffered = new BufferedInputStream(counted, SNIFF);
        buffered.mark(SNIFF);
        byte[] head = buffered.readNBytes(SNIFF);
        buffered.reset();
        int bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        Charset charset = bom > 0 || isUtf8(head) ? StandardCharsets.UTF_8 : GB18030;
        if (bom > 0) {
            buffered.skipNBytes(bom);
        }
        String firstLine = new String(head, bom, head.length - bom, charset).lines().findFirst().orElse("");
        this.delimiter = firstLine.chars().filter(c -> c == '\t').count() > firstLine.chars().filter(c -> c == ',').count() ? '\t' : ',';
        this.reader = new InputStreamReader(buffered, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    @Override
    public void forEach(RowHandler handler) throws Exception {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false).get();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            for (CSVRecord record : parser) {
                if (!handler.row(record.getRecordNumber(), record.toList())) {
                    return;
                }
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new UnreadableFileException("the file is not readable as CSV: " + rootMessage(e), e);
        }
    }

    @Override
    public long bytesRead() {
        return counted.count();
    }

    @Override
    public long bytesTotal() {
        return total;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    // Strict UTF-8 over the sniffed start; a character cut at the end of the sample does not count against it.
    static boolean isUtf8(byte[] head) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        return !decoder.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length + 1), false).isError();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
