package io.suiji.contracts.registry;

import io.suiji.contracts.Copies;
import java.util.List;

/**
 * 执法检查人员 — the full state of an inspector of the registry (名录库). Registry events carry it
 * whole because {@code registry.inspectors} is compacted.
 *
 * @param certificateNumber 执法证号; null until issued
 * @param region            6-digit GB/T 2260 division code
 * @param expertise         专业领域, matched against the matter when groups are drawn
 */
public record InspectorState(
        String id,
        String name,
        String certificateNumber,
        String department,
        String region,
        List<String> expertise,
        InspectorStatus status,
        List<Leave> leaves,
        List<ConflictDeclaration> conflicts) {

    public InspectorState {
        expertise = Copies.list(expertise);
        leaves = Copies.list(leaves);
        conflicts = Copies.list(conflicts);
    }
}
