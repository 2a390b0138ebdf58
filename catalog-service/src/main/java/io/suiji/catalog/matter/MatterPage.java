package io.suiji.catalog.matter;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of search results. */
@Schema(description = "分页结果")
public record MatterPage(
        @Schema(description = "本页事项") List<MatterView> items,
        @Schema(description = "页码，从0开始") int page,
        @Schema(description = "每页条数") int size,
        @Schema(description = "符合条件的事项总数") long total) {
}
