package io.suiji.registry;

import io.suiji.platform.problem.QueryParams;

import io.suiji.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Keyset pagination: a page ends with an opaque cursor, the next page starts after it. The cursor
 * is the row's position in registration order; stable while rows are added, cheap at any depth.
 */
public final class Keyset {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    private static final String PREFIX = "k1:";

    private Keyset() {
    }

    public static String cursor(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** 0 for the first page. */
    public static long after(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                long seq = Long.parseLong(text.substring(PREFIX.length()));
                if (seq >= 0) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ProblemException.badParameter("after", "not a cursor of this API; pass the 'next' value of the previous page");
    }

    public static int size(String size) {
        return QueryParams.integer("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
    }
}
