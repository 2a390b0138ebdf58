package io.suiji.registry.inspector;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "一页执法检查人员（按登记顺序）")
public record InspectorPage(
        List<InspectorView> items,
        @Schema(description = "下一页的游标（作为 after 传入）；最后一页为空") String next,
        int size) {
}
