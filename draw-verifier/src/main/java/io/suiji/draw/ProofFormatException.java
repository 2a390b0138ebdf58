package io.suiji.draw;

/** A proof document that cannot be read: not JSON, or a field missing or of the wrong kind. */
public class ProofFormatException extends RuntimeException {
    public ProofFormatException(String message) {
        super(message);
    }

    public ProofFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
