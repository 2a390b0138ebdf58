package io.suiji.publication.disclosure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** 抽查结果 — one closed inspection, as enforcement-service reported it, awaiting or in a disclosure. */
@Entity
@Table(name = "result_item")
public class ResultItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "inspection_id")
    public String inspectionId;

    @Column(name = "task_id")
    public String taskId;

    public Integer batch;

    @Column(name = "draw_id")
    public String drawId;

    @Column(name = "case_id")
    public String caseId;

    @Column(name = "entity_id")
    public String entityId;

    @Column(name = "entity_region")
    public String entityRegion;

    @Column(name = "matter_code")
    public String matterCode;

    /** {@link io.suiji.contracts.enforcement.Outcome} name. */
    public String outcome;

    @Column(name = "penalty_decision_number")
    public String penaltyDecisionNumber;

    @Column(name = "penalty_amount")
    public BigDecimal penaltyAmount;

    @Column(name = "penalty_legal_basis")
    public String penaltyLegalBasis;

    @Column(name = "started_on")
    public LocalDate startedOn;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    public String department;

    /** 不宜公开: recorded and counted, never shown publicly. */
    public boolean exempt;

    @Column(name = "exemption_ground")
    public String exemptionGround;

    @Column(name = "exempted_by")
    public String exemptedBy;

    @Column(name = "exempted_at")
    public OffsetDateTime exemptedAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    /** The inspections a disclosure publishes: those of its draw (task ids repeat from plan to plan). */
    public static List<ResultItem> of(Disclosure d) {
        return d.drawId != null
                ? list("drawId = ?1 order by closedOn, inspectionId", d.drawId)
                : list("taskId = ?1 and batch = ?2 and drawId is null order by closedOn, inspectionId", d.taskId, d.batch);
    }

    public static long countOf(Disclosure d) {
        return d.drawId != null ? count("drawId", d.drawId)
                : count("taskId = ?1 and batch = ?2 and drawId is null", d.taskId, d.batch);
    }

    public boolean belongsTo(Disclosure d) {
        return d.drawId != null ? d.drawId.equals(drawId)
                : drawId == null && d.taskId.equals(taskId) && batch != null && batch == d.batch;
    }
}
