package io.suiji.enforcement.notice;

import io.suiji.enforcement.Caller;
import io.suiji.enforcement.assignment.Assignment;
import io.suiji.enforcement.assignment.AssignmentService;
import io.suiji.enforcement.inspector.InspectorDirectory;
import io.suiji.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * 亮码检查: the notice of a started inspection, for its group and the staff who may read the
 * assignment. Not before the start (the visit is not under way), never for a cancelled draw, and
 * never with a member the registry cannot vouch for (409 naming them).
 */
@ApplicationScoped
public class NoticeService {

    private final AssignmentService assignments;
    private final InspectorDirectory inspectors;
    private final NoticeConfig config;

    @Inject
    public NoticeService(AssignmentService assignments, InspectorDirectory inspectors, NoticeConfig config) {
        this.assignments = assignments;
        this.inspectors = inspectors;
        this.config = config;
    }

    @Transactional
    public InspectionNotice notice(Caller caller, UUID id) {
        Assignment a = assignments.visible(caller, id);
        if (a.status == Assignment.Status.ASSIGNED) {
            throw ProblemException.conflict("assignment-not-started",
                    "assignment " + id + " has not been started: the notice is issued when the inspection starts");
        }
        if (a.status == Assignment.Status.CANCELLED) {
            throw ProblemException.conflict("assignment-cancelled", "assignment " + id + " was cancelled with its draw");
        }
        try {
            return InspectionNotice.of(a.id, a.drawId, config.proofBaseUrl(), a.taskId, a.matterCode, a.entityId,
                    a.startedOn, a.inspectorIds(), inspectors.cards(a.inspectorIds()));
        } catch (InspectionNotice.UncertifiedGroup e) {
            throw new ProblemException(409, "certificate-unknown", "Conflict", "no notice for assignment " + id
                    + ": " + e.getMessage() + " (register it in the inspector registry, or adjust the group)", e.errors());
        }
    }

    /** The notice's QR code as PNG. */
    public byte[] qrPng(Caller caller, UUID id) {
        return QrCode.png(notice(caller, id).payload(), config.qrSize());
    }
}
