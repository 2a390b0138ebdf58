package io.suiji.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, the one error shape of every Suiji API. {@code type} is stable
 * ({@code urn:suiji:problem:<slug>}) so that clients can branch on it; {@code errors} names every
 * offending field (or spreadsheet cell) of a validation failure.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static String type(String slug) {
        return "urn:suiji:problem:" + slug;
    }

    /** One invalid field: its JSON path (e.g. {@code ratio.percent}) or cell, and why. */
    public record FieldError(String field, String message) {
    }
}
