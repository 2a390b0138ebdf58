package io.suiji.registry.identity;

/** A code that is not what it claims to be; the message says what is wrong and, for a check character, what was expected. */
public class InvalidCodeException extends RuntimeException {

    public InvalidCodeException(String message) {
        super(message);
    }
}
