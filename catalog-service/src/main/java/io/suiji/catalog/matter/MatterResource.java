package io.suiji.catalog.matter;

import io.suiji.contracts.catalog.MatterState;
import io.suiji.platform.problem.ProblemException;
import io.suiji.platform.security.CallerScope;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/matters}: the published catalogue is public; writes need planner or admin. */
@Path("/api/v1/matters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "抽查事项", description = "随机抽查事项清单")
public class MatterResource {

    private final MatterService matters;
    private final CallerScope caller;

    @Inject
    public MatterResource(MatterService matters, CallerScope caller) {
        this.matters = matters;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"planner", "admin"})
    @Operation(summary = "发布抽查事项", description = "Creates and publishes a matter; emits MatterPublished.")
    public Response create(@Valid @NotNull NewMatter request, UriInfo uri) {
        MatterState created = matters.publish(request, caller.name());
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "抽查事项清单", description = "Every published matter, by code.")
    public List<MatterState> list() {
        return matters.list();
    }

    @GET
    @Path("{code}")
    @PermitAll
    @Operation(summary = "查看抽查事项")
    public MatterState get(@PathParam("code") String code) {
        return matters.find(code).orElseThrow(() -> ProblemException.notFound("matter", code));
    }
}
