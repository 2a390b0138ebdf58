package io.suiji.publication.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommitmentTest {

    /** docs/draw-algorithm.md, Appendix A: r = the 32 bytes 00 01 … 1f. */
    private static final String R = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private static final String COMMITMENT = "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd";

    @Test
    void theSpecificationsTestVectorMatches() {
        assertEquals(COMMITMENT, Commitment.of(R));
        assertTrue(Commitment.matches(R, COMMITMENT));
    }

    @Test
    void aSecretOfOneBitMoreDoesNotMatch() {
        assertFalse(Commitment.matches("010102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", COMMITMENT));
    }

    @Test
    void theHashIsOverTheBytesNotTheHexText() {
        // 6c86c6aa… is SHA-256 of the 64 ASCII characters of r (printf %s r | sha256sum): not the commitment.
        assertFalse(Commitment.matches(R, "6c86c6aac5fb24bcf5d9939cb7d7d5645ce39418f449e03b262dd4fa14b4b92b"));
    }

    @Test
    void anythingButThirtyTwoBytesOfLowercaseHexNeverMatches() {
        assertFalse(Commitment.matches(R.toUpperCase(), COMMITMENT));
        assertFalse(Commitment.matches(R.substring(2), COMMITMENT));
        assertFalse(Commitment.matches("zz" + R.substring(2), COMMITMENT));
        assertFalse(Commitment.matches(null, COMMITMENT));
        assertFalse(Commitment.matches(R, null));
    }
}
