package io.suiji.publication.publicresults;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Published results for anyone (一公开) as JSON, the open-data API behind the public site; what may
 * be shown is decided by {@link PublishedResults}.
 */
@Path("/api/v1/public/results")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "公开查询", description = "已公示的抽查结果（匿名可查；自然人姓名部分隐去，不显示证件号码）")
public class PublicResultResource {

    private final PublishedResults results;

    @Inject
    public PublicResultResource(PublishedResults results) {
        this.results = results;
    }

    @GET
    @PermitAll
    @Transactional
    @Operation(summary = "查询已公示的抽查结果", description = """
            name（单位名称包含，≤50 字）、code（统一社会信用代码、注册号或组织机构代码）、matter（事项编码）、\
            year（检查办结年度）、region（6 位区划代码，市级含所辖县区）、outcome（结果代码或中文）、page（从 0 起）、\
            size（1–100，默认 20）。参数无效返回 400 problem+json。公示期满（法人 5 年、自然人 2 年）的结果不再列出。""")
    public PublishedResults.ResultPage search(@BeanParam SearchParams params) {
        return results.search(params.query());
    }
}
