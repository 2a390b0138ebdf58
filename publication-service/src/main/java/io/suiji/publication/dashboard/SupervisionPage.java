package io.suiji.publication.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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

/**
 * The supervision dashboard (考核督查) as a page for people: under {@code /supervision} the service is
 * a web application — a browser without a session is sent to the bureau's Keycloak login and comes
 * back with one (OIDC tenant {@code supervision}) — and the same figures as the JSON API are shown.
 */
@Path("/supervision")
@Tag(name = "考核督查")
public class SupervisionPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(DashboardService.Dashboard dashboard, String user, String region);
    }

    private final CallerScope caller;
    private final DashboardService dashboards;

    @Inject
    public SupervisionPage(CallerScope caller, DashboardService dashboards) {
        this.caller = caller;
        this.dashboards = dashboards;
    }

    @GET
    @Path("dashboard")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({"supervisor", "auditor", "admin", "publisher"})
    @Transactional
    @Operation(summary = "督查统计页面（登录后查看）")
    public TemplateInstance dashboard(@QueryParam("year") String year) {
        return Templates.dashboard(dashboards.compute(caller.regionScope(), year), caller.name(),
                caller.region().orElse(""));
    }
}
