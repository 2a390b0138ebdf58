package io.suiji.platform.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.suiji.platform.audit.ChainVerifier.ChainVerification;
import io.suiji.platform.security.CallerScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The service's audit trail (全程留痕, DESIGN §6): every write appends one entry, inside the write's
 * own transaction, so the write and its entry commit or roll back together.
 *
 * <p>Appends are serialised per service by a transaction-scoped advisory lock: the next entry needs
 * the head's hash, and two writers must not both extend the same head. The lock is held until the
 * write commits, so a service appends its entries one transaction at a time — call {@code append}
 * at the end of a write rather than the start where the write is long.
 */
@ApplicationScoped
public class AuditLog {

    /** Advisory lock key of the chain head ("SuijiAud"); each service has its own database. */
    static final long CHAIN_LOCK = 0x5375696A69417564L;
    private static final int VERIFY_PAGE = 1_000;

    private static final String LOCK = "select count(*) from (select pg_advisory_xact_lock(?1)) locked";
    private static final String HEAD = "select sequence, hash from audit_log order by sequence desc limit 1";
    private static final String INSERT = """
            insert into audit_log (sequence, occurred_at, actor, roles, region, action, target_type, target_id,
                                   before_digest, after_digest, previous_hash, hash)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)""";
    private static final String COLUMNS = """
            select sequence, occurred_at, actor, roles, region, action, target_type, target_id,
                   before_digest, after_digest, previous_hash, hash
            from audit_log
            """;
    private static final String PAGE = COLUMNS + "where sequence > ?1 order by sequence limit ?2";
    private static final String PAGE_OF_REGION = COLUMNS + "where sequence > ?1 and region = ?3 order by sequence limit ?2";

    private static final Object BULK = new Object();

    private final EntityManager em;
    private final StateDigest digest;
    private final Instance<CallerScope> caller;
    private final TransactionSynchronizationRegistry transactions;

    @Inject
    public AuditLog(EntityManager em, ObjectMapper mapper, Instance<CallerScope> caller,
            TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.digest = new StateDigest(mapper);
        this.caller = caller;
        this.transactions = transactions;
    }

    /**
     * Records that the caller of the current request did {@code action} (e.g. {@code plan.published})
     * to the record {@code targetType}/{@code targetId}, whose state was {@code before} and is now
     * {@code after} (either null when there is none). Only a request has a caller: a scheduled job
     * records itself through {@link #appendAsSystem}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry append(String action, String targetType, Object targetId, Object before, Object after) {
        if (inBulk()) {
            return null;
        }
        if (!Arc.container().requestContext().isActive()) {
            throw new IllegalStateException("audit entry " + action + " outside a request has no caller; use appendAsSystem");
        }
        CallerScope who = caller.get();
        return insert(who.name(), List.copyOf(who.roles()), who.region().orElse(null),
                action, targetType, targetId, before, after);
    }

    /** Records a change a scheduled job made on its own, attributed to {@code system:<job>}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry appendAsSystem(String job, String action, String targetType, Object targetId, Object before,
            Object after) {
        if (inBulk()) {
            return null;
        }
        return insert("system:" + job, List.of(), null, action, targetType, targetId, before, after);
    }

    /**
     * Runs {@code work} as one bulk operation (an import of many rows): the writes it makes append no
     * entries one by one; the caller appends one entry for the whole operation once {@code work} returns.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T asOneOperation(Supplier<T> work) {
        Object outer = transactions.getResource(BULK);
        transactions.putResource(BULK, Boolean.TRUE);
        try {
            return work.get();
        } finally {
            transactions.putResource(BULK, outer);
        }
    }

    private boolean inBulk() {
        return transactions.getResource(BULK) != null;
    }

    /** The digest of {@code state} as the trail records it (docs/audit.md), e.g. of an imported sheet. */
    public String digestOf(Object state) {
        return digest.of(state);
    }

    /** Entries after {@code afterSequence}, oldest first. */
    public List<AuditEntry> entries(long afterSequence, int limit) {
        return entries(em.createNativeQuery(PAGE), afterSequence, limit);
    }

    /** The entries {@code scope} may read after {@code afterSequence}, oldest first. */
    public List<AuditEntry> entries(AuditReadScope scope, long afterSequence, int limit) {
        if (scope.readsNothing()) {
            return List.of();
        }
        if (scope.wholeTrail()) {
            return entries(afterSequence, limit);
        }
        return entries(em.createNativeQuery(PAGE_OF_REGION).setParameter(3, scope.region()), afterSequence, limit);
    }

    private List<AuditEntry> entries(Query page, long afterSequence, int limit) {
        List<?> rows = page
                .setParameter(1, afterSequence)
                .setParameter(2, limit)
                .getResultList();
        List<AuditEntry> entries = new ArrayList<>(rows.size());
        for (Object row : rows) {
            entries.add(entry((Object[]) row));
        }
        return entries;
    }

    /** Walks the whole trail page by page and reports the first broken link. */
    public ChainVerification verify() {
        var verifier = new ChainVerifier();
        long after = 0;
        List<AuditEntry> page;
        do {
            page = entries(after, VERIFY_PAGE);
            page.forEach(verifier::accept);
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).sequence();
            }
        } while (page.size() == VERIFY_PAGE);
        return verifier.result();
    }

    private AuditEntry insert(String actor, List<String> roles, String region, String action, String targetType,
            Object targetId, Object before, Object after) {
        // Digested before the lock: every write of the service waits for it until the holder commits.
        String beforeDigest = digest.of(before);
        String afterDigest = digest.of(after);
        em.createNativeQuery(LOCK).setParameter(1, CHAIN_LOCK).getSingleResult();
        List<?> head = em.createNativeQuery(HEAD).getResultList();
        long sequence = 1;
        String previousHash = AuditChain.GENESIS;
        if (!head.isEmpty()) {
            Object[] row = (Object[]) head.get(0);
            sequence = ((Number) row[0]).longValue() + 1;
            previousHash = (String) row[1];
        }
        AuditEntry entry = AuditEntry.next(sequence, previousHash, Instant.now(), actor, roles, region, action,
                targetType, String.valueOf(targetId), beforeDigest, afterDigest);
        em.createNativeQuery(INSERT)
                .setParameter(1, entry.sequence())
                .setParameter(2, OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC))
                .setParameter(3, entry.actor())
                .setParameter(4, String.join(",", entry.roles()))
                .setParameter(5, entry.region())
                .setParameter(6, entry.action())
                .setParameter(7, entry.targetType())
                .setParameter(8, entry.targetId())
                .setParameter(9, entry.beforeDigest())
                .setParameter(10, entry.afterDigest())
                .setParameter(11, entry.previousHash())
                .setParameter(12, entry.hash())
                .executeUpdate();
        return entry;
    }

    private static AuditEntry entry(Object[] row) {
        String roles = (String) row[3];
        return new AuditEntry(((Number) row[0]).longValue(), instant(row[1]), (String) row[2],
                roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")), (String) row[4], (String) row[5],
                (String) row[6], (String) row[7], (String) row[8], (String) row[9], (String) row[10], (String) row[11]);
    }

    // The JDBC driver and Hibernate hand timestamptz back as one of these, depending on configuration.
    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
