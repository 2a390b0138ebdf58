package io.suiji.registry.importing;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The rows of an import file, streamed: one row in memory at a time, whatever the file's size.
 * Row numbers are a spreadsheet's (the first row is 1).
 */
public interface RowSource extends Closeable {

    @FunctionalInterface
    interface RowHandler {
        /** @return false to stop reading */
        boolean row(long number, List<String> cells) throws Exception;
    }

    /** Feeds every row to {@code handler}, in order, until it returns false or the file ends. */
    void forEach(RowHandler handler) throws Exception;

    /** Bytes of the file consumed so far, for the progress of a job. */
    long bytesRead();

    /** What {@link #bytesRead()} reaches at the end of the file. */
    long bytesTotal();

    /** Opens {@code file} in the given format. */
    static RowSource open(Path file, ImportFormat format) throws IOException {
        return format == ImportFormat.XLSX ? new XlsxRows(file) : new CsvRows(Files.newInputStream(file), Files.size(file));
    }
}
