package io.suiji.publication.publicresults;

import io.suiji.contracts.enforcement.Outcome;
import io.suiji.platform.problem.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The public results search, validated: every parameter bounded in length and form, every problem
 * named. Plain Java, so the rules are tested on their own.
 */
public record ResultQuery(String name, String code, String matter, Integer year, String region, Outcome outcome, int page,
                          int size) {

    public static final int MAX_NAME = 50;
    public static final int MAX_MATTER = 40;
    public static final int MAX_PAGE = 10_000;
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** The query, or the list of offending parameters. */
    public static Parsed parse(String name, String code, String matter, String year, String region, String outcome,
                               String page, String size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String n = text("name", name, MAX_NAME, errors);
        String c = null;
        if (present(code)) {
            // 统一社会信用代码 (18), 注册号 (15) or 组织机构代码 (9, maybe with its hyphen).
            String normalised = code.strip().toUpperCase(java.util.Locale.ROOT).replace("-", "");
            if (normalised.matches("[0-9A-Z]{9}|[0-9]{15}|[0-9A-Z]{18}")) {
                c = normalised;
            } else {
                errors.add(new Problem.FieldError("code", "an 18-character unified social credit code, a 15-digit "
                        + "registration number or a 9-character organisation code"));
            }
        }
        String m = text("matter", matter, MAX_MATTER, errors);
        Integer y = null;
        if (present(year)) {
            if (year.matches("\\d{4}") && Integer.parseInt(year) >= 1900 && Integer.parseInt(year) <= 2199) {
                y = Integer.parseInt(year);
            } else {
                errors.add(new Problem.FieldError("year", "a year 1900–2199"));
            }
        }
        String r = null;
        if (present(region)) {
            if (region.matches("\\d{6}")) {
                r = region;
            } else {
                errors.add(new Problem.FieldError("region", "a 6-digit GB/T 2260 division code, e.g. 410400"));
            }
        }
        Outcome o = null;
        if (present(outcome)) {
            o = outcome(outcome.strip()).orElse(null);
            if (o == null) {
                errors.add(new Problem.FieldError("outcome", "one of " + Arrays.toString(Outcome.values())
                        + " or its Chinese label"));
            }
        }
        int p = number("page", page, 0, MAX_PAGE, 0, errors);
        int s = number("size", size, 1, MAX_SIZE, DEFAULT_SIZE, errors);
        return errors.isEmpty() ? new Parsed(new ResultQuery(n, c, m, y, r, o, p, s), List.of()) : new Parsed(null, errors);
    }

    public record Parsed(ResultQuery query, List<Problem.FieldError> errors) {
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String text(String field, String value, int max, List<Problem.FieldError> errors) {
        if (!present(value)) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > max) {
            errors.add(new Problem.FieldError(field, "at most " + max + " characters"));
            return null;
        }
        if (stripped.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new Problem.FieldError(field, "must not contain control characters"));
            return null;
        }
        return stripped;
    }

    private static int number(String field, String value, int min, int max, int fallback, List<Problem.FieldError> errors) {
        if (!present(value)) {
            return fallback;
        }
        if (value.matches("\\d{1,6}")) {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        }
        errors.add(new Problem.FieldError(field, "a whole number " + min + "–" + max));
        return fallback;
    }

    private static Optional<Outcome> outcome(String value) {
        return Arrays.stream(Outcome.values()).filter(o -> o.name().equals(value) || o.label().equals(value)).findFirst();
    }
}
