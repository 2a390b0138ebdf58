package io.suiji.sampling.matter;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Sampling's local copy of one catalogue matter (抽查事项), as last published by catalog-service. */
@Entity
@Table(name = "matter_view")
public class MatterView extends PanacheEntityBase {

    @Id
    public String code;

    public int version;

    public String status;

    public String name;

    public String category;

    @Column(name = "ratio_percent")
    public BigDecimal ratioPercent;

    @Column(name = "ratio_minimum_count")
    public Integer ratioMinimumCount;

    /** The full MatterState as received, so later features can read fields this slice does not map. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "json")
    public String state;


    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
