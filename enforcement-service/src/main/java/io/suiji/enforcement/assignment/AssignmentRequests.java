package io.suiji.enforcement.assignment;

import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.enforcement.Penalty;
import java.util.Map;

/** Request bodies of the inspectors' API. */
public final class AssignmentRequests {

    private AssignmentRequests() {
    }

    /** 检查记录: the method used and the answer per check item (keyed by item number). */
    public record Findings(InspectionMethod method, Map<String, Finding> findings) {
    }

    /** 检查结果: one of the ten outcomes; 行政处罚 with its decision. */
    public record OutcomeRecord(Outcome outcome, Penalty penalty, String notes) {
    }
}
