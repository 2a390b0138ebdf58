package io.suiji.registry.entity;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "注销登记")
public record Deregistration(
        @Schema(description = "注销日期，默认今天") LocalDate deregisteredOn,
        @Schema(description = "原因，如“已注销营业执照”") String reason) {
}
