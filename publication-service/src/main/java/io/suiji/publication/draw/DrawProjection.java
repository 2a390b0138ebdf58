package io.suiji.publication.draw;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.sampling.DrawCancelled;
import io.suiji.contracts.sampling.DrawCommitted;
import io.suiji.contracts.sampling.DrawCompleted;
import io.suiji.platform.inbox.EventEnvelope;
import io.suiji.platform.inbox.Inbox;
import io.suiji.platform.inbox.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps one row per draw for the public site, once per event (inbox). Each event fills only its own
 * columns, so the row is the same whichever order the events of a draw arrive in.
 */
@ApplicationScoped
public class DrawProjection {

    static final String DRAWS = "publication.public-draws";

    private final Inbox inbox;
    private final EntityManager em;

    @Inject
    public DrawProjection(Inbox inbox, EntityManager em) {
        this.inbox = inbox;
        this.em = em;
    }

    @Transactional
    public void apply(EventEnvelope event) {
        switch (event.type()) {
            case "io.suiji.sampling.DrawCommitted.v1" -> committed(event, event.payload(DrawCommitted.class));
            case "io.suiji.sampling.DrawCompleted.v1" -> completed(event, event.payload(DrawCompleted.class));
            case "io.suiji.sampling.DrawCancelled.v1" -> cancelled(event, event.payload(DrawCancelled.class));
            default -> throw new PoisonMessageException("unexpected event type " + event.type() + " on sampling.draws");
        }
    }

    private void committed(EventEnvelope event, DrawCommitted c) {
        require(event, c.drawId(), c.committedAt());
        if (!inbox.firstDelivery(DRAWS, event.id())) {
            return;
        }
        em.createNativeQuery("""
                        insert into public_draw (draw_id, plan_id, task_id, batch, matter_code, region, department, algorithm,
                            population_size, population_digest, commitment, exclusions, committed_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, cast(?12 as jsonb), ?13)
                        on conflict (draw_id) do update set plan_id = excluded.plan_id, task_id = excluded.task_id,
                            batch = excluded.batch, matter_code = excluded.matter_code, region = excluded.region,
                            department = excluded.department, algorithm = excluded.algorithm,
                            population_size = excluded.population_size, population_digest = excluded.population_digest,
                            commitment = excluded.commitment, exclusions = excluded.exclusions,
                            committed_at = excluded.committed_at""")
                .setParameter(1, c.drawId()).setParameter(2, c.planId()).setParameter(3, c.taskId())
                .setParameter(4, c.batch()).setParameter(5, c.matterCode()).setParameter(6, c.region())
                .setParameter(7, c.department()).setParameter(8, c.algorithm()).setParameter(9, c.populationSize())
                .setParameter(10, c.populationDigest()).setParameter(11, c.commitment())
                .setParameter(12, json(c.exclusionsByReason())).setParameter(13, time(c.committedAt()))
                .executeUpdate();
    }

    private void completed(EventEnvelope event, DrawCompleted c) {
        require(event, c.drawId(), c.completedAt());
        if (!inbox.firstDelivery(DRAWS, event.id())) {
            return;
        }
        em.createNativeQuery("""
                        insert into public_draw (draw_id, plan_id, task_id, batch, matter_code, region, department,
                            selected_count, group_count, selection_digest, secret, witness_entropy, completed_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
                        on conflict (draw_id) do update set plan_id = coalesce(public_draw.plan_id, excluded.plan_id),
                            task_id = coalesce(public_draw.task_id, excluded.task_id),
                            batch = coalesce(public_draw.batch, excluded.batch),
                            matter_code = coalesce(public_draw.matter_code, excluded.matter_code),
                            region = coalesce(public_draw.region, excluded.region),
                            department = coalesce(public_draw.department, excluded.department),
                            selected_count = excluded.selected_count, group_count = excluded.group_count,
                            selection_digest = excluded.selection_digest, secret = excluded.secret,
                            witness_entropy = excluded.witness_entropy, completed_at = excluded.completed_at""")
                .setParameter(1, c.drawId()).setParameter(2, c.planId()).setParameter(3, c.taskId())
                .setParameter(4, c.batch()).setParameter(5, c.matterCode()).setParameter(6, c.region())
                .setParameter(7, c.department()).setParameter(8, c.selectedCount()).setParameter(9, c.groupCount())
                .setParameter(10, c.selectionDigest()).setParameter(11, c.secret()).setParameter(12, c.witnessEntropy())
                .setParameter(13, time(c.completedAt()))
                .executeUpdate();
    }

    private void cancelled(EventEnvelope event, DrawCancelled c) {
        require(event, c.drawId(), c.cancelledAt());
        if (c.reason() == null || c.reason().isBlank()) {
            throw new PoisonMessageException("event " + event.id() + " cancels draw " + c.drawId() + " without a reason");
        }
        if (!inbox.firstDelivery(DRAWS, event.id())) {
            return;
        }
        em.createNativeQuery("""
                        insert into public_draw (draw_id, cancel_reason, cancelled_at) values (?1, ?2, ?3)
                        on conflict (draw_id) do update set cancel_reason = excluded.cancel_reason,
                            cancelled_at = excluded.cancelled_at""")
                .setParameter(1, c.drawId()).setParameter(2, c.reason()).setParameter(3, time(c.cancelledAt()))
                .executeUpdate();
    }

    private static void require(EventEnvelope event, String drawId, Instant at) {
        if (drawId == null || drawId.isBlank() || at == null) {
            throw new PoisonMessageException("event " + event.id() + " carries no draw id or no time");
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
