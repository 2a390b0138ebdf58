package io.suiji.sampling.adjustment;

import io.suiji.platform.security.CallerScope;
import io.suiji.sampling.Actor;
import io.suiji.sampling.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 调整执法人员. A planner proposes to change a drawn target's inspector group, with a reason; a
 * different person with the supervisor role approves or rejects. Approved adjustments are public
 * beside the draw's proof, which keeps the drawn groups.
 */
@Path("/api/v1/draws/{drawId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "调整执法人员", description = "Manual adjustments of drawn inspector groups: propose, approve, reject")
public class AdjustmentResource {

    @Inject
    AdjustmentService adjustments;

    @Inject
    CallerScope caller;

    @POST
    @Path("selections/{ordinal}/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLANNER)
    @Operation(summary = "提出调整执法人员", description = "Body: replacedInspectorIds, replacingInspectorIds, reason. "
            + "The new group must meet the draw's rules except the random order; 422 names each bad field, "
            + "409 on a draw that is not COMPLETED or when a proposal for the selection is open")
    public Response propose(@PathParam("drawId") UUID drawId, @PathParam("ordinal") int ordinal,
                            AdjustmentRequests.Propose request) {
        AdjustmentView view = adjustments.propose(drawId, ordinal, request, Actor.of(caller));
        return Response.created(URI.create("/api/v1/draws/" + drawId + "/adjustments/" + view.id()))
                .entity(view).build();
    }

    @POST
    @Path("adjustments/{adjustmentId}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "批准调整", description = "By a supervisor other than the proposer (403 "
            + "second-person-required); emits GroupAdjusted. 409 when already decided or no longer valid")
    public AdjustmentView approve(@PathParam("drawId") UUID drawId, @PathParam("adjustmentId") UUID adjustmentId,
                                  AdjustmentRequests.Decide request) {
        return adjustments.approve(drawId, adjustmentId, request, Actor.of(caller));
    }

    @POST
    @Path("adjustments/{adjustmentId}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "驳回调整", description = "By a supervisor other than the proposer, with a note")
    public AdjustmentView reject(@PathParam("drawId") UUID drawId, @PathParam("adjustmentId") UUID adjustmentId,
                                 AdjustmentRequests.Decide request) {
        return adjustments.reject(drawId, adjustmentId, request, Actor.of(caller));
    }

    @GET
    @Path("adjustments")
    @PermitAll
    @Operation(summary = "执法人员调整记录", description = "Approved adjustments for everyone; proposed and rejected "
            + "ones as well for staff of the draw's region")
    public List<AdjustmentView> list(@PathParam("drawId") UUID drawId) {
        return adjustments.list(drawId, Roles.staff(caller));
    }

    @GET
    @Path("adjustments/{adjustmentId}")
    @PermitAll
    @Operation(summary = "查看调整")
    public AdjustmentView get(@PathParam("drawId") UUID drawId, @PathParam("adjustmentId") UUID adjustmentId) {
        return adjustments.get(drawId, adjustmentId, Roles.staff(caller));
    }
}
