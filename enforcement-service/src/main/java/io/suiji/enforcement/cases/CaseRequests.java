package io.suiji.enforcement.cases;

import io.suiji.contracts.enforcement.CaseSource;
import java.util.List;

/** Request bodies of the targeted-case API; the record itself uses {@link io.suiji.enforcement.record.RecordRequests}. */
public final class CaseRequests {

    private CaseRequests() {
    }

    /**
     * @param sourceReference e.g. the complaint's registration number
     * @param region          the target's 6-digit GB/T 2260 division code; may be left out when the
     *                        registry knows the target, and must then agree with it
     * @param matterCode      the catalogue matter whose current version's check items the case answers
     * @param inspectorIds    chosen by the caller (recorded as a person's assignment, not a draw), ≥ 2
     */
    public record Open(CaseSource source, String sourceReference, String entityId, String region, String matterCode,
                       List<String> inspectorIds) {
    }
}
