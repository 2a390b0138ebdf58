package io.suiji.enforcement.evidence;

import io.suiji.enforcement.Caller;
import io.suiji.platform.problem.ProblemException;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * 证据材料: evidence files of an assignment (a case's: {@link CaseEvidenceResource}). Uploads are
 * multipart ({@code file} part).
 */
@Path("/api/v1/assignments/{id}/evidence")
@RolesAllowed({Caller.INSPECTOR, Caller.SUPERVISOR, Caller.AUDITOR, Caller.PLANNER, Caller.ADMIN})
@Tag(name = "检查实施")
public class EvidenceResource {

    @Inject
    EvidenceService evidence;

    @Inject
    CallerScope scope;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.INSPECTOR)
    @Operation(summary = "上传证据材料", description = "Multipart part `file` (its filename and Content-Type). "
            + "Group members, while the assignment is open (409 once closed or cancelled). PDF, JPEG or PNG whose "
            + "content matches the type, else 415; over the size limit (default 20 MiB) 413. Returns the record "
            + "with the SHA-256 computed on arrival")
    public Response upload(@PathParam("id") UUID id, @RestForm("file") FileUpload file) {
        return created(evidence, Caller.of(scope), EvidenceOwner.assignment(id), file);
    }

    /** Stores a multipart upload for {@code owner}: 201 with the record and its location. */
    static Response created(EvidenceService evidence, Caller caller, EvidenceOwner owner, FileUpload file) {
        if (file == null) {
            throw ProblemException.invalid("file", "a multipart part named file is required");
        }
        try (InputStream content = Files.newInputStream(file.uploadedFile())) {
            EvidenceView stored = evidence.upload(caller, owner,
                    new EvidenceService.Upload(file.fileName(), file.contentType(), file.size(), content));
            return Response.created(URI.create(stored.href())).entity(stored).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "证据材料列表", description = "The group and the staff who may read the assignment; oldest first")
    public List<EvidenceView> list(@PathParam("id") UUID id) {
        return evidence.list(Caller.of(scope), EvidenceOwner.assignment(id));
    }

    @GET
    @Path("{evidenceId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "下载证据材料", description = "The file as stored, after its SHA-256 was checked against the "
            + "record; the digest is in `Repr-Digest` (RFC 9530) and `ETag`")
    public Response download(@PathParam("id") UUID id, @PathParam("evidenceId") UUID evidenceId) {
        return served(evidence.download(Caller.of(scope), EvidenceOwner.assignment(id), evidenceId));
    }

    /** The file with its digest in {@code Repr-Digest} and {@code ETag}. */
    static Response served(EvidenceService.Download download) {
        EvidenceView file = download.file();
        String base64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256()));
        return Response.ok(download.path().toFile(), file.contentType())
                .header("Content-Disposition", contentDisposition(file.filename()))
                .header("Repr-Digest", "sha-256=:" + base64 + ":")
                .header("ETag", "\"" + file.sha256() + "\"")
                .build();
    }

    /** RFC 6266: an ASCII fallback and the exact (e.g. Chinese) name in {@code filename*}. */
    static String contentDisposition(String filename) {
        String ascii = filename.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_");
        String exact = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + exact;
    }
}
