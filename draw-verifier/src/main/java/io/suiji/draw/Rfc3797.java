package io.suiji.draw;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The publicly verifiable selection of RFC 3797 (§4–§6), for uniform draws from pools of at most
 * 65,535 members, so that any third-party RFC 3797 tool can check the result.
 *
 * <p>Key string: for each source, its integers sorted ascending, each written in decimal followed by
 * {@code "."}, the source closed by {@code "/"}; sources concatenated in the given order. Selection
 * i = 0, 1, …: MD5(i as 2 bytes big-endian ‖ key string ‖ i as 2 bytes big-endian), read as an
 * unsigned 128-bit big-endian integer, modulo the number of members not yet selected, picks that
 * member (counting from 0) among the not-yet-selected in pool order.
 */
public final class Rfc3797 {
    public static final int MAX_POOL = 65_535;

    /** One row of the RFC's worked-example table. */
    public record Step(int index, String md5, int remaining, int selected) {
    }

    private Rfc3797() {
    }

    /** The key string of the given sources (each a non-empty list of non-negative integers). */
    public static String keyString(List<List<Long>> sources) {
        if (sources == null || sources.isEmpty()) {
            throw new IllegalArgumentException("at least one source of randomness is needed");
        }
        StringBuilder key = new StringBuilder();
        for (int s = 0; s < sources.size(); s++) {
            List<Long> source = sources.get(s);
            if (source == null || source.isEmpty()) {
                throw new IllegalArgumentException("source " + (s + 1) + " has no values");
            }
            List<Long> sorted = new ArrayList<>(source);
            for (Long v : sorted) {
                if (v == null || v < 0) {
                    throw new IllegalArgumentException("source " + (s + 1) + " has a negative or missing value: " + v);
                }
            }
            sorted.sort(null);
            for (Long v : sorted) {
                key.append(v).append('.');
            }
            key.append('/');
        }
        return key.toString();
    }

    /** The selected members as 1-based positions in the pool, in selection order. */
    public static List<Integer> select(List<List<Long>> sources, int poolSize, int count) {
        return select(keyString(sources), poolSize, count);
    }

    public static List<Integer> select(String keyString, int poolSize, int count) {
        List<Integer> positions = new ArrayList<>(count);
        for (Step step : steps(keyString, poolSize, count)) {
            positions.add(step.selected());
        }
        return positions;
    }

    /** Every selection with its MD5 value and divisor, as in the RFC's §6 table. */
    public static List<Step> steps(String keyString, int poolSize, int count) {
        if (poolSize < 1 || poolSize > MAX_POOL) {
            throw new IllegalArgumentException("pool size must be between 1 and " + MAX_POOL + ", got " + poolSize);
        }
        if (count < 0 || count > poolSize) {
            throw new IllegalArgumentException("count must be between 0 and the pool size " + poolSize + ", got " + count);
        }
        byte[] key = keyString.getBytes(StandardCharsets.UTF_8);
        MessageDigest md5 = Sha256.newDigest("MD5");
        int[] remainingMembers = new int[poolSize];
        for (int i = 0; i < poolSize; i++) {
            remainingMembers[i] = i + 1;
        }
        int remaining = poolSize;
        List<Step> steps = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] index = {(byte) (i >>> 8), (byte) i};
            md5.update(index);
            md5.update(key);
            md5.update(index);
            byte[] hash = md5.digest();
            int pick = new BigInteger(1, hash).mod(BigInteger.valueOf(remaining)).intValue();
            int member = remainingMembers[pick];
            System.arraycopy(remainingMembers, pick + 1, remainingMembers, pick, remaining - pick - 1);
            steps.add(new Step(i, Hex.of(hash), remaining, member));
            remaining--;
        }
        return steps;
    }

    /** Bits of entropy needed to select {@code count} of {@code poolSize}: log2 C(pool, count). */
    public static double entropyBitsNeeded(int poolSize, int count) {
        double bits = 0;
        for (int i = 0; i < count; i++) {
            bits += Math.log((double) (poolSize - i) / (count - i));
        }
        return bits / Math.log(2);
    }
}
