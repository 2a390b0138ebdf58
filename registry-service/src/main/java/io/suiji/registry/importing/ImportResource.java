package io.suiji.registry.importing;

import io.agroal.api.AgroalDataSource;
import io.suiji.contracts.EventJson;
import io.suiji.platform.problem.ProblemException;
import io.suiji.platform.security.CallerScope;
import io.suiji.platform.problem.QueryParams;
import io.suiji.registry.RegionGuard;
import io.suiji.registry.Roles;
import io.suiji.registry.identity.PersonalIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * {@code /api/v1/imports}: bulk imports of entities or inspectors as jobs a client polls. Registrars
 * and admins only; rows outside the caller's region are rejected, jobs of other regions are 404.
 */
@Path("/api/v1/imports")
@Tag(name = "批量导入", description = "检查对象、执法检查人员名录的 .csv / .xlsx 批量导入（按代码或执法证号新增或更新）")
public class ImportResource {

    private static final String CSV_UTF8 = "text/csv; charset=UTF-8";

    private final ImportService imports;
    private final CallerScope caller;
    private final RegionGuard regions;
    private final AgroalDataSource dataSource;
    private final PersonalIds personalIds;

    @Inject
    public ImportResource(ImportService imports, CallerScope caller, RegionGuard regions, AgroalDataSource dataSource,
            PersonalIds personalIds) {
        this.imports = imports;
        this.caller = caller;
        this.regions = regions;
        this.dataSource = dataSource;
        this.personalIds = personalIds;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGISTRAR, Roles.ADMIN})
    @Operation(summary = "上传导入文件", description = "表单字段 file（.csv 或 .xlsx）。表头立即校验：缺少或无法识别的列返回422并列出应有的列。"
            + "通过后返回202和任务地址，导入在后台逐行流式进行，轮询任务查看进度。"
            + "mode=ALL_OR_NOTHING（默认）：有任何一行被拒绝则全部不导入；KEEP_GOOD_ROWS：导入合格的行。两种方式都可下载全部被拒绝的行及原因。")
    @APIResponse(responseCode = "202", description = "已受理，Location 为任务地址")
    @APIResponse(responseCode = "422", description = "文件无法读取或表头不对")
    public Response upload(
            @RestForm("file") FileUpload file,
            @Parameter(description = "ENTITIES（默认）或 INSPECTORS") @QueryParam("kind") String kind,
            @Parameter(description = "ALL_OR_NOTHING（默认）或 KEEP_GOOD_ROWS") @QueryParam("mode") String mode,
            UriInfo uri) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "upload the file as the multipart field 'file'");
        }
        ImportKind importKind = orDefault(QueryParams.enumValue("kind", kind, ImportKind.class), ImportKind.ENTITIES);
        ImportMode importMode = orDefault(QueryParams.enumValue("mode", mode, ImportMode.class), ImportMode.ALL_OR_NOTHING);
        String scope = caller.region().orElse(null);
        if (scope == null || caller.regionScope().isEmpty()) {
            throw new ProblemException(403, "no-region", "Forbidden", "an import needs a caller with a region", List.of());
        }
        ImportJobRecord job = imports.accept(file.uploadedFile(), file.fileName(), importKind, importMode, scope,
                regions.prefix(), caller.name());
        return Response.accepted(ImportJobView.of(job))
                .location(uri.getBaseUriBuilder().path(ImportResource.class).path(job.id.toString()).build())
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGISTRAR, Roles.ADMIN})
    @Operation(summary = "导入任务列表", description = "调用者行政区划内的任务，新的在前。")
    public List<ImportJobView> list(@Parameter(description = "条数，默认20，最多200") @QueryParam("size") String size) {
        int limit = QueryParams.integer("size", size, 20, 1, 200);
        // Scoped in the query: filtering a window of the newest jobs hid a county's own jobs once
        // other regions had imported more than the window held.
        return ImportJobRecord.<ImportJobRecord>find("scopeRegion like ?1 order by seq desc", regions.prefix() + "%")
                .page(0, limit).list().stream().map(ImportJobView::of).toList();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGISTRAR, Roles.ADMIN})
    @Operation(summary = "导入任务及进度", description = "已读、通过、拒绝的行数，新增、变更、未变的行数，进度百分比。")
    @APIResponse(responseCode = "404", description = "没有该任务，或不在调用者的行政区划内")
    public ImportJobView get(@PathParam("id") String id) {
        return ImportJobView.of(visible(id));
    }

    @GET
    @Path("{id}/rejections")
    @Produces(CSV_UTF8)
    @RolesAllowed({Roles.REGISTRAR, Roles.ADMIN})
    @Operation(summary = "下载被拒绝的行", description = "CSV（UTF-8，带BOM，Excel可直接打开）：行号、拒绝原因，然后是该行的原始内容（含表头）。"
            + "改正后去掉前两列即可重新导入。")
    public Response rejections(@PathParam("id") String id) {
        ImportJobRecord job = visible(id);
        UUID jobId = job.id;
        List<String> header = new ArrayList<>(List.of("行号", "拒绝原因"));
        header.addAll(job.headers);
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write('\uFEFF');
            try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
                    Connection c = dataSource.getConnection()) {
                printer.printRecord(header);
                c.setAutoCommit(false);
                try (PreparedStatement s = c.prepareStatement(
                        "select row_number, reason, cells_sealed from import_rejection where job_id = ? order by row_number")) {
                    s.setFetchSize(1000);
                    s.setObject(1, jobId);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            List<String> row = new ArrayList<>(List.of(String.valueOf(r.getLong(1)), r.getString(2)));
                            row.addAll(EventJson.mapper().readValue(personalIds.open(r.getBytes(3)),
                                    new com.fasterxml.jackson.core.type.TypeReference<List<String>>() {
                                    }));
                            printer.printRecord(row);
                        }
                    }
                } finally {
                    c.commit();
                    c.setAutoCommit(true);
                }
                printer.flush();
            } catch (java.sql.SQLException e) {
                throw new java.io.IOException("cannot read the rejected rows", e);
            }
        };
        return Response.ok(body, CSV_UTF8)
                .header("Content-Disposition", "attachment; filename=\"rejected-rows-" + jobId + ".csv\"")
                .build();
    }

    @GET
    @Path("templates/{kind}")
    @Produces(CSV_UTF8)
    @RolesAllowed({Roles.REGISTRAR, Roles.ADMIN})
    @Operation(summary = "导入模板", description = "entities 或 inspectors：只有表头的 CSV（UTF-8，带BOM）。")
    public Response template(@PathParam("kind") String kind) {
        ImportKind importKind = QueryParams.enumValue("kind", kind, ImportKind.class);
        List<String> headers = new ArrayList<>();
        for (ImportColumn c : importKind == ImportKind.INSPECTORS ? InspectorColumn.values() : EntityColumn.values()) {
            headers.add(c.header());
        }
        String text = "\uFEFF" + String.join(",", headers) + "\r\n";
        return Response.ok(text.getBytes(StandardCharsets.UTF_8), CSV_UTF8)
                .header("Content-Disposition", "attachment; filename=\"" + importKind.name().toLowerCase() + "-template.csv\"")
                .build();
    }

    private ImportJobRecord visible(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("import job", id);
        }
        ImportJobRecord job = ImportJobRecord.findById(uuid);
        if (job == null || !regions.sees(job.scopeRegion)) {
            throw ProblemException.notFound("import job", id);
        }
        return job;
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
