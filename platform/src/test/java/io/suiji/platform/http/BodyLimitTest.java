package io.suiji.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.suiji.platform.problem.Problem;
import java.util.List;
import java.util.OptionalLong;
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
    void aChunkedJsonBodyIsCountedAgainstTheBodyLimitWhileRead() {
        assertEquals(OptionalLong.of(1000), limit.limitWhileReading("application/json", null, "chunked"));
        assertEquals(OptionalLong.of(1000), limit.limitWhileReading(null, null, "gzip, Chunked"));
        Problem problem = limit.tooLargeWhileReading(1000, "/api/v1/x");
        assertEquals(List.of(413, "urn:suiji:problem:payload-too-large", "body", "/api/v1/x"),
                List.of(problem.status(), problem.type(), problem.errors().get(0).field(), problem.instance()));
    }

    @Test
    void aDeclaredLengthAChunkedUploadOrNoBodyAtAllIsNotCounted() {
        assertTrue(limit.limitWhileReading("application/json", "10", null).isEmpty());
        assertTrue(limit.limitWhileReading("multipart/form-data; boundary=x", null, "chunked").isEmpty());
        assertTrue(limit.limitWhileReading(null, null, null).isEmpty());
    }

    @Test
    void aBodyWithoutOrWithAMalformedLengthIsNotRefusedBeforeReading() {
        assertTrue(limit.refusal("application/json", null, "/").isEmpty());
        assertTrue(limit.refusal(null, "lots", "/").isEmpty());
    }
}
