package io.suiji.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.suiji.platform.problem.Problem;
import org.junit.jupiter.api.Test;

class BodyLimitTest {

    private final BodyLimit limit = new BodyLimit(1000, 50_000);

    @Test
    void aJsonBodyUpToTheBodyLimitIsRead() {
        assertTrue(limit.refusal("application/json", "1000", "/api/v1/x").isEmpty());
    }

    @Test
    void aJsonBodyOneByteOverIsRefusedWith413NamingTheBody() {
        Problem problem = limit.refusal("application/json", "1001", "/api/v1/x").orElseThrow();
        assertEquals(413, problem.status());
        assertEquals("urn:suiji:problem:payload-too-large", problem.type());
        assertEquals("body", problem.errors().get(0).field());
        assertEquals("/api/v1/x", problem.instance());
    }

    @Test
    void aMultipartUploadMayReachTheUploadLimitButNotPassIt() {
        assertTrue(limit.refusal("multipart/form-data; boundary=x", "50000", "/import").isEmpty());
        assertEquals(413, limit.refusal("Multipart/Form-Data; boundary=x", "50001", "/import").orElseThrow().status());
    }

    @Test
    void theSmallerLimitWinsWhenTheUploadLimitIsBelowTheBodyLimit() {
        assertTrue(new BodyLimit(1000, 500).refusal("application/json", "501", "/").isPresent());
    }

    @Test
    void aBodyWithoutOrWithAMalformedLengthIsLeftToTheHttpLayer() {
        assertTrue(limit.refusal("application/json", null, "/").isEmpty());
        assertTrue(limit.refusal(null, "lots", "/").isEmpty());
    }
}
