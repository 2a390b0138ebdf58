package io.suiji.enforcement.assignment;

import io.suiji.contracts.enforcement.InspectionClosed;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.enforcement.Caller;
import io.suiji.enforcement.Clock;
import io.suiji.enforcement.matter.CheckItems;
import io.suiji.enforcement.matter.MatterItems;
import io.suiji.enforcement.record.InspectionRecord;
import io.suiji.enforcement.record.RecordRequests;
import io.suiji.platform.audit.AuditLog;
import io.suiji.platform.outbox.Outbox;
import io.suiji.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Recording an inspection: start, findings, outcome, and the group's confirmations. Any change to
 * the record withdraws the confirmations already given, so that every member confirms the same
 * content (the two-person rule of 三(三)). The last confirmation closes the assignment and emits
 * {@code InspectionClosed} (and {@code TaskCompleted} for the last of a batch) through the outbox.
 */
@ApplicationScoped
public class AssignmentService {

    private final EntityManager em;
    private final Outbox outbox;
    private final BatchCompletion completion;
    private final AuditLog audit;
    private final CheckItems matters;

    @Inject
    public AssignmentService(EntityManager em, Outbox outbox, BatchCompletion completion, AuditLog audit,
                             CheckItems matters) {
        this.audit = audit;
        this.em = em;
        this.outbox = outbox;
        this.completion = completion;
        this.matters = matters;
    }

    /** Inspectors: their groups' assignments; staff: their region's. Newest batches first. */
    @Transactional
    public List<AssignmentView> list(Caller caller, String taskId, String status) {
        return list(caller, taskId, null, status, 0, MAX_PAGE);
    }

    public static final int MAX_PAGE = 1000;

    /** One page ({@code page} from 0) of {@link #list(Caller, String, String)}, optionally of one draw. */
    @Transactional
    public List<AssignmentView> list(Caller caller, String taskId, String drawId, String status, int page, int size) {
        StringBuilder jpql = new StringBuilder("select a from Assignment a");
        Map<String, Object> params = new java.util.HashMap<>();
        if (caller.staff()) {
            jpql.append(" where a.entityRegion like :prefix");
            params.put("prefix", caller.regionPrefix() + "%");
        } else if (caller.inspector()) {
            jpql.append(" where a.id in (select b.id from Assignment b join b.members m where m.inspectorId = :name)");
            params.put("name", caller.name());
        } else {
            throw Caller.forbidden("your roles do not allow reading assignments");
        }
        if (taskId != null && !taskId.isBlank()) {
            jpql.append(" and a.taskId = :task");
            params.put("task", taskId);
        }
        if (drawId != null && !drawId.isBlank()) {
            jpql.append(" and a.drawId = :draw");
            params.put("draw", drawId.strip());
        }
        if (status != null && !status.isBlank()) {
            jpql.append(" and a.status = :status");
            params.put("status", parseStatus(status));
        }
        jpql.append(" order by a.taskId, a.batch, a.ordinal");
        var query = em.createQuery(jpql.toString(), Assignment.class).setFirstResult(page * size).setMaxResults(size);
        params.forEach(query::setParameter);
        LocalDate today = Clock.today();
        // A page holds few matter versions: each is read once.
        Map<String, MatterItems> versions = new java.util.HashMap<>();
        return query.getResultList().stream().map(a -> AssignmentView.of(a,
                versions.computeIfAbsent(a.matterCode + "/" + a.matterVersion, key -> matterOf(a)), today)).toList();
    }

    @Transactional
    public AssignmentView get(Caller caller, UUID id) {
        return view(visible(caller, id));
    }

    /**
     * The assignment if the caller may read it (a member of its group, or staff covering its
     * region); 404 otherwise, so that its existence is not leaked.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Assignment visible(Caller caller, UUID id) {
        Assignment a = Assignment.findById(id);
        if (a == null || !(a.hasMember(caller.name()) || caller.covers(a.entityRegion))) {
            throw ProblemException.notFound("assignment", id);
        }
        return a;
    }

    @Transactional
    public AssignmentView start(Caller caller, UUID id, LocalDate startedOn) {
        Assignment a = writable(caller, id);
        AssignmentView before = view(a);
        LocalDate day = startedOn == null ? Clock.today() : startedOn;
        if (day.isAfter(Clock.today())) {
            throw ProblemException.invalid("startedOn", "must not be in the future");
        }
        if (a.status == Assignment.Status.ASSIGNED) {
            a.status = Assignment.Status.IN_PROGRESS;
            a.startedBy = caller.name();
            a.startedOn = day;
            touch(a);
            return audited("assignment.started", before, a);
        }
        return before;
    }

    @Transactional
    public AssignmentView recordFindings(Caller caller, UUID id, RecordRequests.Findings request) {
        Assignment a = writable(caller, id);
        MatterItems matter = matterOf(a);
        AssignmentView before = AssignmentView.of(a, matter, Clock.today());
        InspectionRecord changed = a.record(matter.methods()).withFindings(request == null ? null : request.method(),
                request == null ? null : request.findings(), request == null ? null : request.inspectedOn(), Clock.today());
        startIfNeeded(a, caller);
        a.store(changed);
        return audited("assignment.findings-recorded", before, a);
    }

    @Transactional
    public AssignmentView recordOutcome(Caller caller, UUID id, RecordRequests.OutcomeRecord request) {
        Assignment a = writable(caller, id);
        MatterItems matter = matterOf(a);
        AssignmentView before = AssignmentView.of(a, matter, Clock.today());
        InspectionRecord changed = a.record(matter.methods()).withOutcome(request == null ? null : request.outcome(),
                request == null ? null : request.penalty(), request == null ? null : request.notes(),
                request == null ? null : request.concludedOn(), Clock.today());
        startIfNeeded(a, caller);
        a.store(changed);
        return audited("assignment.outcome-recorded", before, a);
    }

    /**
     * Findings and outcome at once, with the sender's confirmation if asked; closes the assignment when
     * that was the last one missing.
     */
    @Transactional
    public AssignmentView submit(Caller caller, UUID id, RecordRequests.Submission request) {
        Assignment a = writable(caller, id);
        MatterItems matter = matterOf(a);
        AssignmentView before = AssignmentView.of(a, matter, Clock.today());
        RecordRequests.Submission submission = RecordRequests.Submission.orNothing(request);
        InspectionRecord changed = submission.applyTo(a.record(matter.methods()), caller.name(), Clock.today(),
                OffsetDateTime.now());
        startIfNeeded(a, caller);
        a.store(changed);
        if (changed.confirmedByAll()) {
            return close(before, a);
        }
        return audited(submission.confirm() ? "assignment.recorded-and-confirmed" : "assignment.recorded", before, a);
    }

    /** One member confirms the record as it stands; the last confirmation closes the assignment. */
    @Transactional
    public AssignmentView confirm(Caller caller, UUID id) {
        Assignment a = writable(caller, id);
        MatterItems matter = matterOf(a);
        AssignmentView before = AssignmentView.of(a, matter, Clock.today());
        InspectionRecord confirmed = a.record(matter.methods()).confirmedBy(caller.name(), OffsetDateTime.now());
        a.store(confirmed);
        if (confirmed.confirmedByAll()) {
            return close(before, a);
        }
        return audited("assignment.confirmed", before, a);
    }

    private MatterItems matterOf(Assignment a) {
        return matters.version(a.matterCode, a.matterVersion).orElse(MatterItems.unknown(a.matterCode, a.matterVersion));
    }

    private AssignmentView view(Assignment a) {
        return AssignmentView.of(a, matterOf(a), Clock.today());
    }

    private AssignmentView audited(String action, AssignmentView before, Assignment a) {
        AssignmentView after = view(a);
        audit.append(action, "assignment", a.id, before, after);
        return after;
    }

    /**
     * Closes the assignment. The audit entry comes first: appending takes the service's audit chain lock,
     * and only then is the draw's row locked (to see whether the batch is complete) — closings of one draw
     * would otherwise hold the draw's row while queueing for the chain, and queue behind one another twice.
     */
    private AssignmentView close(AssignmentView before, Assignment a) {
        a.status = Assignment.Status.CLOSED;
        a.closedOn = a.concludedOn != null ? a.concludedOn : Clock.today();
        AssignmentView after = audited("assignment.closed", before, a);
        DrawStatus draw = em.find(DrawStatus.class, a.drawId);
        outbox.publish(new InspectionClosed(a.id.toString(), a.id.toString(), a.drawId, null, a.taskId, a.batch,
                a.entityId, a.entityRegion, a.matterCode, Outcome.valueOf(a.outcome), AssignmentView.penalty(a),
                a.inspectorIds(), a.startedOn, a.closedOn, draw == null ? null : draw.department));
        em.flush();
        completion.checkTaskCompleted(a.drawId);
        return after;
    }

    /**
     * The assignment, locked, if the caller is in its group. Staff who may see it are told they
     * cannot write it (403); everyone else learns nothing of its existence (404). Closed and
     * cancelled assignments answer 409.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Assignment writable(Caller caller, UUID id) {
        Assignment a = em.find(Assignment.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw ProblemException.notFound("assignment", id);
        }
        if (!a.hasMember(caller.name())) {
            if (caller.covers(a.entityRegion)) {
                throw Caller.forbidden("only the inspector group of assignment " + id + " records its inspection");
            }
            throw ProblemException.notFound("assignment", id);
        }
        if (a.status == Assignment.Status.CLOSED || a.status == Assignment.Status.CANCELLED) {
            throw ProblemException.conflict("assignment-" + a.status.name().toLowerCase(),
                    "assignment " + id + " is " + a.status + " and can no longer change");
        }
        return a;
    }

    private static void startIfNeeded(Assignment a, Caller caller) {
        if (a.status == Assignment.Status.ASSIGNED) {
            a.status = Assignment.Status.IN_PROGRESS;
            a.startedBy = caller.name();
            a.startedOn = Clock.today();
        }
    }

    private static void touch(Assignment a) {
        a.updatedAt = OffsetDateTime.now();
    }

    private static Assignment.Status parseStatus(String status) {
        try {
            return Assignment.Status.valueOf(status.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            List<String> known = new ArrayList<>();
            for (Assignment.Status s : Assignment.Status.values()) {
                known.add(s.name());
            }
            throw ProblemException.badParameter("status", "must be one of " + known);
        }
    }
}
