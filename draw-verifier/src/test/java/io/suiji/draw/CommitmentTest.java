package io.suiji.draw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Known answers for commitment, seed and keys: expected values computed independently. */
class CommitmentTest {
    static final byte[] R = new byte[32];
    static final String E = "2020-07-01 上证综指收盘 3025.98";

    static {
        for (int i = 0; i < 32; i++) {
            R[i] = (byte) i;
        }
    }

    private static byte[] sha256(byte[]... parts) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (byte[] p : parts) {
            md.update(p);
        }
        return md.digest();
    }

    private static byte[] concat(byte[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @Test
    void commitmentAndSeedAreTheDocumentedHashes() throws Exception {
        assertArrayEquals(sha256(R), Commitment.commit(R));
        assertArrayEquals(sha256(R, E.getBytes(StandardCharsets.UTF_8)), Commitment.seed(R, E));
    }

    @Test
    void testVectorsOfTheSpecification() {
        // docs/draw-algorithm.md, appendix A (computed with Python's hashlib).
        assertEquals("630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd", Hex.of(Commitment.commit(R)));
        byte[] seed = Commitment.seed(R, E);
        assertEquals("e4a87dc7eab8f871b410d8c8e90e1f5c4f647308a88de3f90adea0ce6753be00", Hex.of(seed));
        DrawKeys keys = new DrawKeys(seed);
        byte[] target = keys.key(DrawKeys.TARGET, "91410402MA45ABCD1X");
        assertEquals("2c982f66e349572c1fd052803b8fe118c00d450c9fd53ff663a66b225579936f", Hex.of(target));
        assertEquals(0.17419716131124596, DrawKeys.uniform(target));
        assertEquals(-0.6990270041076598, DrawKeys.priority(target, 2.5));
        assertEquals("68040a9a40b6111a68d6ae43a4748882198060058db1ebf975d9f8cbeef9f8d7",
            Hex.of(keys.key(DrawKeys.CONTROL, "91410402MA45ABCD1X")));
        assertEquals("0a319a955d300b363571580f6e3e967283e6a7606474fd80716af1cf310fb65c",
            Hex.of(keys.key(DrawKeys.BATCH_ORDER, "2")));
        assertEquals("81f8fff8273f8efc27baf57da700bf43617667c6d11e7d22448977ef8267ec97",
            Hex.of(keys.inspectorKey("91410402MA45ABCD1X", "ZF-0007")));
    }

    @Test
    void keysHashSeedDomainZeroByteAndId() throws Exception {
        byte[] seed = Commitment.seed(R, E);
        DrawKeys keys = new DrawKeys(seed);
        byte[] expected = sha256(concat(seed, "target".getBytes(StandardCharsets.UTF_8), new byte[] {0},
            "平顶山市某某有限公司".getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(expected, keys.key(DrawKeys.TARGET, "平顶山市某某有限公司"));
        byte[] inspector = sha256(concat(seed, "inspector".getBytes(StandardCharsets.UTF_8), new byte[] {0},
            "T1".getBytes(StandardCharsets.UTF_8), new byte[] {0}, "I9".getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(inspector, keys.inspectorKey("T1", "I9"));
    }

    @Test
    void uniformNumberIsStrictlyInsideZeroOne() {
        byte[] zeros = new byte[32];
        byte[] ones = new byte[32];
        Arrays.fill(ones, (byte) 0xFF);
        assertEquals(0x1.0p-53, DrawKeys.uniform(zeros));
        assertEquals(1 - 0x1.0p-53, DrawKeys.uniform(ones));
        byte[] half = new byte[32];
        half[0] = (byte) 0x80;
        assertEquals(0.5 + 0x1.0p-53, DrawKeys.uniform(half));
    }

    @Test
    void secretsAreFreshAndOfTheRightSize() {
        byte[] a = Commitment.newSecret();
        byte[] b = Commitment.newSecret();
        assertEquals(32, a.length);
        assertFalse(Arrays.equals(a, b));
        assertThrows(IllegalArgumentException.class, () -> Commitment.commit(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> Commitment.seed(R, ""));
    }
}
