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
            return new BrokenLink(expectedSequence, entry.sequence() > expectedSequence
                    ? "gap in sequence: entry " + expectedSequence + " is missing, the next entry is " + entry.sequence()
                    : "sequence out of order: expected " + expectedSequence + ", found " + entry.sequence());
        }
        if (!entry.previousHash().equals(head)) {
            return new BrokenLink(entry.sequence(), "previous-hash mismatch: the entry names " + entry.previousHash()
                    + " but entry " + (entry.sequence() - 1) + " has hash " + head);
        }
        if (!entry.hashMatches()) {
            return new BrokenLink(entry.sequence(), "hash mismatch: the stored hash " + entry.hash()
                    + " is not the hash of the entry's fields " + AuditChain.hashOf(entry));
        }
        return null;
    }

    /** Where the chain breaks first and why. */
    public record BrokenLink(long sequence, String problem) {
    }

    /**
     * The outcome: how many entries were walked, whether the chain holds, the hash of the last entry
     * ({@link AuditChain#GENESIS} when there is none) and the first broken link, if any.
     */
    public record ChainVerification(long entries, boolean valid, String head, BrokenLink firstBrokenLink) {
    }
}
