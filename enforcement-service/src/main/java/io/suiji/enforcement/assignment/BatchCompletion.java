package io.suiji.enforcement.assignment;

import io.suiji.contracts.enforcement.TaskCompleted;
import io.suiji.enforcement.Clock;
import io.suiji.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;

/**
 * Emits {@code TaskCompleted} once, when a task batch's draw is complete (all its selections
 * arrived) and every assignment of it is closed. The draw's row is locked first, so two inspectors
 * closing the last two assignments at once still produce exactly one event.
 */
@ApplicationScoped
public class BatchCompletion {

    private final EntityManager em;
    private final Outbox outbox;

    @Inject
    public BatchCompletion(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    /** Creates the draw's row if it is the first news of the draw, and returns it locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public DrawStatus lockDraw(String drawId) {
        em.createNativeQuery("insert into draw_status (draw_id) values (?1) on conflict (draw_id) do nothing")
                .setParameter(1, drawId).executeUpdate();
        return em.find(DrawStatus.class, drawId, LockModeType.PESSIMISTIC_WRITE);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void checkTaskCompleted(String drawId) {
        DrawStatus draw = lockDraw(drawId);
        if (draw.expectedCount == null || draw.cancelledAt != null || draw.taskCompletedOn != null) {
            return;
        }
        em.flush();
        Object[] counts = (Object[]) em.createNativeQuery("""
                        select count(*) filter (where status <> 'CANCELLED'), count(*) filter (where status = 'CLOSED'),
                               max(closed_on)
                        from assignment where draw_id = ?1""")
                .setParameter(1, drawId).getSingleResult();
        long received = ((Number) counts[0]).longValue();
        long closed = ((Number) counts[1]).longValue();
        if (received < draw.expectedCount || closed < draw.expectedCount) {
            return;
        }
        // The last closure's date of record: a batch entered after the fact completes when its records say.
        draw.taskCompletedOn = counts[2] == null ? Clock.today()
                : counts[2] instanceof LocalDate day ? day : ((java.sql.Date) counts[2]).toLocalDate();
        outbox.publish(new TaskCompleted(draw.taskId, draw.batch == null ? 0 : draw.batch, drawId, draw.region,
                draw.department, closed, draw.taskCompletedOn));
    }
}
