package io.suiji.registry.inspector;

import io.suiji.contracts.registry.ConflictDeclaration;
import io.suiji.contracts.registry.InspectorStatus;
import io.suiji.platform.problem.ProblemException;
import io.suiji.platform.security.CallerScope;
import io.suiji.registry.Keyset;
import io.suiji.platform.problem.QueryParams;
import io.suiji.registry.RegionGuard;
import io.suiji.registry.Roles;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/inspectors}: the 执法检查人员名录库, scoped by region like the entities.
 */
@Path("/api/v1/inspectors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "执法检查人员名录库", description = "执法检查人员的登记、变更、请假、利害关系申报、退出、查询")
public class InspectorResource {

    private final InspectorService inspectors;
    private final CallerScope caller;
    private final RegionGuard regions;

    @Inject
    public InspectorResource(InspectorService inspectors, CallerScope caller, RegionGuard regions) {
        this.inspectors = inspectors;
        this.caller = caller;
        this.regions = regions;
    }

    @GET
    @RolesAllowed({Roles.REGISTRAR, Roles.ADMIN, Roles.PLANNER, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "查询执法检查人员", description = "按登记顺序游标分页；q 为姓名关键词或执法证号。")
    public InspectorPage search(
            @Parameter(description = "行政区划代码") @QueryParam("region") String region,
            @Parameter(description = "所属科室、单位") @QueryParam("department") String department,
            @Parameter(description = "ACTIVE、ON_LEAVE、RETIRED") @QueryParam("status") String status,
            @Parameter(description = "专业领域标签") @QueryParam("expertise") String expertise,
            @Parameter(description = "是否持有执法证") @QueryParam("certified") String certified,
            @Parameter(description = "姓名关键词或执法证号") @QueryParam("q") String text,
            @Parameter(description = "游标：上一页的 next") @QueryParam("after") String after,
            @Parameter(description = "每页条数，默认50，最多500") @QueryParam("size") String size) {
        InspectorSearch search = new InspectorSearch(QueryParams.text("region", region),
                QueryParams.text("department", department),
                QueryParams.enumValue("status", status, InspectorStatus.class), QueryParams.text("expertise", expertise),
                QueryParams.bool("certified", certified), QueryParams.text("q", text));
        int pageSize = Keyset.size(size);
        List<InspectorRecord> rows = inspectors.search(search, regions.prefix(), Keyset.after(after), pageSize + 1);
        boolean more = rows.size() > pageSize;
        List<InspectorRecord> page = more ? rows.subList(0, pageSize) : rows;
        return new InspectorPage(page.stream().map(r -> InspectorView.of(r, inspectors.today())).toList(),
                more ? Keyset.cursor(page.get(page.size() - 1).seq) : null, pageSize);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.REGISTRAR, Roles.ADMIN, Roles.PLANNER, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "查看执法检查人员")
    @APIResponse(responseCode = "404", description = "没有该人员，或不在调用者的行政区划内")
    public InspectorView get(@PathParam("id") String id) {
        return InspectorView.of(visible(id), inspectors.today());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGISTRAR, Roles.ADMIN})
    @Operation(summary = "登记执法检查人员", description = "发出 InspectorRegistered。")
    @APIResponse(responseCode = "201", description = "已登记")
    @APIResponse(responseCode = "409", description = "执法证号已被使用")
    @APIResponse(responseCode = "422", description = "校验不通过，errors 指明字段")
    public Response register(InspectorRequest request, UriInfo uri) {
        InspectorFacts facts = inspectors.validate(required(request).facts());
        regions.requireWritable(facts.region(), "region");
        InspectorRecord created = inspectors.register(facts, caller.name());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id.toString()).build())
                .entity(InspectorView.of(created, inspectors.today())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGISTRAR, Roles.ADMIN})
    @Operation(summary = "变更执法检查人员", description = "整体替换（含请假、利害关系申报），发出 InspectorUpdated。")
    @APIResponse(responseCode = "409", description = "已退出，或执法证号已被使用")
    public InspectorView update(@PathParam("id") String id, InspectorRequest request) {
        InspectorRecord current = visible(id);
        InspectorFacts facts = inspectors.validate(required(request).facts());
        regions.requireWritable(facts.region(), "region");
        return InspectorView.of(inspectors.update(current.id, facts, caller.name()), inspectors.today());
    }

    @POST
    @Path("{id}/conflicts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGISTRAR, Roles.ADMIN})
    @Operation(summary = "利害关系申报", description = "增加一条申报（同一对象的申报被替换），发出 InspectorUpdated。")
    public InspectorView declareConflict(@PathParam("id") String id, ConflictDeclaration declaration) {
        InspectorRecord current = visible(id);
        if (declaration == null) {
            throw ProblemException.invalid("body", "a JSON object is required");
        }
        return InspectorView.of(inspectors.declareConflict(current.id, declaration, caller.name()), inspectors.today());
    }

    @POST
    @Path("{id}/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGISTRAR, Roles.ADMIN})
    @Operation(summary = "退出名录库", description = "记录日期和原因，发出 InspectorRetired；之后不再参与抽取。")
    @APIResponse(responseCode = "409", description = "已退出")
    public InspectorView retire(@PathParam("id") String id, Retirement retirement) {
        InspectorRecord current = visible(id);
        return InspectorView.of(inspectors.retire(current.id, retirement, caller.name()), inspectors.today());
    }

    private InspectorRecord visible(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("inspector", id);
        }
        return inspectors.find(uuid)
                .filter(r -> regions.sees(r.region))
                .orElseThrow(() -> ProblemException.notFound("inspector", id));
    }

    private static InspectorRequest required(InspectorRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "a JSON object is required");
        }
        return request;
    }
}
