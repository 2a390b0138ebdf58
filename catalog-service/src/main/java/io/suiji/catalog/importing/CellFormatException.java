package io.suiji.catalog.importing;

/** A cell whose text does not read as its column's value; the message says what would. */
public class CellFormatException extends RuntimeException {

    public CellFormatException(String message) {
        super(message);
    }
}
