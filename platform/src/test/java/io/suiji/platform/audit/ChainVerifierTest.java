package io.suiji.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.suiji.platform.audit.ChainVerifier.ChainVerification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private static final Instant T0 = Instant.parse("2026-11-27T08:00:00.123456789Z");

    @Test
    void anIntactChainIsValidWithItsCountAndHead() {
        List<AuditEntry> chain = chain(5);
        ChainVerification result = verify(chain);
        assertTrue(result.valid());
        assertEquals(5, result.entries());
        assertEquals(chain.get(4).hash(), result.head());
        assertNull(result.firstBrokenLink());
    }

    @Test
    void anEmptyTrailIsValidWithTheGenesisHead() {
        ChainVerification result = verify(List.of());
        assertTrue(result.valid());
        assertEquals(0, result.entries());
        assertEquals(AuditChain.GENESIS, result.head());
    }

    @Test
    void theFirstEntryFollowsGenesisAndEachNextEntryItsPredecessor() {
        List<AuditEntry> chain = chain(3);
        assertEquals("0".repeat(64), chain.get(0).previousHash());
        assertEquals(chain.get(0).hash(), chain.get(1).previousHash());
        assertEquals(chain.get(1).hash(), chain.get(2).previousHash());
    }

    @Test
    void theHashIsSha256OfTheDocumentedEncoding() {
        AuditEntry entry = AuditEntry.next(1, AuditChain.GENESIS, T0, "张三", List.of("planner", "admin"), "410400",
                "plan.published", "plan", "p-1", null, "ab");
        String expected = """
                SUIJI-AUDIT-1
                1:1
                27:2026-11-27T08:00:00.123456Z
                6:张三
                13:admin,planner
                6:410400
                14:plan.published
                4:plan
                3:p-1
                -
                2:ab
                64:%s
                """.formatted(AuditChain.GENESIS);
        assertEquals(expected, new String(AuditChain.canonical(entry), StandardCharsets.UTF_8));
        assertEquals(AuditChain.sha256Hex(expected.getBytes(StandardCharsets.UTF_8)), entry.hash());
    }

    @Test
    void aNullAndAnEmptyOrDashValueHashDifferently() {
        String none = AuditEntry.next(1, AuditChain.GENESIS, T0, "a", List.of(), null, "x", "t", "1", null, null).hash();
        String empty = AuditEntry.next(1, AuditChain.GENESIS, T0, "a", List.of(), "", "x", "t", "1", null, null).hash();
        String dash = AuditEntry.next(1, AuditChain.GENESIS, T0, "a", List.of(), "-", "x", "t", "1", null, null).hash();
        assertFalse(none.equals(empty) || none.equals(dash) || empty.equals(dash));
    }

    @Test
    void aTamperedFieldIsAHashMismatchAtThatEntry() {
        List<AuditEntry> chain = chain(5);
        AuditEntry original = chain.get(2);
        chain.set(2, new AuditEntry(original.sequence(), original.occurredAt(), "mallory", original.roles(),
                original.region(), original.action(), original.targetType(), original.targetId(),
                original.beforeDigest(), original.afterDigest(), original.previousHash(), original.hash()));
        ChainVerification result = verify(chain);
        assertFalse(result.valid());
        assertEquals(3, result.firstBrokenLink().sequence());
        assertTrue(result.firstBrokenLink().problem().startsWith("hash mismatch"), result.firstBrokenLink().problem());
        assertEquals(5, result.entries());
    }

    @Test
    void aTamperedHashIsAHashMismatchAtThatEntry() {
        List<AuditEntry> chain = chain(4);
        chain.set(1, chain.get(1).withHash("f".repeat(64)));
        ChainVerification result = verify(chain);
        assertEquals(2, result.firstBrokenLink().sequence());
        assertTrue(result.firstBrokenLink().problem().startsWith("hash mismatch"), result.firstBrokenLink().problem());
    }

    @Test
    void anEditedEntryWithARecomputedHashBreaksTheNextLink() {
        List<AuditEntry> chain = chain(4);
        AuditEntry original = chain.get(1);
        chain.set(1, AuditEntry.next(original.sequence(), original.previousHash(), original.occurredAt(), "mallory",
                original.roles(), original.region(), original.action(), original.targetType(), original.targetId(),
                original.beforeDigest(), original.afterDigest()));
        ChainVerification result = verify(chain);
        assertEquals(3, result.firstBrokenLink().sequence());
        assertTrue(result.firstBrokenLink().problem().startsWith("previous-hash mismatch"), result.firstBrokenLink().problem());
    }

    @Test
    void withoutDetailKeepsTheVerdictCountHeadAndPlaceButNoHashOfAnyEntry() {
        List<AuditEntry> chain = chain(4);
        chain.set(1, chain.get(1).withHash("f".repeat(64)));
        ChainVerification full = verify(chain);
        ChainVerification summary = full.withoutDetail();
        assertEquals(List.of(false, 4L, full.head(), 2L, ChainVerifier.Break.HASH_MISMATCH),
                List.of(summary.valid(), summary.entries(), summary.head(), summary.firstBrokenLink().sequence(),
                        summary.firstBrokenLink().kind()));
        assertEquals("hash mismatch", summary.firstBrokenLink().problem());
        assertTrue(full.firstBrokenLink().problem().contains(chain.get(1).hash()), "the full problem names the hashes");
        assertEquals(verify(chain(3)), verify(chain(3)).withoutDetail(), "an intact chain has no detail to withhold");
    }

    @Test
    void aDeletedEntryIsAGapAtItsSequence() {
        List<AuditEntry> chain = chain(5);
        chain.remove(3);
        ChainVerification result = verify(chain);
        assertEquals(4, result.firstBrokenLink().sequence());
        assertTrue(result.firstBrokenLink().problem().startsWith("gap in sequence"), result.firstBrokenLink().problem());
        assertEquals(4, result.entries());
    }

    @Test
    void aDeletedFirstEntryIsAGapAtOne() {
        List<AuditEntry> chain = chain(3);
        chain.remove(0);
        assertEquals(1, verify(chain).firstBrokenLink().sequence());
    }

    @Test
    void swappedSequenceNumbersAreAHashMismatchAtTheFirstOfThem() {
        List<AuditEntry> chain = chain(5);
        AuditEntry second = chain.get(1);
        AuditEntry third = chain.get(2);
        chain.set(1, renumbered(third, 2));
        chain.set(2, renumbered(second, 3));
        ChainVerification result = verify(chain);
        assertFalse(result.valid());
        assertEquals(2, result.firstBrokenLink().sequence());
    }

    @Test
    void entriesFedOutOfOrderAreReported() {
        List<AuditEntry> chain = chain(4);
        AuditEntry third = chain.remove(2);
        chain.add(1, third);
        ChainVerification result = verify(chain);
        assertEquals(2, result.firstBrokenLink().sequence());
        assertTrue(result.firstBrokenLink().problem().startsWith("gap in sequence"), result.firstBrokenLink().problem());
    }

    private static AuditEntry renumbered(AuditEntry e, long sequence) {
        return new AuditEntry(sequence, e.occurredAt(), e.actor(), e.roles(), e.region(), e.action(), e.targetType(),
                e.targetId(), e.beforeDigest(), e.afterDigest(), e.previousHash(), e.hash());
    }

    private static ChainVerification verify(List<AuditEntry> entries) {
        var verifier = new ChainVerifier();
        entries.forEach(verifier::accept);
        return verifier.result();
    }

    private static List<AuditEntry> chain(int length) {
        List<AuditEntry> chain = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= length; i++) {
            AuditEntry entry = AuditEntry.next(i, previous, T0.plusSeconds(i), "planner-city", List.of("planner"),
                    "410400", "plan.updated", "plan", "p-" + i, i == 1 ? null : "b" + i, "a" + i);
            chain.add(entry);
            previous = entry.hash();
        }
        return chain;
    }
}
