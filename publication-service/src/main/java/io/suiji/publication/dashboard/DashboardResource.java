package io.suiji.publication.dashboard;

import io.suiji.platform.security.CallerScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The supervision figures (考核督查) as JSON, for the caller's region; the HTML page is {@link SupervisionPage}. */
@Path("/api/v1/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "考核督查", description = "按区划与部门统计任务批次、检查数、按时/逾期公示及逾期清单")
public class DashboardResource {

    private final CallerScope caller;
    private final DashboardService dashboards;

    @Inject
    public DashboardResource(CallerScope caller, DashboardService dashboards) {
        this.caller = caller;
        this.dashboards = dashboards;
    }

    @GET
    @RolesAllowed({"supervisor", "auditor", "admin", "publisher"})
    @Transactional
    @Operation(summary = "督查统计", description = "year：任务完成年度（默认今年）。onTimeRate = 按时公示 / (已公示 + 逾期未公示)")
    public DashboardService.Dashboard dashboard(@QueryParam("year") String year) {
        return dashboards.compute(caller.regionScope(), year);
    }
}
