package io.suiji.catalog.matter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.suiji.catalog.CatalogConfig;
import io.suiji.platform.problem.QueryParams;
import io.suiji.contracts.catalog.ImplementingLevel;
import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.MatterStatus;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/matters}: the catalogue. Published matters are public information (anonymous
 * reads work); drafts are seen by planners, admins and auditors; writes need planner or admin.
 */
@Path("/api/v1/matters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "抽查事项", description = "随机抽查事项清单：查询、草稿、调整、发布、废止、版本历史")
public class MatterResource {

    private static final int MAX_PAGE_SIZE = 200;

    private final MatterService matters;
    private final CallerScope caller;
    private final CatalogConfig config;
    private final ObjectMapper json;

    @Inject
    public MatterResource(MatterService matters, CallerScope caller, CatalogConfig config, ObjectMapper json) {
        this.matters = matters;
        this.caller = caller;
        this.config = config;
        this.json = json;
    }

    @GET
    @PermitAll
    @Operation(summary = "查询抽查事项清单",
            description = "按类别、检查对象、检查方式、实施层级、责任单位、关键词、状态筛选，分页返回。默认每个事项取最新版本"
                    + "（匿名用户只见已发布的），已废止的事项仅在按状态查询时返回；给出 inForceOn 时取该日施行的版本。")
    public MatterPage list(
            @Parameter(description = "事项类别：KEY 或 GENERAL") @QueryParam("category") String category,
            @Parameter(description = "检查对象（包含即可）") @QueryParam("targetType") String targetType,
            @Parameter(description = "检查方式：ON_SITE、DOCUMENT_REVIEW、ONLINE_DATA_COMPARISON") @QueryParam("method") String method,
            @Parameter(description = "实施层级：CITY 或 COUNTY") @QueryParam("level") String level,
            @Parameter(description = "责任科室、单位（包含即可）") @QueryParam("unit") String unit,
            @Parameter(description = "关键词：编码、名称、依据、对象、内容、单位") @QueryParam("q") String text,
            @Parameter(description = "状态：DRAFT、PUBLISHED、RETIRED") @QueryParam("status") String status,
            @Parameter(description = "施行日期（YYYY-MM-DD）：返回该日施行的版本") @QueryParam("inForceOn") String inForceOn,
            @Parameter(description = "页码，从0开始") @QueryParam("page") String page,
            @Parameter(description = "每页条数，默认20，最多200") @QueryParam("size") String size) {
        MatterSearch search = new MatterSearch(
                QueryParams.enumValue("category", category, MatterCategory.class),
                QueryParams.text("targetType", targetType),
                QueryParams.enumValue("method", method, InspectionMethod.class),
                QueryParams.enumValue("level", level, ImplementingLevel.class),
                QueryParams.text("unit", unit),
                QueryParams.text("q", text),
                QueryParams.enumValue("status", status, MatterStatus.class),
                QueryParams.date("inForceOn", inForceOn));
        int pageNumber = QueryParams.integer("page", page, 0, 0, Integer.MAX_VALUE);
        int pageSize = QueryParams.integer("size", size, 20, 1, MAX_PAGE_SIZE);
        List<MatterSearch.Hit> hits = search.run(matters.catalogue(), Roles.seesDrafts(caller));
        List<MatterView> items = hits.stream()
                .skip((long) pageNumber * pageSize)
                .limit(pageSize)
                .map(hit -> MatterView.of(hit.history(), hit.version()))
                .toList();
        return new MatterPage(items, pageNumber, pageSize, hits.size());
    }

    @GET
    @Path("{code}")
    @PermitAll
    @Operation(summary = "查看抽查事项", description = "事项的最新版本（匿名用户看到最新的已发布或已废止版本）。")
    @APIResponse(responseCode = "404", description = "没有该事项，或只有调用者无权查看的草稿")
    public MatterView get(@PathParam("code") String code) {
        MatterHistory history = visibleHistory(code);
        return MatterView.of(history, history.latest(Roles.seesDrafts(caller)).orElseThrow());
    }

    @GET
    @Path("{code}/versions")
    @PermitAll
    @Operation(summary = "版本历史", description = "事项的全部版本，从旧到新，含各版本的生效日期与被取代日期。")
    public List<MatterView> versions(@PathParam("code") String code) {
        MatterHistory history = visibleHistory(code);
        return history.versions(Roles.seesDrafts(caller)).stream().map(v -> MatterView.of(history, v)).toList();
    }

    @GET
    @Path("{code}/versions/{version}")
    @PermitAll
    @Operation(summary = "查看某一版本")
    public MatterView version(@PathParam("code") String code, @PathParam("version") int version) {
        MatterHistory history = visibleHistory(code);
        return history.version(version)
                .filter(v -> !v.draft() || Roles.seesDrafts(caller))
                .map(v -> MatterView.of(history, v))
                .orElseThrow(() -> ProblemException.notFound("version of matter " + code, version));
    }

    @GET
    @Path("{code}/in-force")
    @PermitAll
    @Operation(summary = "某日施行的版本", description = "date 当日施行的版本（默认今天）；尚未发布或已废止时返回404。")
    public MatterView inForce(@PathParam("code") String code,
            @Parameter(description = "日期（YYYY-MM-DD），默认今天") @QueryParam("date") String date) {
        LocalDate day = QueryParams.date("date", date);
        LocalDate on = day != null ? day : config.today();
        MatterHistory history = visibleHistory(code);
        return history.inForceOn(on)
                .map(v -> MatterView.of(history, v))
                .orElseThrow(() -> new ProblemException(404, "not-in-force", "Not in force",
                        "matter " + code + " has no version in force on " + on, List.of()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(summary = "新建抽查事项（草稿）", description = "保存为草稿（第1版）；发布后才进入公开清单并发出 MatterPublished。")
    @APIResponse(responseCode = "201", description = "已保存草稿")
    @APIResponse(responseCode = "409", description = "编码或名称已被使用")
    @APIResponse(responseCode = "422", description = "违反清单规则，errors 指明字段")
    public Response create(@Valid @NotNull MatterDraft draft, UriInfo uri) {
        MatterVersion created = matters.createDraft(draft.code(), draft.content(), draft.sourceDocument(), caller.name());
        MatterHistory history = matters.history(created.code()).orElseThrow();
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build())
                .entity(MatterView.of(history, created)).build();
    }

    @POST
    @Path("{code}/revisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(summary = "调整抽查事项",
            description = "草稿：原地修改。已发布：生成新版本，自 effectiveFrom（默认今天）起施行，发出 MatterRevised；"
                    + "内容无变化时不生成新版本。")
    @APIResponse(responseCode = "201", description = "生成了新版本")
    @APIResponse(responseCode = "200", description = "草稿已修改，或内容无变化")
    @APIResponse(responseCode = "409", description = "事项已废止")
    public Response revise(@PathParam("code") String code, @Valid @NotNull MatterRevision revision, UriInfo uri) {
        MatterHistory before = visibleHistory(code);
        MatterContent content = revision.applyTo(before.latest().content());
        MatterService.Outcome outcome = matters.revise(code, content, revision.effectiveFrom(), revision.changeNote(),
                revision.sourceDocument(), caller.name(), null);
        MatterView view = MatterView.of(matters.history(code).orElseThrow(), outcome.version());
        if (!outcome.created()) {
            return Response.ok(view).build();
        }
        return Response.created(uri.getBaseUriBuilder().path(MatterResource.class)
                        .path(code).path("versions").path(String.valueOf(outcome.version().version())).build())
                .entity(view).build();
    }

    @POST
    @Path("{code}/publish")
    // Any or no content type: "publish it" needs no body, and clients send none (curl -X POST).
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(summary = "发布抽查事项", description = "发布草稿，自 effectiveFrom（默认今天）起施行，发出 MatterPublished。须填齐清单各栏。"
            + "请求体可省略。")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Publication.class)))
    @APIResponse(responseCode = "409", description = "不是草稿")
    @APIResponse(responseCode = "422", description = "内容不完整或违反规则，errors 指明字段")
    public MatterView publish(@PathParam("code") String code, String body) throws JsonProcessingException {
        Publication publication = body == null || body.isBlank() ? null : json.readValue(body, Publication.class);
        visibleHistory(code);
        MatterVersion published = matters.publish(code, publication == null ? null : publication.effectiveFrom(),
                caller.name());
        return MatterView.of(matters.history(code).orElseThrow(), published);
    }

    @POST
    @Path("{code}/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(summary = "废止抽查事项", description = "自 effectiveFrom（默认今天）起不再施行，须写明原因，发出 MatterRetired。")
    @APIResponse(responseCode = "409", description = "事项不是已发布状态")
    public MatterView retire(@PathParam("code") String code, @Valid @NotNull Retirement retirement) {
        visibleHistory(code);
        MatterVersion retired = matters.retire(code, retirement.reason(), retirement.effectiveFrom(), caller.name());
        return MatterView.of(matters.history(code).orElseThrow(), retired);
    }

    // A matter that is only a draft does not exist for those who may not see drafts.
    private MatterHistory visibleHistory(String code) {
        return matters.history(code)
                .filter(h -> h.latest(Roles.seesDrafts(caller)).isPresent())
                .orElseThrow(() -> ProblemException.notFound("matter", code));
    }
}
