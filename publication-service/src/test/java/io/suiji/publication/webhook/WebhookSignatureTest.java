package io.suiji.publication.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signsLikeRfc4231TestCase2() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSignature.sign("Jefe", "what do ya want for nothing?"));
    }

    @Test
    void backsOffExponentiallyUpToTheCap() {
        Duration base = Duration.ofSeconds(30);
        Duration cap = Duration.ofHours(6);
        assertEquals(Duration.ofSeconds(30), WebhookSignature.backoff(1, base, cap));
        assertEquals(Duration.ofSeconds(60), WebhookSignature.backoff(2, base, cap));
        assertEquals(Duration.ofSeconds(240), WebhookSignature.backoff(4, base, cap));
        assertEquals(cap, WebhookSignature.backoff(20, base, cap));
        assertEquals(cap, WebhookSignature.backoff(1000, base, cap));
    }
}
