package io.suiji.draw;

/** A population line (or file) that does not follow the format of SUIJI-SHA256-1 §3. */
public class PopulationFormatException extends DrawException {
    private final long lineNumber;

    public PopulationFormatException(long lineNumber, String reason) {
        super(lineNumber > 0 ? "population line " + lineNumber + ": " + reason : "population: " + reason);
        this.lineNumber = lineNumber;
    }

    /** 1-based line number in the population file, or 0 when the problem is not tied to a line. */
    public long lineNumber() {
        return lineNumber;
    }
}
