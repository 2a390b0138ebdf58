package io.suiji.enforcement.assignment;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.sampling.DrawCancelled;
import io.suiji.contracts.sampling.DrawCompleted;
import io.suiji.contracts.sampling.TargetSelected;
import io.suiji.enforcement.matter.CheckItems;
import io.suiji.platform.inbox.EventEnvelope;
import io.suiji.platform.inbox.Inbox;
import io.suiji.platform.inbox.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns sampling's facts into assignments, once each (inbox): a {@code TargetSelected} becomes one
 * assignment; {@code DrawCompleted} tells how many to expect; {@code DrawCancelled} cancels the
 * draw's open assignments (closed inspections stay closed: they happened).
 */
@ApplicationScoped
public class SelectionProjection {

    static final String SELECTIONS = "enforcement.selections";
    static final String DRAWS = "enforcement.draws";
    private static final Logger LOG = Logger.getLogger(SelectionProjection.class);

    private final Inbox inbox;
    private final EntityManager em;
    private final BatchCompletion completion;
    private final CheckItems checkItems;

    @Inject
    public SelectionProjection(Inbox inbox, EntityManager em, BatchCompletion completion, CheckItems checkItems) {
        this.inbox = inbox;
        this.em = em;
        this.completion = completion;
        this.checkItems = checkItems;
    }

    @Transactional
    public void applySelection(EventEnvelope event) {
        if (!event.type().equals("io.suiji.sampling.TargetSelected.v1")) {
            throw new PoisonMessageException("unexpected event type " + event.type() + " on sampling.selections");
        }
        TargetSelected selected = event.payload(TargetSelected.class);
        if (blank(selected.drawId()) || blank(selected.taskId()) || blank(selected.entityId())
                || blank(selected.matterCode()) || blank(selected.entityRegion())) {
            throw new PoisonMessageException("event " + event.id() + " lacks a draw, task, matter, entity or region");
        }
        if (selected.inspectorIds().isEmpty()) {
            throw new PoisonMessageException("event " + event.id() + " carries no inspector group");
        }
        if (!inbox.firstDelivery(SELECTIONS, event.id())) {
            LOG.debugf("skipping duplicate delivery of %s", event.id());
            return;
        }
        DrawStatus draw = completion.lockDraw(selected.drawId());
        if (draw.taskId == null) {
            draw.taskId = selected.taskId();
            draw.batch = selected.batch();
            draw.matterCode = selected.matterCode();
        }
        // The same selection under another event id (a producer retry) still makes one assignment.
        long existing = ((Number) em.createNativeQuery("select count(*) from assignment where draw_id = ?1 and ordinal = ?2")
                .setParameter(1, selected.drawId()).setParameter(2, selected.ordinal()).getSingleResult()).longValue();
        if (existing > 0) {
            return;
        }
        Assignment a = new Assignment();
        a.id = UUID.randomUUID();
        a.drawId = selected.drawId();
        a.taskId = selected.taskId();
        a.batch = selected.batch();
        a.matterCode = selected.matterCode();
        a.matterVersion = selected.matterVersion();
        a.entityId = selected.entityId();
        a.entityRegion = selected.entityRegion();
        a.ordinal = selected.ordinal();
        a.control = selected.control();
        a.batchStart = selected.batchStart();
        a.batchEnd = selected.batchEnd();
        a.status = draw.cancelledAt != null ? Assignment.Status.CANCELLED : Assignment.Status.ASSIGNED;
        a.findings = json(Map.of());
        a.checkItems = checkItems.numbersOf(a.matterCode, a.matterVersion).orElse(null);
        a.createdAt = OffsetDateTime.now();
        a.updatedAt = a.createdAt;
        for (String inspector : new LinkedHashSet<>(selected.inspectorIds())) {
            a.members.add(new Member(inspector));
        }
        a.persist();
        // Closing cannot precede the assignment's existence, so no completion check is needed here.
    }

    @Transactional
    public void applyDraw(EventEnvelope event) {
        switch (event.type()) {
            case "io.suiji.sampling.DrawCompleted.v1" -> {
                DrawCompleted completed = event.payload(DrawCompleted.class);
                requireDraw(event, completed.drawId());
                if (inbox.firstDelivery(DRAWS, event.id())) {
                    DrawStatus draw = completion.lockDraw(completed.drawId());
                    draw.taskId = completed.taskId();
                    draw.batch = completed.batch();
                    draw.matterCode = completed.matterCode();
                    draw.region = completed.region();
                    draw.department = completed.department();
                    draw.expectedCount = completed.selectedCount();
                    completion.checkTaskCompleted(completed.drawId());
                }
            }
            case "io.suiji.sampling.DrawCancelled.v1" -> {
                DrawCancelled cancelled = event.payload(DrawCancelled.class);
                requireDraw(event, cancelled.drawId());
                if (inbox.firstDelivery(DRAWS, event.id())) {
                    DrawStatus draw = completion.lockDraw(cancelled.drawId());
                    draw.cancelledAt = cancelled.cancelledAt() == null ? OffsetDateTime.now()
                            : cancelled.cancelledAt().atOffset(java.time.ZoneOffset.UTC);
                    draw.cancelReason = cancelled.reason();
                    em.flush();
                    em.createNativeQuery("""
                                    update assignment set status = 'CANCELLED', updated_at = now(), version = version + 1
                                    where draw_id = ?1 and status in ('ASSIGNED', 'IN_PROGRESS')""")
                            .setParameter(1, cancelled.drawId()).executeUpdate();
                }
            }
            // Commitments carry nothing enforcement needs.
            case "io.suiji.sampling.DrawCommitted.v1" -> inbox.firstDelivery(DRAWS, event.id());
            default -> throw new PoisonMessageException("unexpected event type " + event.type() + " on sampling.draws");
        }
    }

    private static void requireDraw(EventEnvelope event, String drawId) {
        if (blank(drawId)) {
            throw new PoisonMessageException("event " + event.id() + " carries no draw id");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
