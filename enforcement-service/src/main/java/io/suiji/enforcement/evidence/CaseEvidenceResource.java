package io.suiji.enforcement.evidence;

import io.suiji.enforcement.Caller;
import io.suiji.platform.security.CallerScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** 证据材料 of a targeted case: the same rules as an assignment's, for its assigned inspectors. */
@Path("/api/v1/cases/{id}/evidence")
@RolesAllowed({Caller.INSPECTOR, Caller.SUPERVISOR, Caller.AUDITOR, Caller.PLANNER, Caller.ADMIN})
@Tag(name = "定向检查案件")
public class CaseEvidenceResource {

    @Inject
    EvidenceService evidence;

    @Inject
    CallerScope scope;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.INSPECTOR)
    @Operation(summary = "上传证据材料", description = "Multipart part `file`. The case's assigned inspectors, while it "
            + "is open (409 once closed). PDF, JPEG or PNG whose content matches the type, else 415; over the size "
            + "limit 413. Returns the record with the SHA-256 computed on arrival")
    public Response upload(@PathParam("id") UUID id, @RestForm("file") FileUpload file) {
        return EvidenceResource.created(evidence, Caller.of(scope), EvidenceOwner.ofCase(id), file);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "证据材料列表", description = "The assigned inspectors and the staff who may read the case; oldest first")
    public List<EvidenceView> list(@PathParam("id") UUID id) {
        return evidence.list(Caller.of(scope), EvidenceOwner.ofCase(id));
    }

    @GET
    @Path("{evidenceId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "下载证据材料", description = "The file as stored, after its SHA-256 was checked against the "
            + "record; the digest is in `Repr-Digest` (RFC 9530) and `ETag`")
    public Response download(@PathParam("id") UUID id, @PathParam("evidenceId") UUID evidenceId) {
        return EvidenceResource.served(evidence.download(Caller.of(scope), EvidenceOwner.ofCase(id), evidenceId));
    }
}
