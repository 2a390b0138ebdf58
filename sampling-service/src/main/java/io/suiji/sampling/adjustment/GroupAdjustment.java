package io.suiji.sampling.adjustment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * 调整执法人员 — a manual change to the inspector group of one drawn target: proposed with a reason,
 * decided once by a second person with the supervisor role, never deleted. The drawn group is not
 * touched; the effective group is the last approved adjustment's.
 */
@Entity
@Table(name = "group_adjustment")
// Only the decision columns change, once; the table's trigger refuses anything else.
@DynamicUpdate
public class GroupAdjustment extends PanacheEntityBase {

    public static final String PROPOSED = "PROPOSED";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    @Id
    public UUID id;

    @Column(name = "draw_id")
    public UUID drawId;

    public int ordinal;

    @Column(name = "entity_id")
    public String entityId;

    public String status;

    /** JSON list of inspector ids: the group when the adjustment was proposed. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "group_before", columnDefinition = "json")
    public String groupBefore;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "group_after", columnDefinition = "json")
    public String groupAfter;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "replaced_inspector_ids", columnDefinition = "json")
    public String replacedInspectorIds;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "replacing_inspector_ids", columnDefinition = "json")
    public String replacingInspectorIds;

    public String reason;

    @Column(name = "proposed_by")
    public String proposedBy;

    @Column(name = "proposed_at")
    public OffsetDateTime proposedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "decision_note")
    public String decisionNote;
}
