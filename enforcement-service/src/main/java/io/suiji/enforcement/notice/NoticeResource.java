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

/** 亮码检查: the inspection notice of a started assignment and its QR code. */
@Path("/api/v1/assignments/{id}/notice")
@RolesAllowed({Caller.INSPECTOR, Caller.SUPERVISOR, Caller.AUDITOR, Caller.PLANNER, Caller.ADMIN})
@Tag(name = "检查实施")
public class NoticeResource {

    static final String PNG = "image/png";

    @Inject
    NoticeService notices;

    @Inject
    CallerScope scope;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "检查通知书（亮码检查）", description = "The notice of a started inspection: the draw's public "
            + "proof link, the matter, the target and the group with their 执法证号. Its QR code (…/notice/qr.png) "
            + "carries exactly this JSON. 409 before the start, for a cancelled assignment, or when a member has no "
            + "known certificate number (naming them); 404 when the assignment is not the caller's to see")
    public InspectionNotice notice(@PathParam("id") UUID id) {
        return notices.notice(Caller.of(scope), id);
    }

    @GET
    @Path("qr.png")
    @Produces(PNG)
    @Operation(summary = "检查通知书二维码", description = "The notice's QR code as PNG (UTF-8 JSON payload, error "
            + "correction M); same rules as the notice")
    public byte[] qr(@PathParam("id") UUID id) {
        return notices.qrPng(Caller.of(scope), id);
    }
}
