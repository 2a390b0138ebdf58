package io.suiji.catalog.importing;

import io.suiji.catalog.CatalogConfig;
import io.suiji.platform.problem.QueryParams;
import io.suiji.catalog.matter.Roles;
import io.suiji.platform.problem.ProblemException;
import io.suiji.platform.security.CallerScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** {@code POST /api/v1/matters/import}: the catalogue from an .xlsx or .csv sheet in the attachment's layout. */
@Path("/api/v1/matters/import")
@Tag(name = "抽查事项导入导出", description = "按附件格式（表头：序号 抽查事项 检查依据 …… 责任科室、单位）导入、导出 .xlsx / .csv")
public class ImportResource {

    private final CatalogImporter importer;
    private final CallerScope caller;
    private final CatalogConfig config;

    @Inject
    public ImportResource(CatalogImporter importer, CallerScope caller, CatalogConfig config) {
        this.importer = importer;
        this.caller = caller;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(summary = "导入抽查事项清单",
            description = "上传 .xlsx 或 .csv（表单字段 file）。默认试导入：返回逐行报告（新增、调整、发布草稿、无变化）"
                    + "及每个问题所在的单元格（如 H6），不改动任何数据。commit=true 时在一个事务内全部提交；"
                    + "有任何问题则一行也不提交，返回422并列出全部问题。按“抽查事项”名称与现有事项对应。")
    @APIResponse(responseCode = "200", description = "导入报告")
    @APIResponse(responseCode = "422", description = "文件无法读取，或提交时有问题（errors 中 field 为单元格）")
    public ImportReport upload(
            @RestForm("file") FileUpload file,
            @Parameter(description = "true：提交；默认 false（试导入）") @QueryParam("commit") String commit,
            @Parameter(description = "新版本生效日期，默认今天") @QueryParam("effectiveFrom") String effectiveFrom,
            @Parameter(description = "新事项编码前缀，默认 PDS-<生效年份>") @QueryParam("codePrefix") String codePrefix,
            @Parameter(description = "来源文件，如“平人社办〔2020〕47号”") @QueryParam("source") String source) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "upload the sheet as the multipart field 'file'");
        }
        boolean apply = QueryParams.bool("commit", commit, false);
        LocalDate from = QueryParams.date("effectiveFrom", effectiveFrom);
        LocalDate day = from != null ? from : config.today();
        String prefix = QueryParams.text(codePrefix);
        String sourceDocument = QueryParams.text(source);
        if (sourceDocument != null && sourceDocument.length() > 200) {
            throw ProblemException.badParameter("source", "来源文件 must be at most 200 characters");
        }
        byte[] content = read(file);
        List<SheetRow> sheet;
        TableFormat format;
        try {
            format = TableFormat.detect(file.fileName(), content);
            sheet = format == TableFormat.XLSX ? XlsxTable.read(content) : CsvTable.read(content);
        } catch (UnreadableFileException e) {
            throw ProblemException.invalid("file", e.getMessage());
        }
        var options = new CatalogImporter.Options(file.fileName(), format, day,
                prefix != null ? prefix : config.codePrefix() + "-" + day.getYear(), sourceDocument, caller.name());
        return apply ? importer.commit(sheet, options) : importer.dryRun(sheet, options);
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
