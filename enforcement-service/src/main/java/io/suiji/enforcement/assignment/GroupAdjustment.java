package io.suiji.enforcement.assignment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * 调整执法人员 as enforcement received it: an approved change of one assignment's group, and whether
 * it was applied or came too late. Written once per adjustment; never changed.
 */
@Entity
@Table(name = "group_adjustment")
public class GroupAdjustment extends PanacheEntityBase {

    @Id
    @Column(name = "adjustment_id")
    public String adjustmentId;

    @Column(name = "assignment_id")
    public UUID assignmentId;

    @Column(name = "draw_id")
    public String drawId;

    public int ordinal;

    @Enumerated(EnumType.STRING)
    public AdjustmentRules.AdjustmentOutcome outcome;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "previous_inspector_ids", columnDefinition = "json")
    public String previousInspectorIds;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "inspector_ids", columnDefinition = "json")
    public String inspectorIds;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "replaced_inspector_ids", columnDefinition = "json")
    public String replacedInspectorIds;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "replacing_inspector_ids", columnDefinition = "json")
    public String replacingInspectorIds;

    public String reason;

    @Column(name = "proposed_by")
    public String proposedBy;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
}
