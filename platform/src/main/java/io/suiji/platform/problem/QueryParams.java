package io.suiji.platform.problem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * Query parameters read by hand, so that a bad value is a 400 problem naming the parameter
 * ({@link ProblemException#badParameter}) rather than the bare 404 JAX-RS gives for a parameter it
 * cannot convert. Enum values are case-insensitive and accept '-' for '_'.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter(name, "value " + value + " is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(name, "value " + value + " is not a date (YYYY-MM-DD)");
        }
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter(name, "value " + value + " is not an id (UUID)");
        }
    }

    public static int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badParameter(name, "value " + value + " must be a whole number from " + min + " to " + max);
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ProblemException.badParameter(name, "value " + value + " must be true or false");
        };
    }

    /** Longest free-text search parameter (a name, a keyword, a department), in characters. */
    public static final int MAX_TEXT = 100;

    /**
     * A free-text search parameter, stripped, or a 400 naming it when it is longer than
     * {@link #MAX_TEXT} characters or holds control characters: a search is bounded work.
     */
    public static String text(String name, String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            throw ProblemException.badParameter(name, "at most " + MAX_TEXT + " characters");
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            throw ProblemException.badParameter(name, "must not contain control characters");
        }
        return text;
    }

    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static boolean bool(String name, String value, boolean defaultValue) {
        Boolean b = bool(name, value);
        return b == null ? defaultValue : b;
    }
}
