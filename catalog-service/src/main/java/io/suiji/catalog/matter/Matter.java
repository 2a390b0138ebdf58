package io.suiji.catalog.matter;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.MatterStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** 抽查事项 — a matter of the catalogue as stored by the catalog service. */
@Entity
@Table(name = "matter")
public class Matter extends PanacheEntityBase {

    @Id
    public String code;

    public int version;

    @Enumerated(EnumType.STRING)
    public MatterStatus status;

    public String name;

    @Enumerated(EnumType.STRING)
    public MatterCategory category;

    @Column(name = "ratio_percent")
    public BigDecimal ratioPercent;

    @Column(name = "ratio_minimum_count")
    public Integer ratioMinimumCount;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
