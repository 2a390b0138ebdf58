package io.suiji.publication.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a receiving agency checks: {@code X-Suiji-Signature: sha256=<hex HMAC-SHA256(secret, body)>}
 * over the exact body bytes; and how long to wait before the next attempt. Plain Java.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Suiji-Signature";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private WebhookSignature() {
    }

    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Exponential backoff after the {@code attempts}-th failed attempt: base · 2^(attempts−1), capped. */
    public static Duration backoff(int attempts, Duration base, Duration cap) {
        int exponent = Math.max(0, Math.min(attempts - 1, 30));
        Duration wait = base.multipliedBy(1L << exponent);
        return wait.compareTo(cap) > 0 ? cap : wait;
    }
}
