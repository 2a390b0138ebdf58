package io.suiji.publication.site;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.suiji.platform.problem.Problem;
import io.suiji.platform.problem.ProblemException;
import io.suiji.publication.disclosure.Disclosure;
import io.suiji.publication.draw.PublicDraws;
import io.suiji.publication.entity.EntityName;
import io.suiji.publication.openinfo.PublicPlans;
import io.suiji.publication.publicresults.Masking;
import io.suiji.publication.publicresults.PublishedResults;
import io.suiji.publication.publicresults.PublishedResults.PublicResult;
import io.suiji.publication.publicresults.ResultQuery;
import io.suiji.publication.publicresults.SearchParams;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public site (一公开): server-rendered Chinese pages that work without JavaScript — home,
 * annual plans, the catalogue, results search, an entity's results, a published disclosure, the
 * draw-proof pages with how to verify a draw, the streamed CSV and JSON downloads and the Atom feed.
 * Errors are friendly pages, never a stack trace.
 */
@Path("/")
@PermitAll
@Tag(name = "公开网站", description = "结果公示网站（服务端渲染，无需 JavaScript）")
public class SiteResource {

    /** Rows in one CSV download; beyond it the caller narrows the filters. */
    public static final int MAX_DOWNLOAD = 100_000;
    static final int ENTITY_RESULTS = 500;
    static final int LATEST = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<PublishedDisclosure> latest);

        static native TemplateInstance results(SearchForm form, PublishedResults.ResultPage page, List<PageLink> pages);

        static native TemplateInstance entity(String name, String code, boolean naturalPerson, List<PublicResult> results);

        static native TemplateInstance disclosure(PublishedDisclosure disclosure, List<PublicResult> results,
                                                  String proofUrl);

        static native TemplateInstance draw(PublicDraws.DrawView draw, String proofUrl, String populationUrl);

        static native TemplateInstance draws(List<PublicDraws.DrawView> draws, int page, boolean hasNext);

        static native TemplateInstance plans(List<PublicPlans.PlanSummary> plans);

        static native TemplateInstance plan(PublicPlans.PlanView plan, List<PublicDraws.DrawView> draws);

        static native TemplateInstance catalogue(List<PublicPlans.MatterView> matters);

        static native TemplateInstance error(int status, String title, String message, List<Problem.FieldError> fields);
    }

    private final PublishedResults results;
    private final PublicPlans plans;
    private final PublicDraws draws;
    private final ResultDownloads downloads;
    private final String samplingUrl;

    @Inject
    public SiteResource(PublishedResults results, PublicPlans plans, PublicDraws draws, ResultDownloads downloads,
                        @ConfigProperty(name = "suiji.publication.site.sampling-url") String samplingUrl) {
        this.results = results;
        this.plans = plans;
        this.draws = draws;
        this.downloads = downloads;
        this.samplingUrl = samplingUrl.replaceAll("/+$", "");
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @Operation(summary = "首页：最新公示")
    public TemplateInstance home() {
        return Templates.home(PublishedDisclosure.latest(LATEST));
    }

    @GET
    @Path("results")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @Operation(summary = "抽查结果查询页")
    public Response search(@BeanParam SearchParams params, @Context UriInfo uri) {
        ResultQuery.Parsed parsed = params.parse();
        if (parsed.query() == null) {
            return page(400, Templates.error(400, "查询条件有误", "请检查以下查询条件后重试。", parsed.errors()));
        }
        SearchForm form = SearchForm.of(parsed.query());
        PublishedResults.ResultPage page = results.search(parsed.query());
        return page(200, Templates.results(form, page, PageLink.around(page, uri.getRequestUriBuilder())));
    }

    @GET
    @Path("results.csv")
    @Produces("text/csv; charset=UTF-8")
    @Transactional
    @Operation(summary = "下载查询结果（CSV，开放数据）", description = "条件同结果查询，不分页，最多 100000 行。")
    public Response download(@BeanParam SearchParams params) {
        return Response.ok(downloads.csv(downloadable(params.query()), MAX_DOWNLOAD))
                .header("Content-Disposition", "attachment; filename=\"suiji-results.csv\"").build();
    }

    @GET
    @Path("results.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "下载查询结果（JSON，开放数据）", description = "条件同结果查询，不分页，最多 100000 条。")
    public Response downloadJson(@BeanParam SearchParams params) {
        return Response.ok(downloads.json(downloadable(params.query()), MAX_DOWNLOAD))
                .header("Content-Disposition", "attachment; filename=\"suiji-results.json\"").build();
    }

    @GET
    @Path("entities/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @Operation(summary = "检查对象的已公示结果")
    public Response entity(@PathParam("id") String id) {
        EntityName entity = id.length() > 64 ? null : EntityName.findById(id);
        if (entity == null) {
            return page(404, Templates.error(404, "未找到检查对象", "没有这个检查对象。", List.of()));
        }
        boolean person = entity.naturalPerson();
        return page(200, Templates.entity(person ? Masking.personName(entity.name) : entity.name,
                person ? null : entity.code, person, results.ofEntity(id, ENTITY_RESULTS)));
    }

    @GET
    @Path("disclosures/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @Operation(summary = "一次公示及其抽取证明")
    public Response disclosure(@PathParam("id") String id) {
        UUID key = uuid(id);
        Disclosure d = key == null ? null : Disclosure.findById(key);
        if (d == null || !d.published()) {
            return page(404, Templates.error(404, "未找到公示", "没有这项公示，或它尚未公示。", List.of()));
        }
        String proof = d.drawId == null ? null : samplingUrl + "/api/v1/draws/" + d.drawId + "/proof";
        return page(200, Templates.disclosure(PublishedDisclosure.of(d), results.ofDisclosure(d), proof));
    }

    @GET
    @Path("draws/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @Operation(summary = "抽取证明页", description = "承诺值、见证熵、公开的种子及其与承诺值是否一致，以及复核方法。")
    public Response draw(@PathParam("id") String id) {
        UUID key = uuid(id);
        return (key == null ? Optional.<PublicDraws.DrawView>empty() : draws.draw(key.toString()))
                .map(d -> page(200, Templates.draw(d, drawUrl(d.drawId(), "proof"),
                        d.committed() ? drawUrl(d.drawId(), "population") : null)))
                .orElseGet(() -> page(404, Templates.error(404, "未找到抽取", "没有这次随机抽取。", List.of())));
    }

    @GET
    @Path("draws")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @Operation(summary = "最近完成的随机抽取", description = "page：从 0 开始的页码，每页 50 次。")
    public Response recentDraws(@QueryParam("page") String page) {
        if (page != null && !page.isBlank() && !page.matches("\\d{1,4}")) {
            return page(400, Templates.error(400, "查询条件有误", "请检查以下查询条件后重试。",
                    List.of(new Problem.FieldError("page", "a whole number 0–9999"))));
        }
        int p = page == null || page.isBlank() ? 0 : Integer.parseInt(page);
        List<PublicDraws.DrawView> rows = draws.completed(p);
        boolean hasNext = rows.size() > PublicDraws.PAGE_SIZE;
        return page(200, Templates.draws(hasNext ? rows.subList(0, PublicDraws.PAGE_SIZE) : rows, p, hasNext));
    }

    @GET
    @Path("plans")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @Operation(summary = "年度抽查计划")
    public TemplateInstance plans() {
        return Templates.plans(plans.plans());
    }

    @GET
    @Path("plans/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @Operation(summary = "一份年度抽查计划及其任务")
    public Response plan(@PathParam("id") String id) {
        return plans.plan(id.length() > 64 ? "" : id)
                .map(plan -> page(200, Templates.plan(plan, draws.ofPlan(plan.summary().planId()))))
                .orElseGet(() -> page(404, Templates.error(404, "未找到抽查计划", "没有这份已公布的抽查计划。", List.of())));
    }

    @GET
    @Path("catalogue")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @Operation(summary = "随机抽查事项清单")
    public TemplateInstance catalogue() {
        return Templates.catalogue(plans.catalogue());
    }

    @GET
    @Path("feed.atom")
    @Produces("application/atom+xml; charset=UTF-8")
    @Transactional
    @Operation(summary = "新公示订阅（Atom）")
    public String feed(@Context UriInfo uri) {
        return AtomFeed.write(PublishedDisclosure.latest(50), uri.getBaseUri().toString());
    }

    /** A public document of the draw at sampling-service ({@code proof} or {@code population}). */
    private String drawUrl(String drawId, String document) {
        return samplingUrl + "/api/v1/draws/" + drawId + "/" + document;
    }

    /**
     * The query of a download, or a 400 asking to narrow the filters — decided before the body streams. A row
     * published between this count and the streaming may still be cut by the same cap.
     */
    private ResultQuery downloadable(ResultQuery q) {
        if (results.countUpTo(q, MAX_DOWNLOAD + 1) > MAX_DOWNLOAD) {
            throw new ProblemException(400, "too-many-rows", "Bad request",
                    "more than " + MAX_DOWNLOAD + " results match; narrow the filters (year, region, matter)",
                    List.of(new Problem.FieldError("year", "narrow the download, e.g. by year")));
        }
        return q;
    }

    private static Response page(int status, TemplateInstance body) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body.render()).build();
    }

    private static UUID uuid(String id) {
        try {
            return id.length() == 36 ? UUID.fromString(id) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
