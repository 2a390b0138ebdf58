package io.suiji.registry.region;

import io.suiji.registry.entity.TargetTypes;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reference lists of the registry: public, they are the vocabulary of the forms and import files. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "代码表", description = "行政区划、检查对象类型")
public class RegionResource {

    @GET
    @Path("regions")
    @PermitAll
    @Operation(summary = "行政区划", description = "平顶山市及其辖区；两个功能区（高新区、城乡一体化示范区）为本系统自编代码（standard=false）。")
    public List<Region> regions() {
        return Regions.all();
    }

    @GET
    @Path("target-types")
    @PermitAll
    @Operation(summary = "检查对象类型", description = "抽查事项清单中的检查对象。")
    public List<String> targetTypes() {
        return TargetTypes.ALL;
    }
}
