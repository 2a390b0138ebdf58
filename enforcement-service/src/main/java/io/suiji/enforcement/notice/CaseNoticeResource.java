package io.suiji.enforcement.notice;

import io.suiji.enforcement.Caller;
import io.suiji.platform.security.CallerScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 亮码检查 of a targeted case (投诉举报、转办交办): its inspection notice and QR code, as for an assignment. */
@Path("/api/v1/cases/{id}/notice")
@RolesAllowed({Caller.INSPECTOR, Caller.SUPERVISOR, Caller.AUDITOR, Caller.PLANNER, Caller.ADMIN})
@Tag(name = "定向检查案件")
public class CaseNoticeResource {

    @Inject
    NoticeService notices;

    @Inject
    CallerScope scope;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "检查通知书（亮码检查）", description = "The notice of a started case: its source (投诉举报、转办、交办) "
            + "and reference, that the inspectors were assigned by a person (指定, not drawn) and by whom, the matter, "
            + "the target and the inspectors with their 执法证号. Its QR code (…/notice/qr.png) carries exactly this JSON. "
            + "409 before the start or when an inspector has no known certificate number (naming them); 404 when the "
            + "case is not the caller's to see")
    public CaseNotice notice(@PathParam("id") UUID id) {
        return notices.caseNotice(Caller.of(scope), id);
    }

    @GET
    @Path("qr.png")
    @Produces(NoticeResource.PNG)
    @Operation(summary = "检查通知书二维码", description = "The case notice's QR code as PNG (UTF-8 JSON payload, error "
            + "correction M); same rules as the notice")
    public byte[] qr(@PathParam("id") UUID id) {
        return notices.caseQrPng(Caller.of(scope), id);
    }
}
