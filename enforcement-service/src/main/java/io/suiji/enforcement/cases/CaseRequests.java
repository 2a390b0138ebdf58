package io.suiji.enforcement.cases;

import io.suiji.contracts.enforcement.CaseSource;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.enforcement.Penalty;
import java.util.List;

/** Request bodies of the targeted-case API. */
public final class CaseRequests {

    private CaseRequests() {
    }

    /**
     * @param sourceReference e.g. the complaint's registration number
     * @param region          the target's 6-digit GB/T 2260 division code
     * @param inspectorIds    chosen by the caller (recorded as a person's assignment, not a draw), ≥ 2
     */
    public record Open(CaseSource source, String sourceReference, String entityId, String region, String matterCode,
                       List<String> inspectorIds) {
    }

    public record Close(Outcome outcome, Penalty penalty, String notes) {
    }
}
