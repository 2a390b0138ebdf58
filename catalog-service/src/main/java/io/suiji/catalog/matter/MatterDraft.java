package io.suiji.catalog.matter;

import io.suiji.contracts.catalog.Frequency;
import io.suiji.contracts.catalog.ImplementingLevel;
import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.SamplingRatio;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/matters}: a new matter, recorded as a draft. Code, name, category
 * and ratio are enough for a draft; publishing needs every column of the attachment.
 */
@Schema(description = "新建抽查事项（草稿）。编码、名称、类别、比例即可保存草稿；发布前须填齐清单各栏。")
public record MatterDraft(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,39}", message = "1–40 letters, digits, '-' or '_'")
        @Schema(description = "事项编码", example = "PDS-2025-10") String code,
        @NotBlank @Size(max = MatterRules.MAX_NAME)
        @Schema(description = "抽查事项", example = "人力资源服务机构管理检查") String name,
        @NotNull @Schema(description = "事项类别：KEY 重点检查事项 / GENERAL 一般检查事项") MatterCategory category,
        @NotNull @Schema(description = "抽查比例：百分比（一般检查事项不低于5%）、最少数量（如至少200人），或两者") SamplingRatio ratio,
        @Schema(description = "序号", example = "10") Integer displayOrder,
        @Schema(description = "检查依据，每条一项") List<String> legalBases,
        @Schema(description = "检查对象") List<String> targetTypes,
        @Schema(description = "检查内容，按顺序，不带编号") List<String> checkItems,
        @Schema(description = "检查方式") List<InspectionMethod> methods,
        @Schema(description = "抽查频次，如 {\"timesPerYear\":1,\"asNeeded\":true} 即“根据工作需要或1次/年”") Frequency frequency,
        @Schema(description = "实施层级；省略时从实施主体读出") List<ImplementingLevel> levels,
        @Schema(description = "实施层级原文，如“市、县人力资源社会保障部门”") String implementingBody,
        @Schema(description = "责任科室、单位") List<String> responsibleUnits,
        @Size(max = 200) @Schema(description = "来源文件，如“平人社办〔2020〕47号”") String sourceDocument) {

    MatterContent content() {
        return new MatterContent(displayOrder, name, legalBases, targetTypes, checkItems, category, methods, ratio,
                frequency, levels, implementingBody, responsibleUnits);
    }
}
