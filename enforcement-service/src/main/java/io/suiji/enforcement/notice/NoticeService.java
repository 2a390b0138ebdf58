package io.suiji.enforcement.notice;

import io.suiji.contracts.enforcement.CaseSource;
import io.suiji.enforcement.Caller;
import io.suiji.enforcement.assignment.Assignment;
import io.suiji.enforcement.assignment.AssignmentService;
import io.suiji.enforcement.cases.CaseService;
import io.suiji.enforcement.cases.TargetedCase;
import io.suiji.enforcement.inspector.InspectorDirectory;
import io.suiji.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import io.suiji.enforcement.inspector.InspectorCard;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * 亮码检查: the notice of a started inspection — drawn (assignment) or targeted (case) — for its
 * inspectors and the staff who may read it. Not before the start (the visit is not under way), never
 * for a cancelled draw, and never with a member the registry cannot vouch for (409 naming them).
 */
@ApplicationScoped
public class NoticeService {

    private final AssignmentService assignments;
    private final CaseService cases;
    private final InspectorDirectory inspectors;
    private final NoticeConfig config;

    @Inject
    public NoticeService(AssignmentService assignments, CaseService cases, InspectorDirectory inspectors,
                         NoticeConfig config) {
        this.assignments = assignments;
        this.cases = cases;
        this.inspectors = inspectors;
        this.config = config;
    }

    @Transactional
    public InspectionNotice notice(Caller caller, UUID id) {
        Assignment a = assignments.visible(caller, id);
        if (a.status == Assignment.Status.ASSIGNED) {
            throw notStarted("assignment", id);
        }
        if (a.status == Assignment.Status.CANCELLED) {
            throw ProblemException.conflict("assignment-cancelled", "assignment " + id + " was cancelled with its draw");
        }
        return certified("assignment", id, a.inspectorIds(), group -> InspectionNotice.of(a.id, a.drawId,
                config.proofBaseUrl(), a.taskId, a.matterCode, a.entityId, a.startedOn, a.inspectorIds(), group));
    }

    /** The notice of a targeted case: its source and who assigned the inspectors instead of a draw proof. */
    @Transactional
    public CaseNotice caseNotice(Caller caller, UUID id) {
        TargetedCase c = cases.visible(caller, id);
        if (c.startedOn == null) {
            throw notStarted("case", id);
        }
        List<String> group = CaseService.inspectorIds(c);
        return certified("case", id, group, cards -> CaseNotice.of(c.id, CaseSource.valueOf(c.source),
                c.sourceReference, c.assignedBy, c.matterCode, c.entityId, c.startedOn, group, cards));
    }

    /** The assignment notice's QR code as PNG. */
    public byte[] qrPng(Caller caller, UUID id) {
        return qrPng(notice(caller, id));
    }

    /** The case notice's QR code as PNG. */
    public byte[] caseQrPng(Caller caller, UUID id) {
        return qrPng(caseNotice(caller, id));
    }

    private byte[] qrPng(Notice notice) {
        return QrCode.png(notice.payload(), config.qrSize());
    }

    /** Builds the notice from what the registry says of the group; 409 naming whoever it cannot vouch for. */
    private <N extends Notice> N certified(String kind, UUID id, List<String> group,
                                           Function<Map<String, InspectorCard>, N> notice) {
        try {
            return notice.apply(inspectors.cards(group));
        } catch (Notice.UncertifiedGroup e) {
            throw new ProblemException(409, "certificate-unknown", "Conflict", "no notice for " + kind + " " + id
                    + ": " + e.getMessage() + " (register it in the inspector registry, or adjust the group)", e.errors());
        }
    }

    private static ProblemException notStarted(String kind, UUID id) {
        return ProblemException.conflict(kind + "-not-started",
                kind + " " + id + " has not been started: the notice is issued when the inspection starts");
    }
}
