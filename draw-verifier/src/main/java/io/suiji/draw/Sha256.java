package io.suiji.draw;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 helpers; every Java runtime provides the algorithm. */
final class Sha256 {
    private Sha256() {
    }

    static MessageDigest newDigest() {
        return newDigest("SHA-256");
    }

    static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this Java runtime", e);
        }
    }

    static byte[] hash(byte[]... parts) {
        MessageDigest md = newDigest();
        for (byte[] part : parts) {
            md.update(part);
        }
        return md.digest();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** SHA-256 of the given lines, each followed by {@code \n} (selection and group digests). */
    static String digestOfLines(Iterable<String> lines) {
        MessageDigest md = newDigest();
        for (String line : lines) {
            md.update(utf8(line));
            md.update((byte) '\n');
        }
        return Hex.of(md.digest());
    }
}
