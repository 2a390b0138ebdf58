package io.suiji.platform.inbox;

/**
 * A message that can never be processed (no event id, unknown type, unreadable payload).
 * Retrying it is pointless: consumers let it go to the channel's dead-letter topic at once.
 */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message) {
        super(message);
    }

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
