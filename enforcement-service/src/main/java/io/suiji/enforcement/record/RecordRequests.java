package io.suiji.enforcement.record;

import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.enforcement.Penalty;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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

    /**
     * 检查记录与结果一次提交: findings and outcome together, optionally with the sender's own confirmation
     * ({@code confirm}), as a device that recorded the visit offline sends them.
     */
    public record Submission(InspectionMethod method, Map<String, Finding> findings, LocalDate inspectedOn,
                             Outcome outcome, Penalty penalty, String notes, LocalDate concludedOn, boolean confirm) {

        static final Submission NOTHING = new Submission(null, null, null, null, null, null, null, false);

        /** The record of this submission applied to {@code record}, confirmed by {@code sender} if asked. */
        public InspectionRecord applyTo(InspectionRecord record, String sender, LocalDate today, OffsetDateTime now) {
            InspectionRecord recorded = record.withRecord(method, findings, inspectedOn, outcome, penalty, notes,
                    concludedOn, today);
            return confirm ? recorded.confirmedBy(sender, now) : recorded;
        }

        public static Submission orNothing(Submission submission) {
            return submission == null ? NOTHING : submission;
        }
    }
}
