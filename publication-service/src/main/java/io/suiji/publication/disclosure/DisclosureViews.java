package io.suiji.publication.disclosure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** JSON shapes of the disclosures API. */
public final class DisclosureViews {

    private DisclosureViews() {
    }

    public record DisclosureSummary(UUID id, String taskId, int batch, String drawId, String region, String department,
                                    long assignmentCount, LocalDate completedOn, LocalDate dueDate,
                                    boolean dueProvisional, String status, OffsetDateTime publishedAt,
                                    Boolean onTime, Integer itemCount, Integer exemptCount) {

        static DisclosureSummary of(Disclosure d) {
            return new DisclosureSummary(d.id, d.taskId, d.batch, d.drawId, d.region, d.department, d.assignmentCount,
                    d.completedOn, d.dueDate, d.dueProvisional, d.status, d.publishedAt, d.onTime, d.itemCount,
                    d.exemptCount);
        }
    }

    public record DisclosureDetail(DisclosureSummary disclosure, List<ItemView> items) {
    }

    public record ItemView(UUID id, String inspectionId, String entityId, String entityRegion, String matterCode,
                           String outcome, String outcomeLabel, PenaltyView penalty, LocalDate startedOn,
                           LocalDate closedOn, String department, boolean exempt, String exemptionGround,
                           String exemptedBy, OffsetDateTime exemptedAt, OffsetDateTime publishedAt) {

        static ItemView of(ResultItem i) {
            PenaltyView penalty = i.penaltyDecisionNumber == null && i.penaltyAmount == null && i.penaltyLegalBasis == null
                    ? null : new PenaltyView(i.penaltyDecisionNumber, i.penaltyAmount, i.penaltyLegalBasis);
            return new ItemView(i.id, i.inspectionId, i.entityId, i.entityRegion, i.matterCode, i.outcome,
                    io.suiji.contracts.enforcement.Outcome.valueOf(i.outcome).label(), penalty, i.startedOn,
                    i.closedOn, i.department, i.exempt, i.exemptionGround, i.exemptedBy, i.exemptedAt, i.publishedAt);
        }
    }

    public record PenaltyView(String decisionNumber, BigDecimal amount, String legalBasis) {
    }

    /** Body of {@code PUT …/items/{itemId}/exemption}. */
    public record ExemptionRequest(Boolean exempt, String legalGround) {
    }
}
