package io.suiji.catalog.matter;

import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.SamplingRatio;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/matters}: the minimal matter of the first slice. */
@Schema(description = "新建抽查事项")
public record NewMatter(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,39}", message = "1–40 letters, digits, '-' or '_'")
        @Schema(description = "事项编码", example = "RS-001") String code,
        @NotBlank @Size(max = 200) @Schema(description = "抽查事项", example = "人力资源服务机构管理检查") String name,
        @NotNull @Schema(description = "事项类别: KEY 重点检查事项 / GENERAL 一般检查事项") MatterCategory category,
        @NotNull @Schema(description = "抽查比例") SamplingRatio ratio) {
}
