package io.suiji.enforcement.cases;

import io.suiji.enforcement.Caller;
import io.suiji.platform.problem.QueryParams;
import io.suiji.platform.security.CallerScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
@Tag(name = "定向检查案件", description = "Complaint, referral and transfer cases: open, close")
public class CaseResource {

    @Inject
    CaseService cases;

    @Inject
    CallerScope scope;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.SUPERVISOR, Caller.PLANNER})
    @Operation(summary = "立案（定向检查）", description = "Source COMPLAINT / REFERRAL / TRANSFER with its reference; "
            + "inspectors (≥ 2) chosen by the caller, recorded as assigned by a person. Emits CaseOpened")
    public Response open(CaseRequests.Open request) {
        CaseView view = cases.open(Caller.of(scope), request);
        return Response.created(URI.create("/api/v1/cases/" + view.id())).entity(view).build();
    }

    @GET
    @Operation(summary = "案件列表", description = "Staff: their region's; inspectors: the cases they are assigned to")
    public List<CaseView> list(@QueryParam("status") String status) {
        return cases.list(Caller.of(scope), QueryParams.text("status", status));
    }

    @GET
    @Path("{id}")
    public CaseView get(@PathParam("id") UUID id) {
        return cases.get(Caller.of(scope), id);
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.INSPECTOR, Caller.SUPERVISOR})
    @Operation(summary = "办结", description = "Records the outcome (行政处罚 with its decision); emits CaseClosed and "
            + "InspectionClosed. 409 when already closed")
    public CaseView close(@PathParam("id") UUID id, CaseRequests.Close request) {
        return cases.close(Caller.of(scope), id, request);
    }
}
