package io.suiji.enforcement.assignment;

import io.suiji.enforcement.Caller;
import io.suiji.enforcement.record.RecordRequests;
import io.suiji.platform.problem.QueryParams;
import io.suiji.platform.security.CallerScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 检查实施. What the inspectors' app calls: an inspector sees and writes only the assignments of
 * groups they belong to (by the registry id linked to their account, else user name); supervisors and auditors read those of their region.
 */
@Path("/api/v1/assignments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.INSPECTOR, Caller.SUPERVISOR, Caller.AUDITOR, Caller.PLANNER, Caller.ADMIN})
@Tag(name = "检查实施", description = "Inspection assignments from the draws: start, findings, outcome, two-person confirmation")
public class AssignmentResource {

    @Inject
    AssignmentService assignments;

    @Inject
    CallerScope scope;

    @GET
    @Operation(summary = "我的检查任务 / 本辖区检查任务", description = "Inspectors: the assignments of their groups; "
            + "staff: those of their region. Filters: taskId, drawId, status (ASSIGNED, IN_PROGRESS, CLOSED, CANCELLED). "
            + "Ordered by task, batch and draw order; page from 0, size 1–1000 (default 100): a page shorter than size is the last")
    public List<AssignmentView> list(@QueryParam("taskId") String taskId, @QueryParam("drawId") String drawId,
                                     @QueryParam("status") String status, @QueryParam("page") String page,
                                     @QueryParam("size") String size) {
        return assignments.list(Caller.of(scope), taskId, drawId, status,
                QueryParams.integer("page", page, 0, 0, Integer.MAX_VALUE / AssignmentService.MAX_PAGE),
                QueryParams.integer("size", size, 100, 1, AssignmentService.MAX_PAGE));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "检查任务详情", description = "404 when the assignment is not the caller's to see")
    public AssignmentView get(@PathParam("id") UUID id) {
        return assignments.get(Caller.of(scope), id);
    }

    @POST
    @Path("{id}/start")
    @RolesAllowed(Caller.INSPECTOR)
    @Operation(summary = "开始检查", description = "Records who started, and today as the start date; idempotent. "
            + "From then on the inspection notice (亮码检查) is at …/notice and its QR code at …/notice/qr.png")
    public AssignmentView start(@PathParam("id") UUID id) {
        return assignments.start(Caller.of(scope), id, null);
    }

    @PUT
    @Path("{id}/findings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.INSPECTOR)
    @Operation(summary = "记录检查内容", description = "Method and, per check item number, COMPLIANT / NON_COMPLIANT / "
            + "NOT_APPLICABLE with notes; inspectedOn (检查日期) when entered after the inspection, not before the batch "
            + "start nor in the future. Withdraws confirmations already given")
    public AssignmentView findings(@PathParam("id") UUID id, RecordRequests.Findings request) {
        return assignments.recordFindings(Caller.of(scope), id, request);
    }

    @PUT
    @Path("{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.INSPECTOR)
    @Operation(summary = "记录检查结果", description = "One of the ten outcomes; ADMINISTRATIVE_PENALTY (行政处罚) needs "
            + "penalty.decisionNumber, penalty.amount and penalty.legalBasis (422 naming the missing ones); concludedOn "
            + "(结论日期) when entered after the fact: the assignment closes as of that date")
    public AssignmentView outcome(@PathParam("id") UUID id, RecordRequests.OutcomeRecord request) {
        return assignments.recordOutcome(Caller.of(scope), id, request);
    }

    @PUT
    @Path("{id}/record")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.INSPECTOR)
    @Operation(summary = "提交检查记录（内容与结果一次提交）", description = "What …/findings and …/outcome take, in one "
            + "body (method, findings, inspectedOn, outcome, penalty, notes, concludedOn), as a device that recorded the "
            + "visit offline sends it; every wrong field of both parts in one 422. With confirm=true the sender also "
            + "confirms (检查组成员确认), and if that was the last confirmation the assignment closes as with …/confirm. "
            + "Withdraws the other members' confirmations already given")
    public AssignmentView record(@PathParam("id") UUID id, RecordRequests.Submission request) {
        return assignments.submit(Caller.of(scope), id, request);
    }

    @POST
    @Path("{id}/confirm")
    @RolesAllowed(Caller.INSPECTOR)
    @Operation(summary = "检查组成员确认", description = "Each member confirms the record; 422 listing unanswered items. "
            + "The last confirmation closes the assignment and emits InspectionClosed (and TaskCompleted for the "
            + "last assignment of a task batch)")
    public AssignmentView confirm(@PathParam("id") UUID id) {
        return assignments.confirm(Caller.of(scope), id);
    }
}
