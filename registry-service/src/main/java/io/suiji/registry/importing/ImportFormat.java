package io.suiji.registry.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The file formats of a bulk import: {@code .csv} (UTF-8 or GB18030, comma or tab) and {@code .xlsx} (first sheet). */
public enum ImportFormat {
    CSV,
    XLSX;

    /** By content first (an .xlsx is a ZIP archive), then by name; the old binary .xls is refused. */
    public static ImportFormat detect(Path file, String fileName) throws IOException {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        }
        if (n == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return XLSX;
        }
        if (n == 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF) {
            throw new UnreadableFileException("the file is an old .xls workbook; save it as .xlsx or .csv");
        }
        if (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            throw new UnreadableFileException("the file is named .xlsx but is not an .xlsx workbook");
        }
        return CSV;
    }
}
