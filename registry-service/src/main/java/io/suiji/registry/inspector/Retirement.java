package io.suiji.registry.inspector;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "退出执法检查人员名录库")
public record Retirement(
        @Schema(description = "退出日期，默认今天") LocalDate retiredOn,
        @Schema(description = "原因，如“退休”“调离”") String reason) {
}
