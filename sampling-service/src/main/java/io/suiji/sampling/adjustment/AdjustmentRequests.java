package io.suiji.sampling.adjustment;

import java.util.List;

/** Request bodies of the adjustment API. */
public final class AdjustmentRequests {

    private AdjustmentRequests() {
    }

    /**
     * Propose a change to one selection's group.
     *
     * @param replacedInspectorIds  registry ids of the inspectors who leave the group
     * @param replacingInspectorIds registry ids of those who join it
     * @param reason                调整原因, required, published with the adjustment
     */
    public record Propose(List<String> replacedInspectorIds, List<String> replacingInspectorIds, String reason) {
    }

    /** Approve (note optional) or reject (note required: the proposer and auditors learn why). */
    public record Decide(String note) {
    }
}
