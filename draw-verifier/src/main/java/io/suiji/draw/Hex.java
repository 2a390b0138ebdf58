package io.suiji.draw;

import java.util.HexFormat;

/** Lower-case hexadecimal, the only way bytes appear in proofs and messages. */
public final class Hex {
    private static final HexFormat FORMAT = HexFormat.of();

    private Hex() {
    }

    public static String of(byte[] bytes) {
        return FORMAT.formatHex(bytes);
    }

    /** Parses lower- or upper-case hex; throws {@link IllegalArgumentException} naming the problem. */
    public static byte[] parse(String hex) {
        if (hex == null) {
            throw new IllegalArgumentException("missing hex value");
        }
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("hex value has an odd number of digits: " + hex);
        }
        try {
            return FORMAT.parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a hex value: " + hex, e);
        }
    }
}
