package io.suiji.draw;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-entity keys of SUIJI-SHA256-1 §6: {@code SHA-256(S ‖ UTF-8(domain) ‖ 0x00 ‖ UTF-8(id))},
 * and their derived numbers. An instance reuses one {@link MessageDigest}: not thread-safe.
 */
public final class DrawKeys {
    /** Domain of the target draw. */
    public static final String TARGET = "target";
    /** Domain of the control sample. */
    public static final String CONTROL = "control";
    /** Domain of inspector-group ordering. */
    public static final String INSPECTOR = "inspector";
    /** Domain of the batch order. */
    public static final String BATCH_ORDER = "batch-order";

    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;

    private final byte[] seed;
    private final MessageDigest md = Sha256.newDigest();
    private final Map<String, byte[]> prefixes = new HashMap<>();

    public DrawKeys(byte[] seed) {
        if (seed == null || seed.length != 32) {
            throw new IllegalArgumentException("the seed must be 32 bytes");
        }
        this.seed = seed.clone();
    }

    /** SHA-256(S ‖ UTF-8(domain) ‖ 0x00 ‖ UTF-8(id)). */
    public byte[] key(String domain, String id) {
        md.update(prefixes.computeIfAbsent(domain, this::prefix));
        md.update(Sha256.utf8(id));
        return md.digest();
    }

    /** SHA-256(S ‖ "inspector" ‖ 0x00 ‖ UTF-8(targetId) ‖ 0x00 ‖ UTF-8(inspectorId)). */
    public byte[] inspectorKey(String targetId, String inspectorId) {
        md.update(prefixes.computeIfAbsent(INSPECTOR, this::prefix));
        md.update(Sha256.utf8(targetId));
        md.update((byte) 0);
        md.update(Sha256.utf8(inspectorId));
        return md.digest();
    }

    /** S ‖ UTF-8(domain) ‖ 0x00: the part of the hash input shared by all entities. */
    byte[] prefix(String domain) {
        byte[] d = Sha256.utf8(domain);
        byte[] p = new byte[seed.length + d.length + 1];
        System.arraycopy(seed, 0, p, 0, seed.length);
        System.arraycopy(d, 0, p, seed.length, d.length);
        return p;
    }

    /** Hot path: hashes prefix ‖ id[from, to) into {@code out} (32 bytes) without allocating. */
    void keyInto(byte[] prefix, byte[] id, int from, int to, byte[] out) {
        md.update(prefix);
        md.update(id, from, to - from);
        try {
            md.digest(out, 0, 32);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The uniform number u of a key: with m the first 52 bits of the key read as a big-endian
     * unsigned integer, u = (2m + 1) / 2^53, exactly representable and strictly inside (0, 1).
     */
    public static double uniform(byte[] key) {
        return uniform(readLong(key));
    }

    static double uniform(long first8Bytes) {
        long m = first8Bytes >>> 12;
        return (2 * m + 1) * TWO_POW_MINUS_53;
    }

    /**
     * The Efraimidis–Spirakis priority ln(u) / w, with ln computed by {@link StrictMath#log} (fdlibm),
     * so that every Java runtime gets the same bits. Larger is better.
     */
    public static double priority(byte[] key, double weight) {
        return priority(readLong(key), weight);
    }

    static double priority(long first8Bytes, double weight) {
        return StrictMath.log(uniform(first8Bytes)) / weight;
    }

    static long readLong(byte[] b) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (b[i] & 0xFF);
        }
        return v;
    }
}
