package io.suiji.publication.disclosure;

import io.quarkus.panache.common.Page;
import io.suiji.platform.problem.Problem;
import io.suiji.platform.problem.ProblemException;
import io.suiji.platform.security.CallerScope;
import io.suiji.platform.security.RegionScope;
import io.suiji.publication.disclosure.DisclosureViews.DisclosureDetail;
import io.suiji.publication.disclosure.DisclosureViews.DisclosureSummary;
import io.suiji.publication.disclosure.DisclosureViews.ExemptionRequest;
import io.suiji.publication.disclosure.DisclosureViews.ItemView;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Disclosures (抽查结果公示) of completed task batches, seen within the caller's region: a
 * publisher marks items 不宜公开 with their legal ground, then publishes.
 */
@Path("/api/v1/disclosures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "结果公示", description = "任务批次完成后 20 个工作日内公示抽查结果；不宜公开的须写明法律依据")
public class DisclosureResource {

    static final String PUBLISHER = "publisher";
    private static final int PAGE_SIZE = 50;

    private final DisclosureService disclosures;
    private final CallerScope caller;

    @Inject
    public DisclosureResource(DisclosureService disclosures, CallerScope caller) {
        this.disclosures = disclosures;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({PUBLISHER, "supervisor", "auditor", "admin"})
    @Operation(summary = "公示列表（本辖区）", description = "status=OPEN|PUBLISHED 可选；按到期日排序，每页 50 条")
    public List<DisclosureSummary> list(@QueryParam("status") String status, @QueryParam("page") String page) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (status != null && !status.equals(Disclosure.OPEN) && !status.equals(Disclosure.PUBLISHED)) {
            errors.add(new Problem.FieldError("status", "OPEN or PUBLISHED"));
        }
        int pageIndex = 0;
        if (page != null) {
            if (!page.matches("\\d{1,5}")) {
                errors.add(new Problem.FieldError("page", "a page number 0–99999"));
            } else {
                pageIndex = Integer.parseInt(page);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badParameters(errors);
        }
        Optional<RegionScope> scope = caller.regionScope();
        if (scope.isEmpty()) {
            return List.of();
        }
        String where = "region like ?1" + (status == null ? "" : " and status = ?2");
        Object[] params = status == null ? new Object[] {scope.get().prefix() + "%"}
                : new Object[] {scope.get().prefix() + "%", status};
        return Disclosure.<Disclosure>find(where + " order by dueDate, taskId, batch", params)
                .page(Page.of(pageIndex, PAGE_SIZE)).list().stream().map(DisclosureSummary::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({PUBLISHER, "supervisor", "auditor", "admin"})
    @Operation(summary = "公示详情及其结果条目")
    public DisclosureDetail get(@PathParam("id") String id) {
        Disclosure disclosure = visible(id);
        return new DisclosureDetail(DisclosureSummary.of(disclosure),
                ResultItem.of(disclosure).stream().map(ItemView::of).toList());
    }

    @PUT
    @Path("{id}/items/{itemId}/exemption")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PUBLISHER)
    @Operation(summary = "标记不宜公开", description = """
            {"exempt":true,"legalGround":"…"}：须写明法律依据，记录并计数，不对外公示；{"exempt":false} 撤销。公示后不可更改（409）。""")
    public ItemView exemption(@PathParam("id") String id, @PathParam("itemId") String itemId, ExemptionRequest body) {
        Disclosure disclosure = visible(id);
        UUID item = uuid(itemId).orElseThrow(() -> ProblemException.notFound("item", itemId));
        boolean exempt = body == null || body.exempt() == null || body.exempt();
        return ItemView.of(disclosures.exempt(disclosure, item, exempt, body == null ? null : body.legalGround(), caller.name()));
    }

    @POST
    @Path("{id}/publish")
    @RolesAllowed(PUBLISHER)
    @Operation(summary = "公示", description = "发出 ResultPublished，并为每条处罚/异常名录/严重失信结果发出 SanctionPushed；已公示则 409")
    public DisclosureSummary publish(@PathParam("id") String id) {
        Disclosure disclosure = visible(id);
        return DisclosureSummary.of(disclosures.publish(disclosure.id, caller.name()));
    }

    /** The disclosure, or 404 when it does not exist or lies outside the caller's region. */
    private Disclosure visible(String id) {
        Disclosure disclosure = uuid(id).map(u -> Disclosure.<Disclosure>findById(u)).orElse(null);
        if (disclosure == null || !caller.covers(disclosure.region)) {
            throw ProblemException.notFound("disclosure", id);
        }
        return disclosure;
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
