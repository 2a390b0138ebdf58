package io.suiji.enforcement.record;

import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.enforcement.Penalty;
import java.time.LocalDate;
import java.util.Map;

/** Request bodies of the inspectors' record, the same for an assignment and a case. */
public final class RecordRequests {

    private RecordRequests() {
    }

    /**
     * 检查记录: the method used and the answer per check item (keyed by item number).
     *
     * @param inspectedOn 检查日期 when the record is entered after the inspection; null = today
     */
    public record Findings(InspectionMethod method, Map<String, Finding> findings, LocalDate inspectedOn) {
        public Findings(InspectionMethod method, Map<String, Finding> findings) {
            this(method, findings, null);
        }
    }

    /**
     * 检查结果: one of the ten outcomes; 行政处罚 with its decision.
     *
     * @param concludedOn 结论日期 when the record is entered after the fact; null = the day it closes
     */
    public record OutcomeRecord(Outcome outcome, Penalty penalty, String notes, LocalDate concludedOn) {
        public OutcomeRecord(Outcome outcome, Penalty penalty, String notes) {
            this(outcome, penalty, notes, null);
        }
    }
}
