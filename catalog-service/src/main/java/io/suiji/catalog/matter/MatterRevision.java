package io.suiji.catalog.matter;

import io.suiji.contracts.catalog.Frequency;
import io.suiji.contracts.catalog.ImplementingLevel;
import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.SamplingRatio;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/matters/{code}/revisions}: the columns to change; an absent field
 * keeps its current value.
 */
@Schema(description = "调整抽查事项：只需给出要改的栏目，省略的栏目保持不变。已发布的事项生成新版本。")
public record MatterRevision(
        @Schema(description = "序号") Integer displayOrder,
        @Size(max = MatterRules.MAX_NAME) @Schema(description = "抽查事项") String name,
        @Schema(description = "检查依据") List<String> legalBases,
        @Schema(description = "检查对象") List<String> targetTypes,
        @Schema(description = "检查内容") List<String> checkItems,
        @Schema(description = "事项类别") MatterCategory category,
        @Schema(description = "检查方式") List<InspectionMethod> methods,
        @Schema(description = "抽查比例") SamplingRatio ratio,
        @Schema(description = "抽查频次") Frequency frequency,
        @Schema(description = "实施层级") List<ImplementingLevel> levels,
        @Schema(description = "实施层级原文") String implementingBody,
        @Schema(description = "责任科室、单位") List<String> responsibleUnits,
        @Size(max = 200) @Schema(description = "来源文件") String sourceDocument,
        @Schema(description = "新版本的生效日期，默认今天；不得早于现行版本的生效日期。草稿不填。") LocalDate effectiveFrom,
        @Size(max = 1000) @Schema(description = "调整说明") String changeNote) {

    MatterContent applyTo(MatterContent current) {
        // New words for 实施层级 without levels: the levels are read from the words again.
        List<ImplementingLevel> newLevels = levels != null ? levels
                : implementingBody != null ? List.of() : current.levels();
        return new MatterContent(
                displayOrder != null ? displayOrder : current.displayOrder(),
                name != null ? name : current.name(),
                legalBases != null ? legalBases : current.legalBases(),
                targetTypes != null ? targetTypes : current.targetTypes(),
                checkItems != null ? checkItems : current.checkItems(),
                category != null ? category : current.category(),
                methods != null ? methods : current.methods(),
                ratio != null ? ratio : current.ratio(),
                frequency != null ? frequency : current.frequency(),
                newLevels,
                implementingBody != null ? implementingBody : current.implementingBody(),
                responsibleUnits != null ? responsibleUnits : current.responsibleUnits());
    }
}
