package io.suiji.draw;

import java.math.BigDecimal;

/**
 * The weight field of a population line: {@code digits ["." digits]}, at most 15 digits in all,
 * greater than zero. Kept as an exact decimal (unscaled value and scale) so that stratum weight
 * totals are exact and independent of row order; its binary64 value is the nearest double, which a
 * single division of two exactly representable numbers yields (unscaled < 10^15 < 2^53).
 */
final class Weight {
    static final int MAX_DIGITS = 15;
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

    private Weight() {
    }

    /**
     * Parses ASCII bytes {@code [from, to)}; returns {@code unscaled << 4 | scale}.
     *
     * @throws PopulationFormatException naming the problem (with the given line number)
     */
    static long parse(byte[] b, int from, int to, long lineNumber) {
        if (from == to) {
            throw new PopulationFormatException(lineNumber, "weight is empty");
        }
        long unscaled = 0;
        int digits = 0;
        int scale = -1; // -1: no decimal point seen yet
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                if (++digits > MAX_DIGITS) {
                    throw new PopulationFormatException(lineNumber,
                        "weight has more than " + MAX_DIGITS + " digits");
                }
                unscaled = unscaled * 10 + (c - '0');
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.' && scale < 0 && i > from && i < to - 1) {
                scale = 0;
            } else {
                throw new PopulationFormatException(lineNumber, "weight '" + text(b, from, to)
                    + "' is not a decimal like 1, 2.5 or 0.75 (digits, optionally one '.' between digits)");
            }
        }
        if (unscaled == 0) {
            throw new PopulationFormatException(lineNumber, "weight must be greater than zero");
        }
        return unscaled << 4 | Math.max(scale, 0);
    }

    static long parse(String weight, long lineNumber) {
        byte[] b = new byte[weight.length()];
        for (int i = 0; i < b.length; i++) {
            char c = weight.charAt(i);
            b[i] = c < 0x80 ? (byte) c : (byte) '?';
        }
        return parse(b, 0, b.length, lineNumber);
    }

    static long unscaled(long packed) {
        return packed >>> 4;
    }

    static int scale(long packed) {
        return (int) (packed & 0xF);
    }

    /** The binary64 value nearest to the decimal. */
    static double value(long packed) {
        return (double) unscaled(packed) / POW10[scale(packed)];
    }

    static BigDecimal exact(long packed) {
        return BigDecimal.valueOf(unscaled(packed), scale(packed));
    }

    private static String text(byte[] b, int from, int to) {
        return new String(b, from, to - from, java.nio.charset.StandardCharsets.UTF_8);
    }
}
