package io.suiji.catalog.matter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/matters/{code}/retire}. */
@Schema(description = "废止抽查事项")
public record Retirement(
        @NotBlank @Size(max = 1000) @Schema(description = "废止原因（必填）", example = "职能划转至市场监管部门") String reason,
        @Schema(description = "自该日起不再实施，默认今天") LocalDate effectiveFrom) {
}
