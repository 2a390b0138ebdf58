package io.suiji.registry.inspector;

import io.suiji.contracts.registry.ConflictDeclaration;
import io.suiji.contracts.registry.InspectorStatus;
import io.suiji.contracts.registry.Leave;
import io.suiji.registry.region.Regions;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "执法检查人员")
public record InspectorView(
        String id,
        String name,
        String certificateNumber,
        @Schema(description = "有执法证，可参与抽取") boolean certified,
        String department,
        String region,
        String regionName,
        List<String> expertise,
        InspectorStatus status,
        @Schema(description = "今天是否在请假期内") boolean onLeaveToday,
        List<Leave> leaves,
        List<ConflictDeclaration> conflicts,
        LocalDate retiredOn,
        String retirementReason,
        long version,
        String updatedBy,
        OffsetDateTime updatedAt) {

    public static InspectorView of(InspectorRecord r, LocalDate today) {
        List<Leave> leaves = r.leaveList();
        return new InspectorView(r.id.toString(), r.name, r.certificateNumber, r.certificateNumber != null, r.department,
                r.region, Regions.nameOf(r.region), r.expertise, r.status, InspectorRules.onLeave(leaves, today), leaves,
                r.conflictList(), r.retiredOn, r.retirementReason, r.version, r.updatedBy, r.updatedAt);
    }
}
