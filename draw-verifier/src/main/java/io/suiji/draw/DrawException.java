package io.suiji.draw;

/**
 * A draw cannot be carried out as asked: inputs contradict each other (a population whose stratum
 * sizes differ from the committed ones, a stratum without a ratio, …). The message says what and
 * where; sampling-service maps it to a 422.
 */
public class DrawException extends RuntimeException {
    public DrawException(String message) {
        super(message);
    }
}
