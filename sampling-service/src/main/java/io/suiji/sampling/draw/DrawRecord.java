package io.suiji.sampling.draw;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One draw (随机抽取): frozen at commit (population, parameters, inspector pool, commitment),
 * completed once with the witness entropy, never re-run. Failed and cancelled draws stay.
 */
@Entity
@Table(name = "draw")
public class DrawRecord extends PanacheEntityBase {

    public static final String COMMITTED = "COMMITTED";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
    public static final String CANCELLED = "CANCELLED";

    @Id
    public UUID id;

    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "plan_version")
    public int planVersion;

    @Column(name = "plan_year")
    public int planYear;

    @Column(name = "task_id")
    public String taskId;

    public int batch;

    @Column(name = "matter_code")
    public String matterCode;

    @Column(name = "matter_version")
    public int matterVersion;

    public String region;

    public String department;

    public String status;

    public String algorithm;

    /** {@link DrawSpec} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "json")
    public String specification;

    /** The {@link InspectorFacts} of the pool as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "inspector_pool", columnDefinition = "json")
    public String inspectorPool;

    /** Reason → count as JSON, in the order the reasons are applied. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "json")
    public String exclusions;

    @Column(name = "population_size")
    public long populationSize;

    @Column(name = "population_digest")
    public String populationDigest;

    public String commitment;

    /** Hex r. Kept secret until the draw runs; never logged. */
    public String secret;

    @Column(name = "entropy_source")
    public String entropySource;

    @Column(name = "witness_entropy")
    public String witnessEntropy;

    public String witness;

    @Column(name = "selection_digest")
    public String selectionDigest;

    @Column(name = "selected_count")
    public Integer selectedCount;

    /** Batch labels in drawn order, as a JSON array; null when the order is not drawn. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "batch_order", columnDefinition = "json")
    public String batchOrder;

    /** The DrawProof JSON exactly as served. */
    public String proof;

    public String failure;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "committed_by")
    public String committedBy;

    @Column(name = "committed_at")
    public OffsetDateTime committedAt;

    @Column(name = "executed_by")
    public String executedBy;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    public boolean live() {
        return COMMITTED.equals(status) || COMPLETED.equals(status);
    }
}
