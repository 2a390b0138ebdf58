package io.suiji.registry.inspection;

import io.suiji.contracts.EventTypes;
import io.suiji.contracts.enforcement.InspectionClosed;
import io.suiji.contracts.registry.EntityUpdated;
import io.suiji.platform.inbox.EventEnvelope;
import io.suiji.platform.inbox.Inbox;
import io.suiji.platform.inbox.PoisonMessageException;
import io.suiji.platform.outbox.Outbox;
import io.suiji.registry.entity.EntityRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies {@code InspectionClosed} to the inspected entity once (inbox, same transaction) and
 * publishes the entity's new full state as {@code EntityUpdated}. Once means once per event id and
 * once per inspection id: an inspection announced again under a new event id (a republished outbox
 * row, a replay from another copy of the topic) must not count twice towards the annual cap. Other
 * events of the topic (cases, task completion) do not concern the registry and are passed over.
 */
@ApplicationScoped
public class InspectionProjection {

    static final String CONSUMER = "registry.inspection-history";
    /** The inbox keyed by inspection id rather than event id. */
    static final String INSPECTIONS = "registry.inspection-history.inspections";
    static final String INSPECTION_CLOSED = EventTypes.of(InspectionClosed.class).type();
    private static final Logger LOG = Logger.getLogger(InspectionProjection.class);

    private final Inbox inbox;
    private final Outbox outbox;

    @Inject
    public InspectionProjection(Inbox inbox, Outbox outbox) {
        this.inbox = inbox;
        this.outbox = outbox;
    }

    @Transactional
    public void apply(EventEnvelope event) {
        if (!INSPECTION_CLOSED.equals(event.type())) {
            return;
        }
        InspectionClosed closed = event.payload(InspectionClosed.class);
        if (closed.entityId() == null || closed.closedOn() == null || closed.inspectionId() == null) {
            throw new PoisonMessageException("InspectionClosed " + event.id() + " lacks entityId, closedOn or inspectionId");
        }
        UUID entityId;
        try {
            entityId = UUID.fromString(closed.entityId());
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("InspectionClosed " + event.id() + " names entity " + closed.entityId()
                    + ", which is not an id of this registry");
        }
        if (!inbox.firstDelivery(CONSUMER, event.id())) {
            LOG.debugf("skipping duplicate delivery of %s", event.id());
            return;
        }
        if (!inbox.firstDelivery(INSPECTIONS, closed.inspectionId())) {
            LOG.infof("event %s announces inspection %s again; counted once", event.id(), closed.inspectionId());
            return;
        }
        EntityRecord entity = EntityRecord.findById(entityId, LockModeType.PESSIMISTIC_WRITE);
        if (entity == null) {
            // Retrying cannot make the entity appear: to the dead-letter topic, with the reason.
            throw new PoisonMessageException("InspectionClosed " + event.id() + " is about entity " + entityId
                    + ", which the registry does not hold");
        }
        InspectionHistory before = new InspectionHistory(entity.lastInspections(), entity.inspectionsThisYear,
                entity.inspectionsYear, entity.abnormalOperation, entity.seriousViolation);
        InspectionHistory after = before.after(closed.matterCode(), closed.closedOn(), closed.outcome());
        entity.lastInspections(after.lastInspectedByMatter());
        entity.inspectionsThisYear = after.inspectionsThisYear();
        entity.inspectionsYear = after.inspectionsYear();
        entity.abnormalOperation = after.abnormalOperation();
        entity.seriousViolation = after.seriousViolation();
        entity.updatedBy = "enforcement:" + closed.inspectionId();
        entity.updatedAt = OffsetDateTime.now();
        EntityRecord.getEntityManager().flush();
        outbox.publish(new EntityUpdated(entity.state()));
    }
}
