package io.suiji.registry.inspector;

import io.suiji.contracts.registry.ConflictDeclaration;
import io.suiji.contracts.registry.InspectorStatus;
import io.suiji.contracts.registry.Leave;
import java.util.List;

/** What is recorded about an 执法检查人员, apart from its id and retirement. */
public record InspectorFacts(
        String name,
        String certificateNumber,
        String department,
        String region,
        List<String> expertise,
        InspectorStatus status,
        List<Leave> leaves,
        List<ConflictDeclaration> conflicts) {

    public InspectorFacts {
        expertise = expertise == null ? List.of() : List.copyOf(expertise);
        leaves = leaves == null ? List.of() : List.copyOf(leaves);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
    }
}
