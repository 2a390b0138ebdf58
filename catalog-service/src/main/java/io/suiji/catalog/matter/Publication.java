package io.suiji.catalog.matter;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of {@code POST /api/v1/matters/{code}/publish}. */
@Schema(description = "发布草稿")
public record Publication(@Schema(description = "生效日期，默认今天", example = "2025-01-01") LocalDate effectiveFrom) {
}
