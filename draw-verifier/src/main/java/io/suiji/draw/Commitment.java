package io.suiji.draw;

import java.security.SecureRandom;

/**
 * Commit–reveal (SUIJI-SHA256-1 §5). Before the draw the service keeps a 32-byte secret {@code r}
 * and publishes {@code SHA-256(r)}; a witness then supplies the entropy string {@code E}; the seed is
 * {@code SHA-256(r ‖ UTF-8(E))}. Neither side alone can steer the seed.
 */
public final class Commitment {
    public static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Commitment() {
    }

    /** A fresh secret r: 32 bytes from {@link SecureRandom}. */
    public static byte[] newSecret() {
        byte[] r = new byte[SECRET_BYTES];
        RANDOM.nextBytes(r);
        return r;
    }

    /** commitment = SHA-256(r). */
    public static byte[] commit(byte[] secret) {
        checkSecret(secret);
        return Sha256.hash(secret);
    }

    /** S = SHA-256(r ‖ UTF-8(E)); E is used exactly as given (no trimming, no normalisation). */
    public static byte[] seed(byte[] secret, String witnessEntropy) {
        checkSecret(secret);
        if (witnessEntropy == null || witnessEntropy.isEmpty()) {
            throw new IllegalArgumentException("witness entropy is empty");
        }
        return Sha256.hash(secret, Sha256.utf8(witnessEntropy));
    }

    private static void checkSecret(byte[] secret) {
        if (secret == null || secret.length != SECRET_BYTES) {
            throw new IllegalArgumentException("the secret r must be exactly " + SECRET_BYTES + " bytes, got "
                + (secret == null ? "none" : secret.length));
        }
    }
}
