package io.suiji.enforcement.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 定向检查案件（投诉举报、转办交办）— outside the random draw; its inspectors are chosen by a person. */
@Entity
@Table(name = "targeted_case")
public class TargetedCase extends PanacheEntityBase {

    @Id
    public UUID id;

    public String source;

    @Column(name = "source_reference")
    public String sourceReference;

    @Column(name = "entity_id")
    public String entityId;

    @Column(name = "entity_region")
    public String entityRegion;

    @Column(name = "matter_code")
    public String matterCode;

    /** The matter's version current when the case was opened; null without a matter. */
    @Column(name = "matter_version")
    public Integer matterVersion;

    /** JSON list of that version's check item numbers; null when the case has no matter. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "check_items", columnDefinition = "json")
    public String checkItems;

    public String method;

    /** JSON object: item number → {result, notes}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "json")
    public String findings;

    @Column(name = "inspected_on")
    public LocalDate inspectedOn;

    @Column(name = "concluded_on")
    public LocalDate concludedOn;

    /** JSON object: inspector id → when they confirmed the record as it stands (absent: not yet). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "json")
    public String confirmations;

    public String department;

    /** JSON list of the inspectors' user names. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "inspector_ids", columnDefinition = "json")
    public String inspectorIds;

    @Column(name = "assigned_by")
    public String assignedBy;

    public String status;

    @Column(name = "opened_on")
    public LocalDate openedOn;

    /** The inspector who started the inspection (开始检查); null before the start, or when not recorded. */
    @Column(name = "started_by")
    public String startedBy;

    /** The day the inspection started, then its date of record once findings give one; null before the start. */
    @Column(name = "started_on")
    public LocalDate startedOn;

    public String outcome;

    @Column(name = "penalty_decision_number")
    public String penaltyDecisionNumber;

    @Column(name = "penalty_amount")
    public BigDecimal penaltyAmount;

    @Column(name = "penalty_legal_basis")
    public String penaltyLegalBasis;

    @Column(name = "outcome_notes")
    public String outcomeNotes;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Version
    public int version;
}
