package io.suiji.sampling.matter;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.catalog.MatterState;
import io.suiji.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sampling's view of the catalogue: what a draw would use. */
@Path("/api/v1/matters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"planner", "supervisor", "auditor", "admin"})
@Tag(name = "抽查事项（本地副本）", description = "The catalogue as sampling-service last received it")
public class MatterViewResource {

    @GET
    @Operation(summary = "本地事项清单")
    public List<MatterState> list() {
        return MatterView.<MatterView>listAll(io.quarkus.panache.common.Sort.by("code")).stream()
                .map(MatterViewResource::state).toList();
    }

    @GET
    @Path("{code}")
    @Operation(summary = "查看本地事项")
    public MatterState get(@PathParam("code") String code) {
        MatterView view = MatterView.findById(code);
        if (view == null) {
            throw ProblemException.notFound("matter", code);
        }
        return state(view);
    }

    private static MatterState state(MatterView view) {
        try {
            return EventJson.mapper().readValue(view.state, MatterState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored state of matter " + view.code + " is unreadable", e);
        }
    }
}
