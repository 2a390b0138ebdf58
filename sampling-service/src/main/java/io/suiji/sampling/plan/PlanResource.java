package io.suiji.sampling.plan;

import io.suiji.platform.problem.QueryParams;
import io.suiji.platform.security.CallerScope;
import io.suiji.sampling.Actor;
import io.suiji.sampling.Roles;
import jakarta.annotation.security.PermitAll;
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

/**
 * 年度抽查计划. Planners draft, publish and amend plans of their department and region; everyone,
 * without a token too, reads published plans; staff also read the drafts of their region.
 */
@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "年度抽查计划", description = "Annual sampling plans: draft, publish, amend")
public class PlanResource {

    @Inject
    PlanService plans;

    @Inject
    CallerScope caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLANNER)
    @Operation(summary = "起草年度抽查计划")
    public Response create(PlanRequest request) {
        PlanView plan = plans.create(request, Actor.of(caller));
        return Response.created(URI.create("/api/v1/plans/" + plan.id())).entity(plan).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLANNER)
    @Operation(summary = "修改草稿", description = "Only a draft; a published plan changes by amendment (409)")
    public PlanView update(@PathParam("id") UUID id, PlanRequest request) {
        return plans.update(id, request, Actor.of(caller));
    }

    @POST
    @Path("{id}/publish")
    @RolesAllowed(Roles.PLANNER)
    @Operation(summary = "公布计划", description = "DRAFT → PUBLISHED version 1; emits PlanPublished")
    public PlanView publish(@PathParam("id") UUID id) {
        return plans.publish(id, Actor.of(caller));
    }

    @POST
    @Path("{id}/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLANNER)
    @Operation(summary = "公布计划调整", description = "A new published version with its reason; emits PlanPublished")
    public Response amend(@PathParam("id") UUID id, AmendmentRequest request) {
        PlanView plan = plans.amend(id, request, Actor.of(caller));
        return Response.created(URI.create("/api/v1/plans/" + id + "/versions/" + plan.version())).entity(plan).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "计划列表", description = "Published plans for everyone; drafts for staff of the region. "
            + "Ordered by year and creation; page from 0, size 1–1000 (default 100): a page shorter than size is "
            + "the last")
    public List<PlanView> list(@QueryParam("year") String year, @QueryParam("page") String page,
                               @QueryParam("size") String size) {
        Integer y = year == null || year.isBlank() ? null : QueryParams.integer("year", year, 0, 1900, 9999);
        return plans.list(y, Roles.staff(caller),
                QueryParams.integer("page", page, 0, 0, Integer.MAX_VALUE / PlanService.MAX_PAGE),
                QueryParams.integer("size", size, 100, 1, PlanService.MAX_PAGE));
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "查看计划", description = "The latest published version, or the draft for staff of the region")
    public PlanView get(@PathParam("id") UUID id) {
        return plans.get(id, Roles.staff(caller));
    }

    @GET
    @Path("{id}/versions/{version}")
    @PermitAll
    @Operation(summary = "查看计划的某一公布版本")
    public PlanView version(@PathParam("id") UUID id, @PathParam("version") int version) {
        return plans.version(id, version);
    }
}
