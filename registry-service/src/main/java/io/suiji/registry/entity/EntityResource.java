package io.suiji.registry.entity;

import io.suiji.contracts.registry.CodeKind;
import io.suiji.contracts.registry.CreditClass;
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
 * {@code /api/v1/entities}: the 检查对象名录库. Registrars and admins write; planners, supervisors
 * and auditors read. Everyone only within their region: a county user's view of an entity of
 * another county is a 404.
 */
@Path("/api/v1/entities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "检查对象名录库", description = "检查对象的登记、变更、注销、查询")
public class EntityResource {

    private final EntityService entities;
    private final CallerScope caller;
    private final RegionGuard regions;

    @Inject
    public EntityResource(EntityService entities, CallerScope caller, RegionGuard regions) {
        this.entities = entities;
        this.caller = caller;
        this.regions = regions;
    }

    @GET
    @RolesAllowed({Roles.REGISTRAR, Roles.ADMIN, Roles.PLANNER, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "查询检查对象", description = "按登记顺序分页（游标分页：把上一页的 next 作为 after 传入）。"
            + "q：名称关键词，或代码（统一社会信用代码、注册号、组织机构代码、公民身份号码）精确查找。")
    public EntityPage search(
            @Parameter(description = "行政区划代码") @QueryParam("region") String region,
            @Parameter(description = "检查对象类型") @QueryParam("targetType") String targetType,
            @Parameter(description = "信用等级 A/B/C/D") @QueryParam("creditClass") String creditClass,
            @Parameter(description = "代码类型") @QueryParam("codeKind") String codeKind,
            @Parameter(description = "名称关键词或代码") @QueryParam("q") String text,
            @Parameter(description = "REGISTERED（默认）、DEREGISTERED 或 ALL") @QueryParam("status") String status,
            @Parameter(description = "有严重违法记录") @QueryParam("seriousViolation") String serious,
            @Parameter(description = "列入经营异常名录") @QueryParam("abnormalOperation") String abnormal,
            @Parameter(description = "参保") @QueryParam("insured") String insured,
            @Parameter(description = "近12个月投诉举报至少几次") @QueryParam("minComplaints") String minComplaints,
            @Parameter(description = "游标：上一页的 next") @QueryParam("after") String after,
            @Parameter(description = "每页条数，默认50，最多500") @QueryParam("size") String size) {
        EntitySearch search = new EntitySearch(
                QueryParams.text("region", region),
                QueryParams.text("targetType", targetType),
                QueryParams.enumValue("creditClass", creditClass, CreditClass.class),
                QueryParams.enumValue("codeKind", codeKind, CodeKind.class),
                QueryParams.text("q", text),
                registered(status),
                QueryParams.bool("seriousViolation", serious),
                QueryParams.bool("abnormalOperation", abnormal),
                QueryParams.bool("insured", insured),
                minComplaints == null ? null : QueryParams.integer("minComplaints", minComplaints, 0, 0, Integer.MAX_VALUE));
        int pageSize = Keyset.size(size);
        List<EntityRecord> rows = entities.search(search, regions.prefix(), Keyset.after(after), pageSize + 1);
        boolean more = rows.size() > pageSize;
        List<EntityRecord> page = more ? rows.subList(0, pageSize) : rows;
        boolean clear = Roles.seesClearIds(caller);
        List<EntityView> items = page.stream().map(e -> view(e, clear)).toList();
        return new EntityPage(items, more ? Keyset.cursor(page.get(page.size() - 1).seq) : null, pageSize);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.REGISTRAR, Roles.ADMIN, Roles.PLANNER, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "查看检查对象")
    @APIResponse(responseCode = "404", description = "没有该对象，或不在调用者的行政区划内")
    public EntityView get(@PathParam("id") String id) {
        return view(visible(id), Roles.seesClearIds(caller));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGISTRAR, Roles.ADMIN})
    @Operation(summary = "登记检查对象", description = "校验代码（统一社会信用代码校验位及其中的组织机构代码校验位；"
            + "旧注册号、组织机构代码照收并标明；个人校验公民身份号码），发出 EntityRegistered。")
    @APIResponse(responseCode = "201", description = "已登记")
    @APIResponse(responseCode = "403", description = "行政区划不在调用者的范围内")
    @APIResponse(responseCode = "409", description = "该代码已登记")
    @APIResponse(responseCode = "422", description = "校验不通过，errors 指明字段")
    public Response register(EntityRequest request, UriInfo uri) {
        EntityRequest body = required(request);
        EntityRules.Checked checked = entities.validate(body.code(), body.facts());
        regions.requireWritable(checked.facts().region(), "region");
        EntityRecord created = entities.register(checked, caller.name());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id.toString()).build())
                .entity(view(created, Roles.seesClearIds(caller))).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGISTRAR, Roles.ADMIN})
    @Operation(summary = "变更检查对象", description = "整体替换登记事项（检查记录除外）；不给 code 时保留原代码，"
            + "给出新代码时（如注册号换为统一社会信用代码）一并变更。发出 EntityUpdated。")
    @APIResponse(responseCode = "409", description = "已注销，或新代码已被其他对象使用")
    public EntityView update(@PathParam("id") String id, EntityRequest request) {
        EntityRequest body = required(request);
        EntityRecord current = visible(id);
        regions.requireWritable(body.region() == null ? null : body.region().strip(), "region");
        EntityRecord updated = entities.update(current.id, body.code(), body.facts(), caller.name());
        return view(updated, Roles.seesClearIds(caller));
    }

    @POST
    @Path("{id}/deregister")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGISTRAR, Roles.ADMIN})
    @Operation(summary = "注销检查对象", description = "记录注销日期（默认今天）和原因，发出 EntityDeregistered；"
            + "对象仍可查询（status=DEREGISTERED），以往的检查和公示仍指向它。")
    @APIResponse(responseCode = "409", description = "已注销")
    public EntityView deregister(@PathParam("id") String id, Deregistration request) {
        EntityRecord current = visible(id);
        return view(entities.deregister(current.id, request, caller.name()), Roles.seesClearIds(caller));
    }

    private EntityRecord visible(String id) {
        UUID uuid = parse(id);
        return entities.find(uuid)
                .filter(e -> regions.sees(e.region))
                .orElseThrow(() -> ProblemException.notFound("entity", id));
    }

    private EntityView view(EntityRecord e, boolean clear) {
        return EntityView.of(e, clear ? entities.openResidentId(e) : null);
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("entity", id);
        }
    }

    private static EntityRequest required(EntityRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "a JSON object is required");
        }
        return request;
    }

    private static Boolean registered(String status) {
        if (status == null || status.isBlank()) {
            return true;
        }
        return switch (status.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "REGISTERED" -> true;
            case "DEREGISTERED" -> false;
            case "ALL" -> null;
            default -> throw ProblemException.badParameter("status", "value " + status + " is not one of [REGISTERED, DEREGISTERED, ALL]");
        };
    }
}
