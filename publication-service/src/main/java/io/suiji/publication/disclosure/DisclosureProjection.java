package io.suiji.publication.disclosure;

import io.suiji.contracts.enforcement.InspectionClosed;
import io.suiji.contracts.enforcement.TaskCompleted;
import io.suiji.platform.inbox.EventEnvelope;
import io.suiji.platform.inbox.Inbox;
import io.suiji.platform.inbox.PoisonMessageException;
import io.suiji.publication.calendar.CalendarService;
import io.suiji.publication.calendar.DueDate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies enforcement's facts once each (inbox): {@code InspectionClosed} becomes a result item,
 * {@code TaskCompleted} opens the batch's disclosure, due 20 working days after completion
 * (三(五)). Results and the completion may arrive in either order: items are joined to their
 * disclosure by task and batch.
 */
@ApplicationScoped
public class DisclosureProjection {

    static final String CONSUMER = "publication.disclosures";
    /** 三(五): results are published within 20 working days after the task completes. */
    public static final int WORKING_DAYS_TO_PUBLISH = 20;
    private static final Logger LOG = Logger.getLogger(DisclosureProjection.class);

    private final Inbox inbox;
    private final CalendarService calendars;
    private final Clock clock;

    @Inject
    public DisclosureProjection(Inbox inbox, CalendarService calendars, Clock clock) {
        this.inbox = inbox;
        this.calendars = calendars;
        this.clock = clock;
    }

    @Transactional
    public void apply(EventEnvelope event) {
        switch (event.type()) {
            case "io.suiji.enforcement.InspectionClosed.v1" -> {
                InspectionClosed closed = event.payload(InspectionClosed.class);
                check(closed, event);
                if (firstDelivery(event)) {
                    record(closed);
                }
            }
            case "io.suiji.enforcement.TaskCompleted.v1" -> {
                TaskCompleted completed = event.payload(TaskCompleted.class);
                if (completed.taskId() == null || completed.completedOn() == null || completed.region() == null) {
                    throw new PoisonMessageException("event " + event.id() + " lacks taskId, completedOn or region");
                }
                if (firstDelivery(event)) {
                    open(completed);
                }
            }
            // Targeted cases are not part of a task batch's disclosure.
            case "io.suiji.enforcement.CaseOpened.v1", "io.suiji.enforcement.CaseClosed.v1" -> firstDelivery(event);
            default -> throw new PoisonMessageException("unexpected event type " + event.type() + " on enforcement.inspections");
        }
    }

    private boolean firstDelivery(EventEnvelope event) {
        if (inbox.firstDelivery(CONSUMER, event.id())) {
            return true;
        }
        LOG.debugf("skipping duplicate delivery of %s", event.id());
        return false;
    }

    private static void check(InspectionClosed closed, EventEnvelope event) {
        if (closed.inspectionId() == null || closed.entityId() == null || closed.entityRegion() == null
                || closed.outcome() == null || closed.closedOn() == null) {
            throw new PoisonMessageException("event " + event.id()
                    + " lacks inspectionId, entityId, entityRegion, outcome or closedOn");
        }
    }

    private void record(InspectionClosed closed) {
        if (ResultItem.count("inspectionId", closed.inspectionId()) > 0) {
            return; // the same inspection under another event id: first report wins
        }
        ResultItem item = new ResultItem();
        item.id = UUID.randomUUID();
        item.inspectionId = closed.inspectionId();
        item.taskId = closed.taskId();
        item.batch = closed.batch();
        item.drawId = closed.drawId();
        item.caseId = closed.caseId();
        item.entityId = closed.entityId();
        item.entityRegion = closed.entityRegion();
        item.matterCode = closed.matterCode();
        item.outcome = closed.outcome().name();
        if (closed.penalty() != null) {
            item.penaltyDecisionNumber = closed.penalty().decisionNumber();
            item.penaltyAmount = closed.penalty().amount();
            item.penaltyLegalBasis = closed.penalty().legalBasis();
        }
        item.startedOn = closed.startedOn();
        item.closedOn = closed.closedOn();
        item.department = closed.department();
        item.receivedAt = OffsetDateTime.now(clock);
        item.persist();
    }

    private void open(TaskCompleted completed) {
        long existing = completed.drawId() != null ? Disclosure.count("drawId", completed.drawId())
                : Disclosure.count("taskId = ?1 and batch = ?2 and drawId is null", completed.taskId(), completed.batch());
        if (existing > 0) {
            return;
        }
        DueDate due = calendars.plusWorkingDays(completed.completedOn(), WORKING_DAYS_TO_PUBLISH);
        Disclosure disclosure = new Disclosure();
        disclosure.id = UUID.randomUUID();
        disclosure.taskId = completed.taskId();
        disclosure.batch = completed.batch();
        disclosure.drawId = completed.drawId();
        disclosure.region = completed.region();
        disclosure.department = completed.department();
        disclosure.assignmentCount = completed.assignmentCount();
        disclosure.completedOn = completed.completedOn();
        disclosure.dueDate = due.date();
        disclosure.dueProvisional = due.provisional();
        disclosure.status = Disclosure.OPEN;
        disclosure.openedAt = OffsetDateTime.now(clock);
        disclosure.persist();
    }
}
