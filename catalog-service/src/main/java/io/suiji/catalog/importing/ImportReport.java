package io.suiji.catalog.importing;

import io.suiji.catalog.matter.MatterColumn;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an import: what was (or would be) done, row by row, and every problem. */
@Schema(description = "导入报告：逐行说明将（或已）新增、调整、发布或不变的事项，以及每个问题所在的单元格")
public record ImportReport(
        @Schema(description = "文件名") String fileName,
        @Schema(description = "文件格式：xlsx 或 csv") String format,
        @Schema(description = "是否已提交；试导入为 false") boolean committed,
        @Schema(description = "新版本的生效日期") LocalDate effectiveFrom,
        @Schema(description = "汇总") Summary summary,
        @Schema(description = "逐行结果") List<RowReport> rows,
        @Schema(description = "问题；有问题时不会提交任何一行") List<CellProblem> problems,
        @Schema(description = "文件中没有的已发布事项编码（保持不变）") List<String> notInFile) {

    @Schema(description = "导入汇总")
    public record Summary(
            @Schema(description = "新增") long created,
            @Schema(description = "调整（新版本）") long revised,
            @Schema(description = "发布草稿") long publishedDrafts,
            @Schema(description = "无变化") long unchanged,
            @Schema(description = "问题数") int problems) {
    }

    @Schema(description = "一行的结果")
    public record RowReport(
            @Schema(description = "行号") int row,
            @Schema(description = "抽查事项") String name,
            @Schema(description = "事项编码（新增时为将分配的编码）") String code,
            @Schema(description = "CREATE 新增、REVISE 调整、PUBLISH_DRAFT 发布草稿、UNCHANGED 无变化") ImportPlan.Action action,
            @Schema(description = "有变化的栏目") List<String> changes) {
    }

    static ImportReport of(ImportPlan plan, String fileName, TableFormat format, LocalDate effectiveFrom,
            boolean committed) {
        List<RowReport> rows = plan.rows().stream()
                .map(r -> new RowReport(r.row(), r.content().name(), r.code(), r.action(),
                        r.action() == ImportPlan.Action.CREATE ? List.of()
                                : r.changes().stream().map(MatterColumn::header).toList()))
                .toList();
        Summary summary = new Summary(plan.count(ImportPlan.Action.CREATE), plan.count(ImportPlan.Action.REVISE),
                plan.count(ImportPlan.Action.PUBLISH_DRAFT), plan.count(ImportPlan.Action.UNCHANGED),
                plan.problems().size());
        return new ImportReport(fileName, format.extension(), committed, effectiveFrom, summary, rows, plan.problems(),
                plan.notInFile());
    }
}
