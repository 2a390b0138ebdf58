package io.suiji.registry.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the registry protects resident ID numbers (DESIGN §6):
 * <ul>
 * <li>a keyed hash, HMAC-SHA256 under the matching key, is the entity's {@code code} in the
 * database, the API and every event ({@code RESIDENT_ID_HASH}): the same person always gets the
 * same hash, but without the key nobody can go from a list of ID numbers to the hashes;</li>
 * <li>the clear number is stored only sealed with AES-256-GCM under a separate key, and opened
 * for registrars and administrators;</li>
 * <li>everyone else sees the mask {@code 410402********1234}.</li>
 * </ul>
 * Keys are secrets from configuration; a key of text is stretched to 256 bits with SHA-256, so it
 * must itself be long and random in production. Changing the matching key changes every hash.
 */
public final class PersonalIds {

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte VERSION = 1;
    // Binds a sealed value to this registry and format version.
    private static final byte[] ASSOCIATED_DATA = "suiji-registry:sealed-personal-data:v1".getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec hashKey;
    private final SecretKeySpec sealKey;
    private final SecureRandom random = new SecureRandom();
    // Mac and Cipher instances are not thread-safe and costly to look up: one per thread (imports hash a million).
    private final ThreadLocal<Mac> macs;
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance(CIPHER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    });

    public PersonalIds(String hashSecret, String sealSecret) {
        if (hashSecret == null || hashSecret.length() < 16 || sealSecret == null || sealSecret.length() < 16) {
            throw new IllegalArgumentException("the personal-data keys must have at least 16 characters");
        }
        this.hashKey = new SecretKeySpec(hashSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.sealKey = new SecretKeySpec(sha256(sealSecret), "AES");
        SecretKeySpec key = hashKey;
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
            }
        });
    }

    /** The matching key: 64 lower-case hex digits of HMAC-SHA256 over the 18-character number. */
    public String hash(String residentId) {
        return HexFormat.of().formatHex(macs.get().doFinal(residentId.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Version byte, 12-byte random nonce, ciphertext with its 16-byte tag. */
    public byte[] seal(String clear) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ASSOCIATED_DATA);
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** @throws IllegalStateException if the value was not sealed under this key or was altered */
    public String open(byte[] sealed) {
        if (sealed == null || sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new IllegalStateException("not a sealed value of this registry");
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(ASSOCIATED_DATA);
            byte[] clear = cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
            return new String(clear, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed value does not open with the configured key (wrong key or altered data)", e);
        }
    }

    /** {@code 410402199001011234} → {@code 410402********1234}: division and last four only. */
    public static String mask(String residentId) {
        if (residentId == null || residentId.length() < 10) {
            return "********";
        }
        return residentId.substring(0, 6) + "*".repeat(residentId.length() - 10)
                + residentId.substring(residentId.length() - 4);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
