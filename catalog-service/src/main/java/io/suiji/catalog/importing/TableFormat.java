package io.suiji.catalog.importing;

import java.util.Locale;
import java.util.Optional;

/**
 * The file formats of the catalogue: {@code .xlsx}, as bureaus keep their lists, and {@code .csv}.
 *
 * <p>Why Apache POI for {@code .xlsx}: it is the reference implementation of OOXML on the JVM, it
 * reads what Excel and WPS write (formats, shared strings, cell types) through one
 * {@code DataFormatter} so that a percentage cell reads "5%" as the user sees it, and its zip-bomb
 * and entity-expansion guards are on by default. fastexcel is smaller and faster, but its version
 * is not among the packages this project can vouch for, and speed does not matter for a catalogue
 * of tens of rows. Commons CSV handles quoting and multi-line cells per RFC 4180.
 */
public enum TableFormat {
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    CSV("csv", "text/csv; charset=UTF-8");

    private final String extension;
    private final String mediaType;

    TableFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<TableFormat> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (TableFormat f : values()) {
            if (f.extension.equals(n)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The format of an upload: by its content first (an .xlsx file is a ZIP archive, "PK"), then
     * by the name. The legacy binary {@code .xls} is refused with a hint.
     */
    public static TableFormat detect(String fileName, byte[] content) {
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            return XLSX;
        }
        if (content.length >= 4 && (content[0] & 0xFF) == 0xD0 && (content[1] & 0xFF) == 0xCF) {
            throw new UnreadableFileException("the file is an old .xls workbook; save it as .xlsx or .csv", null);
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            throw new UnreadableFileException("the file is named .xlsx but is not an .xlsx workbook", null);
        }
        return CSV;
    }
}
