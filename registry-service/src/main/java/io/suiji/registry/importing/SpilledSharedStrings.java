package io.suiji.registry.importing;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A workbook's shared-strings table kept on disk instead of in the heap, so that reading an
 * {@code .xlsx} feed needs the same memory whatever its size (POI's read-only table holds every
 * string; a registry export has a distinct name, code and address per row). Each string is written
 * once to a data file and found through a file of 8-byte offsets; a look-up is two positional reads,
 * served by the page cache. The text of a string item is what Excel shows: its runs joined, without
 * phonetic guides ({@code rPh}).
 */
final class SpilledSharedStrings implements SharedStrings, Closeable {

    private final Path dataFile;
    private final Path offsetsFile;
    private final FileChannel data;
    private final FileChannel offsets;
    private final int count;
    private final int uniqueCount;

    SpilledSharedStrings(OPCPackage pkg) throws IOException {
        dataFile = Files.createTempFile("suiji-xlsx-strings-", ".bin");
        offsetsFile = Files.createTempFile("suiji-xlsx-offsets-", ".bin");
        try {
            Spiller spiller = new Spiller(dataFile, offsetsFile);
            List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
            if (!parts.isEmpty()) {
                try (InputStream in = parts.get(0).getInputStream(); spiller) {
                    XMLReader reader = XMLHelper.newXMLReader();
                    reader.setContentHandler(spiller);
                    reader.parse(new InputSource(in));
                }
            } else {
                spiller.close();
            }
            count = spiller.declaredCount >= 0 ? spiller.declaredCount : spiller.written;
            uniqueCount = spiller.written;
            data = FileChannel.open(dataFile, StandardOpenOption.READ);
            offsets = FileChannel.open(offsetsFile, StandardOpenOption.READ);
        } catch (IOException | RuntimeException e) {
            deleteFiles();
            throw e;
        } catch (Exception e) {
            deleteFiles();
            throw new UnreadableFileException("the shared strings of the workbook are not readable: " + e.getMessage(), e);
        }
    }

    @Override
    public RichTextString getItemAt(int idx) {
        return new XSSFRichTextString(text(idx));
    }

    /** The idx-th string item's text. */
    String text(int idx) {
        if (idx < 0 || idx >= uniqueCount) {
            throw new IllegalArgumentException("no shared string " + idx + " (the workbook has " + uniqueCount + ")");
        }
        try {
            ByteBuffer at = read(offsets, (long) idx * Long.BYTES, Long.BYTES);
            long offset = at.getLong();
            int length = read(data, offset, Integer.BYTES).getInt();
            ByteBuffer bytes = read(data, offset + Integer.BYTES, length);
            return new String(bytes.array(), 0, length, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getCount() {
        return count;
    }

    @Override
    public int getUniqueCount() {
        return uniqueCount;
    }

    @Override
    public void close() throws IOException {
        try (data; offsets) {
            // both channels closed
        } finally {
            deleteFiles();
        }
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("shared strings file ends early");
            }
        }
        return buffer.flip();
    }

    private void deleteFiles() {
        try {
            Files.deleteIfExists(dataFile);
            Files.deleteIfExists(offsetsFile);
        } catch (IOException e) {
            // temp files; the OS cleans its temp directory
        }
    }

    /** Writes each {@code <si>}'s text as it is parsed: length, UTF-8 bytes; and its offset. */
    private static final class Spiller extends DefaultHandler implements Closeable {

        private final DataOutputStream data;
        private final DataOutputStream offsets;
        private final StringBuilder text = new StringBuilder();
        private long position;
        private int written;
        private int declaredCount = -1;
        private boolean inItem;
        private boolean inText;
        private int phoneticDepth;

        Spiller(Path dataFile, Path offsetsFile) throws IOException {
            data = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(dataFile), 1 << 16));
            offsets = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(offsetsFile), 1 << 16));
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "sst" -> {
                    String declared = attributes.getValue("count");
                    declaredCount = declared == null ? -1 : Integer.parseInt(declared);
                }
                case "si" -> {
                    inItem = true;
                    text.setLength(0);
                }
                case "rPh" -> phoneticDepth++;
                case "t" -> inText = inItem && phoneticDepth == 0;
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "si" -> {
                    inItem = false;
                    write(text.toString());
                }
                case "rPh" -> phoneticDepth--;
                case "t" -> inText = false;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                text.append(ch, start, length);
            }
        }

        private void write(String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            try {
                offsets.writeLong(position);
                data.writeInt(bytes.length);
                data.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            position += Integer.BYTES + bytes.length;
            written++;
        }

        @Override
        public void close() throws IOException {
            try (data; offsets) {
                data.flush();
                offsets.flush();
            }
        }
    }
}
