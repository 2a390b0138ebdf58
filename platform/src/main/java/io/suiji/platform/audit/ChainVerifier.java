package io.suiji.platform.audit;

/**
 * Walks audit entries in sequence order and finds the first broken link: a missing sequence number
 * (a deleted row), an entry whose previous hash is not the hash of the entry before it (a row
 * replaced or re-hashed), or an entry whose hash is not the hash of its fields (a row edited).
 * Entries are fed one at a time so that a long trail is never held in memory.
 */
public final class ChainVerifier {

    private long entries;
    private long expectedSequence = 1;
    private String head = AuditChain.GENESIS;
    private BrokenLink firstBroken;

    public void accept(AuditEntry entry) {
        entries++;
        if (firstBroken == null) {
            firstBroken = check(entry);
        }
        expectedSequence = entry.sequence() + 1;
        head = entry.hash();
    }

    public ChainVerification result() {
        return new ChainVerification(entries, firstBroken == null, head, firstBroken);
    }

    private BrokenLink check(AuditEntry entry) {
        if (entry.sequence() != expectedSequence) {
            return entry.sequence() > expectedSequence
                    ? BrokenLink.of(expectedSequence, Break.GAP,
                            "entry " + expectedSequence + " is missing, the next entry is " + entry.sequence())
                    : BrokenLink.of(expectedSequence, Break.OUT_OF_ORDER,
                            "expected " + expectedSequence + ", found " + entry.sequence());
        }
        if (!entry.previousHash().equals(head)) {
            return BrokenLink.of(entry.sequence(), Break.PREVIOUS_HASH_MISMATCH, "the entry names " + entry.previousHash()
                    + " but entry " + (entry.sequence() - 1) + " has hash " + head);
        }
        if (!entry.hashMatches()) {
            return BrokenLink.of(entry.sequence(), Break.HASH_MISMATCH, "the stored hash " + entry.hash()
                    + " is not the hash of the entry's fields " + AuditChain.hashOf(entry));
        }
        return null;
    }

    /** The kinds of broken link, each with the phrase that starts its {@code problem}. */
    public enum Break {
        GAP("gap in sequence"),
        OUT_OF_ORDER("sequence out of order"),
        PREVIOUS_HASH_MISMATCH("previous-hash mismatch"),
        HASH_MISMATCH("hash mismatch");

        private final String phrase;

        Break(String phrase) {
            this.phrase = phrase;
        }

        public String phrase() {
            return phrase;
        }
    }

    /** Where the chain breaks first, what kind of break it is, and why: the hashes that disagree. */
    public record BrokenLink(long sequence, Break kind, String problem) {

        static BrokenLink of(long sequence, Break kind, String detail) {
            return new BrokenLink(sequence, kind, kind.phrase() + ": " + detail);
        }

        /** The place and kind of the break, without the hashes and neighbours that explain it. */
        public BrokenLink withoutDetail() {
            return new BrokenLink(sequence, kind, kind.phrase());
        }
    }

    /**
     * The outcome: how many entries were walked, whether the chain holds, the hash of the last entry
     * ({@link AuditChain#GENESIS} when there is none) and the first broken link, if any.
     */
    public record ChainVerification(long entries, boolean valid, String head, BrokenLink firstBrokenLink) {

        /** The verdict as a reader of part of the trail sees it: the broken link's place and kind only. */
        public ChainVerification withoutDetail() {
            return firstBrokenLink == null ? this
                    : new ChainVerification(entries, valid, head, firstBrokenLink.withoutDetail());
        }
    }
}
