package io.suiji.enforcement.cases;

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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 投诉举报、转办交办案件: targeted inspections outside the random draw. */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.INSPECTOR, Caller.SUPERVISOR, Caller.AUDITOR, Caller.PLANNER, Caller.ADMIN})
@Tag(name = "定向检查案件", description = "Complaint, referral and transfer cases: open, then recorded and "
        + "confirmed by the assigned inspectors as a drawn inspection is")
public class CaseResource {

    @Inject
    CaseService cases;

    @Inject
    CallerScope scope;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.SUPERVISOR, Caller.PLANNER})
    @Operation(summary = "立案（定向检查）", description = "Source COMPLAINT / REFERRAL / TRANSFER with its reference; "
            + "inspectors (≥ 2) chosen by the caller, recorded as assigned by a person. The region is the target's in the "
            + "registry (名录库) when it knows it (a different region: 422; another county's target: 404); matterCode: "
            + "the case answers the check items of the matter's current version. Emits CaseOpened")
    public Response open(CaseRequests.Open request) {
        CaseView view = cases.open(Caller.of(scope), request);
        return Response.created(URI.create("/api/v1/cases/" + view.id())).entity(view).build();
    }

    @GET
    @Operation(summary = "案件列表", description = "Staff: their region's; inspectors: the cases they are assigned to. "
            + "Filter status (OPEN, CLOSED). Newest first; page from 0, size 1–1000 (default 100): a page shorter "
            + "than size is the last")
    public List<CaseView> list(@QueryParam("status") String status, @QueryParam("page") String page,
                               @QueryParam("size") String size) {
        return cases.list(Caller.of(scope), QueryParams.text("status", status),
                QueryParams.integer("page", page, 0, 0, Integer.MAX_VALUE / CaseService.MAX_PAGE),
                QueryParams.integer("size", size, 100, 1, CaseService.MAX_PAGE));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "案件详情", description = "404 when the case is not the caller's to see")
    public CaseView get(@PathParam("id") UUID id) {
        return cases.get(Caller.of(scope), id);
    }

    @POST
    @Path("{id}/start")
    @RolesAllowed(Caller.INSPECTOR)
    @Operation(summary = "开始检查", description = "As for an assignment: records who started, and today as the start "
            + "date; idempotent. The assigned inspectors only (staff who see the case: 403); 409 once closed. Recording "
            + "findings or the outcome starts a case not started yet. The inspection notice (…/notice) is issued from then on")
    public CaseView start(@PathParam("id") UUID id) {
        return cases.start(Caller.of(scope), id);
    }

    @PUT
    @Path("{id}/findings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.INSPECTOR)
    @Operation(summary = "记录检查内容", description = "As for an assignment: method (one of the matter's 检查方式) and, "
            + "per check item number of the matter version the case carries, COMPLIANT / NON_COMPLIANT / NOT_APPLICABLE "
            + "with notes; inspectedOn (检查日期) not before the case was opened nor in the future. The assigned "
            + "inspectors only; withdraws confirmations already given")
    public CaseView findings(@PathParam("id") UUID id, RecordRequests.Findings request) {
        return cases.recordFindings(Caller.of(scope), id, request);
    }

    @PUT
    @Path("{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.INSPECTOR)
    @Operation(summary = "记录检查结果", description = "One of the ten outcomes; ADMINISTRATIVE_PENALTY (行政处罚) needs "
            + "penalty.decisionNumber, penalty.amount and penalty.legalBasis (422 naming the missing ones); concludedOn "
            + "(结论日期) when entered after the fact. Withdraws confirmations already given")
    public CaseView outcome(@PathParam("id") UUID id, RecordRequests.OutcomeRecord request) {
        return cases.recordOutcome(Caller.of(scope), id, request);
    }

    @PUT
    @Path("{id}/record")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.INSPECTOR)
    @Operation(summary = "提交检查记录（内容与结果一次提交）", description = "What …/findings and …/outcome take, in one "
            + "body (method, findings, inspectedOn, outcome, penalty, notes, concludedOn); every wrong field of both "
            + "parts in one 422. With confirm=true the sender also confirms, and if that was the last confirmation the "
            + "case closes as with …/confirm. Withdraws the other inspectors' confirmations already given")
    public CaseView record(@PathParam("id") UUID id, RecordRequests.Submission request) {
        return cases.submit(Caller.of(scope), id, request);
    }

    @POST
    @Path("{id}/confirm")
    @RolesAllowed(Caller.INSPECTOR)
    @Operation(summary = "检查组成员确认（办结）", description = "Each assigned inspector confirms the record; 422 listing "
            + "unanswered items, a missing method or outcome. The last confirmation closes the case and emits CaseClosed "
            + "and InspectionClosed. 409 once closed")
    public CaseView confirm(@PathParam("id") UUID id) {
        return cases.confirm(Caller.of(scope), id);
    }
}
