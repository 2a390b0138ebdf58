package io.suiji.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.suiji.contracts.EventJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateDigestTest {

    private final StateDigest digest = new StateDigest(EventJson.mapper());

    record Plan(String title, BigDecimal ratio, LocalDate due, Map<String, Object> extra) {
    }

    @Test
    void canonicalJsonSortsKeysAtEveryDepthWithoutWhitespace() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("z", 1);
        extra.put("a", List.of(Map.of("y", 2, "b", "二")));
        String json = digest.canonicalJson(new Plan("抽查", new BigDecimal("0.05"), LocalDate.of(2020, 6, 30), extra));
        assertEquals("{\"due\":\"2020-06-30\",\"extra\":{\"a\":[{\"b\":\"二\",\"y\":2}],\"z\":1},\"ratio\":0.05,\"title\":\"抽查\"}", json);
    }

    record Version(OffsetDateTime recordedAt, BigDecimal percent) {
    }

    @Test
    void aStateDigestsAlikeInMemoryAndAsReadBackFromPostgresql() {
        var written = new Version(OffsetDateTime.parse("2026-11-27T15:21:56.123456500+08:00"), new BigDecimal("10"));
        var readBack = new Version(OffsetDateTime.parse("2026-11-27T07:21:56.123457Z"), new BigDecimal("10.00"));
        assertEquals("{\"percent\":10,\"recordedAt\":\"2026-11-27T07:21:56.123457Z\"}", digest.canonicalJson(written));
        assertEquals(digest.of(written), digest.of(readBack));
    }

    @Test
    void theDigestIsSha256OfTheCanonicalJsonAndNullHasNone() {
        Map<String, Object> state = Map.of("status", "PUBLISHED", "version", 2);
        String canonical = "{\"status\":\"PUBLISHED\",\"version\":2}";
        assertEquals(AuditChain.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)), digest.of(state));
        assertNotEquals(digest.of(state), digest.of(Map.of("status", "DRAFT", "version", 2)));
        assertNull(digest.of(null));
    }
}
