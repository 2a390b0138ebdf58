package io.suiji.catalog.importing;

import io.suiji.catalog.CatalogConfig;
import io.suiji.platform.problem.QueryParams;
import io.suiji.catalog.matter.MatterSearch;
import io.suiji.catalog.matter.MatterService;
import io.suiji.contracts.catalog.MatterStatus;
import io.suiji.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/matters/export}: the published catalogue as the attachment prints it. What it
 * writes, an import of the same file reads back as "no changes".
 */
@Path("/api/v1/matters/export")
@Tag(name = "抽查事项导入导出")
public class ExportResource {

    private final MatterService matters;
    private final CatalogConfig config;

    @Inject
    public ExportResource(MatterService matters, CatalogConfig config) {
        this.matters = matters;
        this.config = config;
    }

    @GET
    @PermitAll
    @Operation(summary = "导出抽查事项清单",
            description = "以附件格式导出已发布的抽查事项（表头与附件完全一致）。format=xlsx（默认）或 csv（UTF-8，带BOM）；"
                    + "给出 inForceOn 时导出该日施行的清单。")
    public Response export(
            @Parameter(description = "xlsx 或 csv") @QueryParam("format") String format,
            @Parameter(description = "施行日期（YYYY-MM-DD）") @QueryParam("inForceOn") String inForceOn) {
        TableFormat tableFormat = format == null || format.isBlank() ? TableFormat.XLSX
                : TableFormat.named(format).orElseThrow(() -> ProblemException.badParameter("format",
                        "value " + format + " is not one of xlsx, csv"));
        LocalDate day = QueryParams.date("inForceOn", inForceOn);
        MatterSearch published = new MatterSearch(null, null, null, null, null, null, MatterStatus.PUBLISHED, day);
        var table = SheetLayout.table(published.run(matters.catalogue(), false).stream()
                .map(hit -> hit.version().content()).toList());
        byte[] body = tableFormat == TableFormat.XLSX ? XlsxTable.write(table) : CsvTable.write(table);
        String stem = "抽查事项清单-" + (day != null ? day : config.today());
        return Response.ok(body, tableFormat.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(stem + "." + tableFormat.extension()))
                .build();
    }

    // RFC 6266: an ASCII name for old clients, the Chinese one for the rest.
    private static String attachment(String fileName) {
        String ascii = "matters" + fileName.substring(fileName.indexOf('-'));
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
