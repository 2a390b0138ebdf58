package io.suiji.enforcement.assignment;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.sampling.DrawCancelled;
import io.suiji.contracts.sampling.DrawCompleted;
import io.suiji.contracts.sampling.GroupAdjusted;
import io.suiji.contracts.sampling.TargetSelected;
import io.suiji.enforcement.matter.CheckItems;
import io.suiji.platform.inbox.EventEnvelope;
import io.suiji.platform.inbox.Inbox;
import io.suiji.platform.inbox.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns sampling's facts into assignments, once each (inbox): a {@code TargetSelected} becomes one
 * assignment; {@code GroupAdjusted} changes an open assignment's group; {@code DrawCompleted} tells
 * how many to expect; {@code DrawCancelled} cancels the draw's open assignments (closed inspections
 * stay closed: they happened).
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

    /**
     * The selection events of one poll, in delivery order, in one transaction: a draw of thousands of
     * targets is a few commits rather than one per target. A poison event fails the unit, which
     * {@link io.suiji.platform.inbox.PolledRecords} then applies one by one so that only it is dead-lettered.
     */
    @Transactional
    public void applySelections(List<EventEnvelope> events) {
        for (EventEnvelope event : events) {
            switch (event.type()) {
                case "io.suiji.sampling.TargetSelected.v1" -> applySelected(event);
                case "io.suiji.sampling.GroupAdjusted.v1" -> applyAdjustment(event);
                default -> throw new PoisonMessageException("unexpected event type " + event.type()
                        + " on sampling.selections");
            }
        }
    }

    private void applySelected(EventEnvelope event) {
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
        // Written and let go at once: a poll's later events would otherwise dirty-check every assignment made so far.
        em.flush();
        em.detach(a);
        // Closing cannot precede the assignment's existence, so no completion check is needed here.
    }

    /**
     * 调整执法人员: an open assignment takes the approved group, and every confirmation is withdrawn so
     * that the new group confirms the record as a whole. A closed inspection keeps the group that did
     * it — history is not rewritten — and the adjustment is recorded as having come too late.
     */
    private void applyAdjustment(EventEnvelope event) {
        GroupAdjusted adjusted = event.payload(GroupAdjusted.class);
        if (blank(adjusted.drawId()) || blank(adjusted.adjustmentId()) || blank(adjusted.reason())
                || blank(adjusted.approvedBy()) || adjusted.approvedAt() == null) {
            throw new PoisonMessageException("event " + event.id() + " lacks a draw, adjustment id, reason or approval");
        }
        if (new LinkedHashSet<>(adjusted.inspectorIds()).size() < 2) {
            throw new PoisonMessageException("event " + event.id() + " would leave a group of fewer than two");
        }
        if (!inbox.firstDelivery(SELECTIONS, event.id())) {
            LOG.debugf("skipping duplicate delivery of %s", event.id());
            return;
        }
        // The same adjustment under another event id (a producer retry) is applied once.
        if (GroupAdjustment.findById(adjusted.adjustmentId()) != null) {
            return;
        }
        Assignment a = Assignment.<Assignment>find("drawId = ?1 and ordinal = ?2", adjusted.drawId(), adjusted.ordinal())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (a == null) {
            // Same key and partition as the selection, so it cannot overtake it: retried, then dead-lettered.
            throw new IllegalStateException("no assignment for selection " + adjusted.ordinal() + " of draw "
                    + adjusted.drawId() + " to adjust");
        }
        AdjustmentRules.AdjustmentOutcome outcome = AdjustmentRules.adjustmentOutcome(a.status);
        if (outcome == AdjustmentRules.AdjustmentOutcome.APPLIED) {
            a.members.clear();
            new LinkedHashSet<>(adjusted.inspectorIds()).forEach(id -> a.members.add(new Member(id)));
            a.updatedAt = OffsetDateTime.now();
        } else {
            LOG.warnf("adjustment %s of assignment %s not applied: the assignment is %s", adjusted.adjustmentId(),
                    a.id, a.status);
        }
        GroupAdjustment record = new GroupAdjustment();
        record.adjustmentId = adjusted.adjustmentId();
        record.assignmentId = a.id;
        record.drawId = adjusted.drawId();
        record.ordinal = adjusted.ordinal();
        record.outcome = outcome;
        record.previousInspectorIds = json(adjusted.previousInspectorIds());
        record.inspectorIds = json(adjusted.inspectorIds());
        record.replacedInspectorIds = json(adjusted.replacedInspectorIds());
        record.replacingInspectorIds = json(adjusted.replacingInspectorIds());
        record.reason = adjusted.reason();
        record.proposedBy = adjusted.proposedBy() == null ? "" : adjusted.proposedBy();
        record.approvedBy = adjusted.approvedBy();
        record.approvedAt = adjusted.approvedAt().atOffset(ZoneOffset.UTC);
        record.receivedAt = OffsetDateTime.now();
        record.persist();
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
                            : cancelled.cancelledAt().atOffset(ZoneOffset.UTC);
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
