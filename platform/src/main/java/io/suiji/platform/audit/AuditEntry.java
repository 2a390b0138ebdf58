package io.suiji.platform.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One row of the audit trail (全程留痕): who did what to which record, when, with the digests of the
 * record's state before and after, chained to the row before it by {@code previousHash}.
 *
 * <p>{@code occurredAt} is kept to the microsecond because PostgreSQL's {@code timestamptz} stores no
 * more, and the hash must be recomputable from the stored row. {@code roles} are sorted for the same
 * reason. {@code region}, {@code beforeDigest} and {@code afterDigest} may be null (a system job has no
 * region; a created record has no before, a deleted one no after).
 */
public record AuditEntry(
        long sequence,
        Instant occurredAt,
        String actor,
        List<String> roles,
        String region,
        String action,
        String targetType,
        String targetId,
        String beforeDigest,
        String afterDigest,
        String previousHash,
        String hash) {

    public AuditEntry {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(targetType, "targetType");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        roles = roles == null ? List.of() : roles.stream().sorted().toList();
    }

    /** The entry that follows {@code previousHash} at {@code sequence}, with its hash computed. */
    public static AuditEntry next(long sequence, String previousHash, Instant occurredAt, String actor,
            List<String> roles, String region, String action, String targetType, String targetId,
            String beforeDigest, String afterDigest) {
        var unhashed = new AuditEntry(sequence, occurredAt, actor, roles, region, action, targetType, targetId,
                beforeDigest, afterDigest, previousHash, "");
        return unhashed.withHash(AuditChain.hashOf(unhashed));
    }

    /** Whether the stored hash is the hash of the stored fields. */
    public boolean hashMatches() {
        return hash.equals(AuditChain.hashOf(this));
    }

    AuditEntry withHash(String newHash) {
        return new AuditEntry(sequence, occurredAt, actor, roles, region, action, targetType, targetId,
                beforeDigest, afterDigest, previousHash, newHash);
    }
}
