package io.suiji.registry.inspector;

import io.suiji.contracts.registry.ConflictDeclaration;
import io.suiji.contracts.registry.InspectorStatus;
import io.suiji.contracts.registry.Leave;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "执法检查人员：登记或更新")
public record InspectorRequest(
        @Schema(description = "姓名", example = "张伟") String name,
        @Schema(description = "执法证号；未取得执法证的不参与抽取", example = "41040020200001") String certificateNumber,
        @Schema(description = "所属科室、单位", example = "劳动保障监察局（支队）") String department,
        @Schema(description = "行政区划代码（市本级为 410400）", example = "410400") String region,
        @Schema(description = "专业领域：事项编码或检查对象类型") List<String> expertise,
        @Schema(description = "ACTIVE（默认）或 ON_LEAVE；退出用 POST …/retire") InspectorStatus status,
        @Schema(description = "请假（起止日期，含当日）") List<Leave> leaves,
        @Schema(description = "利害关系申报：检查对象 id、原因（如原工作单位）、申报日期") List<ConflictDeclaration> conflicts) {

    public InspectorFacts facts() {
        return new InspectorFacts(name, certificateNumber, department, region, expertise, status, leaves, conflicts);
    }
}
