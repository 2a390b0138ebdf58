package io.suiji.publication.publicresults;

import io.quarkus.scheduler.Scheduled;
import io.suiji.platform.audit.AuditLog;
import io.suiji.publication.disclosure.Clocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Records the withdrawal of results whose retention period has ended (公示期满). The public queries
 * already hide them from the moment the period ends; this keeps a dated record of it for the
 * bureau and its auditors, on the row that stays.
 */
@ApplicationScoped
public class RetentionWatch {

    private final EntityManager em;
    private final Clock clock;
    private final AuditLog audit;

    @Inject
    public RetentionWatch(EntityManager em, Clock clock, AuditLog audit) {
        this.em = em;
        this.clock = clock;
        this.audit = audit;
    }

    @Scheduled(every = "${suiji.publication.retention-check-every:1h}", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        withdrawExpired();
    }

    /** Returns how many results left the public view now. */
    @Transactional
    public int withdrawExpired() {
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(Clocks.CHINA));
        Retention.Cutoffs cutoffs = Retention.at(now);
        int withdrawn = em.createNativeQuery("""
                        update result_item r set withdrawn_at = cast(?1 as timestamptz),
                               withdrawal_reason = case when %1$s then cast(?2 as text) else cast(?3 as text) end
                        from result_item x left join entity_view e on e.id = x.entity_id
                        where x.id = r.id and r.published_at is not null and r.withdrawn_at is null
                          and r.published_at <= case when %1$s then cast(?4 as timestamptz) else cast(?5 as timestamptz) end"""
                        .formatted(Retention.KNOWN_ORGANISATION))
                .setParameter(1, now)
                .setParameter(2, Retention.ORGANISATION_REASON)
                .setParameter(3, Retention.NATURAL_PERSON_REASON)
                .setParameter(4, cutoffs.organisation())
                .setParameter(5, cutoffs.naturalPerson())
                .executeUpdate();
        if (withdrawn > 0) {
            audit.appendAsSystem("retention-watch", "results.withdrawn", "result-items", now.toLocalDate(), null,
                    new Withdrawal(withdrawn, cutoffs.organisation(), cutoffs.naturalPerson()));
        }
        return withdrawn;
    }

    /** One entry per run that withdrew anything: how many results, and the cutoffs they fell behind. */
    record Withdrawal(int results, OffsetDateTime organisationsPublishedBefore, OffsetDateTime personsPublishedBefore) {
    }
}
