package io.suiji.sampling.draw;

import io.suiji.contracts.registry.Leave;
import java.util.List;

/**
 * An inspector (执法检查人员) as the draw sees them; the pool of a draw is frozen in this form at
 * commit.
 *
 * @param certified holds a law-enforcement certificate (执法证)
 * @param conflicts ids of the entities the inspector declared a conflict of interest with
 */
public record InspectorFacts(String id, String department, String region, List<String> expertise, String status,
                             boolean certified, List<Leave> leaves, List<String> conflicts) {

    public InspectorFacts {
        expertise = expertise == null ? List.of() : List.copyOf(expertise);
        leaves = leaves == null ? List.of() : List.copyOf(leaves);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
    }
}
