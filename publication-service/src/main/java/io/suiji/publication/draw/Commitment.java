package io.suiji.publication.draw;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The check anyone can make once a draw's secret is revealed (docs/draw-algorithm.md §5): the
 * commitment published before the witness entropy existed must be SHA-256 of the 32 bytes of r —
 * the bytes, not their hex text, as {@code xxd -r -p | sha256sum} computes it.
 */
public final class Commitment {

    private static final String HEX_32_BYTES = "[0-9a-f]{64}";

    private Commitment() {
    }

    /** Whether SHA-256(secret) equals the commitment; false for anything that is not 32 bytes of lowercase hex. */
    public static boolean matches(String secretHex, String commitmentHex) {
        if (secretHex == null || commitmentHex == null || !secretHex.matches(HEX_32_BYTES)
                || !commitmentHex.matches(HEX_32_BYTES)) {
            return false;
        }
        return MessageDigest.isEqual(sha256(HexFormat.of().parseHex(secretHex)), HexFormat.of().parseHex(commitmentHex));
    }

    /** Lowercase hex SHA-256 of the bytes the hex string stands for. */
    public static String of(String secretHex) {
        return HexFormat.of().formatHex(sha256(HexFormat.of().parseHex(secretHex)));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
