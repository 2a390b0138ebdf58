package io.suiji.registry.importing;

/** The upload cannot be read as the format it claims (or any format of the import). */
public class UnreadableFileException extends RuntimeException {

    public UnreadableFileException(String message) {
        super(message);
    }

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
