package io.suiji.sampling.adjustment;

import io.suiji.contracts.sampling.GroupAdjusted;
import io.suiji.platform.audit.AuditLog;
import io.suiji.platform.outbox.Outbox;
import io.suiji.platform.problem.Problem.FieldError;
import io.suiji.platform.problem.ProblemException;
import io.suiji.platform.security.RegionScope;
import io.suiji.sampling.Actor;
import io.suiji.sampling.draw.DrawRecord;
import io.suiji.sampling.draw.DrawSpec;
import io.suiji.sampling.draw.DrawStore;
import io.suiji.sampling.draw.InspectorFacts;
import io.suiji.sampling.draw.InspectorRules;
import io.suiji.sampling.plan.MatterCatalog;
import io.suiji.sampling.plan.PlanContent.Task;
import io.suiji.sampling.plan.PlanService;
import io.suiji.sampling.plan.PlanVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * 调整执法人员 (issue #5): a planner proposes to change one drawn target's inspector group with a
 * reason; a second person with the supervisor role approves or rejects it. Approval publishes
 * {@code GroupAdjusted} through the outbox in the same transaction. The draw and its proof are not
 * touched, so the random result stays verifiable and the change is visible beside it.
 */
@ApplicationScoped
public class AdjustmentService {

    private final DrawStore store;
    private final MatterCatalog catalog;
    private final Outbox outbox;
    private final AuditLog audit;

    @Inject
    public AdjustmentService(DrawStore store, MatterCatalog catalog, Outbox outbox, AuditLog audit) {
        this.audit = audit;
        this.store = store;
        this.catalog = catalog;
        this.outbox = outbox;
    }

    @Transactional
    public AdjustmentView propose(UUID drawId, int ordinal, AdjustmentRequests.Propose request, Actor actor) {
        DrawRecord draw = lockDraw(drawId);
        actor.requireWriterFor(draw.region, draw.department);
        requireCompleted(draw);
        DrawStore.SelectedTarget selection = store.selection(drawId, ordinal)
                .orElseThrow(() -> ProblemException.notFound("selection", ordinal + " of draw " + drawId));
        if (GroupAdjustment.count("drawId = ?1 and ordinal = ?2 and status = ?3", drawId, ordinal,
                GroupAdjustment.PROPOSED) > 0) {
            throw ProblemException.conflict("adjustment-pending", "selection " + ordinal + " of draw " + drawId
                    + " already has a proposed adjustment; a supervisor decides it before another is proposed");
        }
        AdjustmentRequests.Propose body = request == null ? new AdjustmentRequests.Propose(null, null, null) : request;
        AdjustmentRules.Change change = new AdjustmentRules.Change(body.replacedInspectorIds(),
                body.replacingInspectorIds(), body.reason());
        List<String> group = currentGroup(drawId, ordinal, selection);
        List<FieldError> errors = violations(draw, selection, group, change);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        GroupAdjustment adjustment = new GroupAdjustment();
        adjustment.id = UUID.randomUUID();
        adjustment.drawId = drawId;
        adjustment.ordinal = ordinal;
        adjustment.entityId = selection.entityId();
        adjustment.status = GroupAdjustment.PROPOSED;
        adjustment.groupBefore = DrawStore.json(group);
        adjustment.groupAfter = DrawStore.json(AdjustmentRules.groupAfter(group, change));
        adjustment.replacedInspectorIds = DrawStore.json(change.replaced());
        adjustment.replacingInspectorIds = DrawStore.json(change.replacing());
        adjustment.reason = change.reason();
        adjustment.proposedBy = actor.name();
        adjustment.proposedAt = now();
        adjustment.persist();
        return audited("adjustment.proposed", null, view(adjustment, selection));
    }

    @Transactional
    public AdjustmentView approve(UUID drawId, UUID adjustmentId, AdjustmentRequests.Decide request, Actor actor) {
        DrawRecord draw = lockDraw(drawId);
        GroupAdjustment adjustment = decidable(draw, adjustmentId, actor);
        requireCompleted(draw);
        DrawStore.SelectedTarget selection = store.selection(drawId, adjustment.ordinal).orElseThrow();
        // The registry may have changed since the proposal (leave, retirement, a new conflict declaration).
        List<String> group = list(adjustment.groupBefore);
        if (!group.equals(currentGroup(drawId, adjustment.ordinal, selection))) {
            throw ProblemException.conflict("adjustment-no-longer-valid", "the group of selection "
                    + adjustment.ordinal + " changed since adjustment " + adjustmentId + " was proposed");
        }
        AdjustmentRules.Change change = new AdjustmentRules.Change(list(adjustment.replacedInspectorIds),
                list(adjustment.replacingInspectorIds), adjustment.reason);
        List<FieldError> errors = violations(draw, selection, group, change);
        if (!errors.isEmpty()) {
            throw new ProblemException(409, "adjustment-no-longer-valid", "Conflict", "the proposed group no longer "
                    + "meets the draw's rules; reject it and propose again", errors);
        }
        AdjustmentView before = view(adjustment, selection);
        decide(adjustment, GroupAdjustment.APPROVED, request == null ? null : request.note(), actor);
        outbox.publish(new GroupAdjusted(drawId.toString(), adjustment.id.toString(), draw.taskId, draw.batch,
                adjustment.entityId, adjustment.ordinal, group, list(adjustment.groupAfter), change.replaced(),
                change.replacing(), adjustment.reason, adjustment.proposedBy, adjustment.proposedAt.toInstant(),
                adjustment.decidedBy, adjustment.decidedAt.toInstant()));
        return audited("adjustment.approved", before, view(adjustment, selection));
    }

    @Transactional
    public AdjustmentView reject(UUID drawId, UUID adjustmentId, AdjustmentRequests.Decide request, Actor actor) {
        DrawRecord draw = lockDraw(drawId);
        GroupAdjustment adjustment = decidable(draw, adjustmentId, actor);
        if (request == null || request.note() == null || request.note().isBlank()) {
            throw ProblemException.invalid("note", "a rejection says why, for the proposer and the auditors");
        }
        DrawStore.SelectedTarget selection = store.selection(drawId, adjustment.ordinal).orElseThrow();
        AdjustmentView before = view(adjustment, selection);
        decide(adjustment, GroupAdjustment.REJECTED, request.note(), actor);
        return audited("adjustment.rejected", before, view(adjustment, selection));
    }

    private AdjustmentView audited(String action, AdjustmentView before, AdjustmentView after) {
        audit.append(action, "adjustment", after.id(), before, after);
        return after;
    }

    /**
     * The adjustments of a draw in the order they were proposed: approved ones for everyone (they are
     * published with the draw); proposed and rejected ones only for staff of the draw's region.
     */
    @Transactional
    public List<AdjustmentView> list(UUID drawId, Optional<Actor> viewer) {
        DrawRecord draw = findDraw(drawId);
        boolean staff = viewer.map(v -> v.covers(draw.region)).orElse(false);
        List<GroupAdjustment> adjustments = staff
                ? GroupAdjustment.list("drawId = ?1 order by proposedAt, id", drawId)
                : GroupAdjustment.list("drawId = ?1 and status = ?2 order by proposedAt, id", drawId,
                GroupAdjustment.APPROVED);
        Map<Integer, DrawStore.SelectedTarget> selections = new HashMap<>();
        return adjustments.stream().map(a -> view(a, selections.computeIfAbsent(a.ordinal,
                n -> store.selection(drawId, n).orElseThrow()))).toList();
    }

    @Transactional
    public AdjustmentView get(UUID drawId, UUID adjustmentId, Optional<Actor> viewer) {
        DrawRecord draw = findDraw(drawId);
        GroupAdjustment adjustment = GroupAdjustment.findById(adjustmentId);
        boolean staff = viewer.map(v -> v.covers(draw.region)).orElse(false);
        if (adjustment == null || !adjustment.drawId.equals(drawId)
                || (!staff && !GroupAdjustment.APPROVED.equals(adjustment.status))) {
            throw ProblemException.notFound("adjustment", adjustmentId);
        }
        return view(adjustment, store.selection(drawId, adjustment.ordinal).orElseThrow());
    }

    private List<FieldError> violations(DrawRecord draw, DrawStore.SelectedTarget selection, List<String> group,
                                        AdjustmentRules.Change change) {
        DrawSpec spec = DrawStore.read(draw.specification, DrawSpec.class);
        List<String> previous = store.previousInspectors(new RegionScope(selection.entityRegion()).prefix())
                .getOrDefault(selection.entityId(), List.of());
        AdjustmentRules.Target target = new AdjustmentRules.Target(selection.entityId(), selection.entityRegion(),
                group, spec.groupSize(), previous);
        Map<String, InspectorFacts> registry = new HashMap<>();
        store.inspectors().forEach(i -> registry.put(i.id(), i));
        return AdjustmentRules.violations(change, target, registry, poolRules(draw, spec));
    }

    // The rules of the draw's own plan version and batch, with the catalogue as it is now.
    private InspectorRules.PoolRules poolRules(DrawRecord draw, DrawSpec spec) {
        PlanVersion version = PlanVersion.of(draw.planId, draw.planVersion).orElseThrow(() ->
                new IllegalStateException("draw " + draw.id + " refers to a missing plan version"));
        Task task = PlanService.read(version.content).tasks().stream()
                .filter(t -> t.taskId().equals(draw.taskId)).findFirst().orElseThrow(() ->
                        new IllegalStateException("draw " + draw.id + " refers to a missing task " + draw.taskId));
        return InspectorRules.PoolRules.of(task, catalog.rules(task.matterCodes()), draw.region, spec.batchStart(),
                spec.batchEnd());
    }

    private List<String> currentGroup(UUID drawId, int ordinal, DrawStore.SelectedTarget selection) {
        Optional<GroupAdjustment> last = GroupAdjustment.find(
                "drawId = ?1 and ordinal = ?2 and status = ?3 order by decidedAt desc", drawId, ordinal,
                GroupAdjustment.APPROVED).firstResultOptional();
        return last.map(a -> list(a.groupAfter)).orElse(selection.drawnInspectorIds());
    }

    private GroupAdjustment decidable(DrawRecord draw, UUID adjustmentId, Actor actor) {
        GroupAdjustment adjustment = GroupAdjustment.findById(adjustmentId, LockModeType.PESSIMISTIC_WRITE);
        if (adjustment == null || !adjustment.drawId.equals(draw.id)) {
            throw ProblemException.notFound("adjustment", adjustmentId);
        }
        if (!actor.covers(draw.region)) {
            throw Actor.forbidden("draw " + draw.id + " is of region " + draw.region + ", outside your region "
                    + actor.region());
        }
        if (!GroupAdjustment.PROPOSED.equals(adjustment.status)) {
            throw ProblemException.conflict("adjustment-decided", "adjustment " + adjustmentId + " was "
                    + adjustment.status + " by " + adjustment.decidedBy + "; a decision is final");
        }
        if (!AdjustmentRules.isSecondPerson(adjustment.proposedBy, actor.name())) {
            throw new ProblemException(403, "second-person-required", "Second person required", actor.name()
                    + " proposed adjustment " + adjustmentId + " and may not decide it: an adjustment of an inspector "
                    + "group needs a second person with the supervisor role (调整执法人员须经另一人批准)", List.of());
        }
        return adjustment;
    }

    private static void decide(GroupAdjustment adjustment, String status, String note, Actor actor) {
        adjustment.status = status;
        adjustment.decidedBy = actor.name();
        adjustment.decidedAt = now();
        adjustment.decisionNote = note == null || note.isBlank() ? null : note;
    }

    private static void requireCompleted(DrawRecord draw) {
        if (!DrawRecord.COMPLETED.equals(draw.status)) {
            throw ProblemException.conflict("draw-not-completed", "draw " + draw.id + " is " + draw.status
                    + "; only the groups of a completed, not cancelled draw can be adjusted");
        }
    }

    private static DrawRecord lockDraw(UUID drawId) {
        // Serialises proposals and decisions on one draw, and against its cancellation.
        DrawRecord draw = DrawRecord.findById(drawId, LockModeType.PESSIMISTIC_WRITE);
        if (draw == null) {
            throw ProblemException.notFound("draw", drawId);
        }
        return draw;
    }

    private static DrawRecord findDraw(UUID drawId) {
        DrawRecord draw = DrawRecord.findById(drawId);
        if (draw == null) {
            throw ProblemException.notFound("draw", drawId);
        }
        return draw;
    }

    private static AdjustmentView view(GroupAdjustment a, DrawStore.SelectedTarget selection) {
        return new AdjustmentView(a.id, a.drawId, a.ordinal, a.entityId, a.status, selection.drawnInspectorIds(),
                list(a.groupBefore), list(a.groupAfter), list(a.replacedInspectorIds), list(a.replacingInspectorIds),
                a.reason, a.proposedBy, a.proposedAt, a.decidedBy, a.decidedAt, a.decisionNote);
    }

    private static List<String> list(String json) {
        return List.of(DrawStore.read(json, String[].class));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
