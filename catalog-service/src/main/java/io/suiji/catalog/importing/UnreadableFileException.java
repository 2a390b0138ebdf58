package io.suiji.catalog.importing;

/** The upload is not a workbook or CSV file that can be read at all. */
public class UnreadableFileException extends RuntimeException {

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
