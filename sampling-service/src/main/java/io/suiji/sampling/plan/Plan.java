package io.suiji.sampling.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 年度抽查计划: its header, and its content while it is a draft. Published content is in {@link PlanVersion}. */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    public static final String DRAFT = "DRAFT";
    public static final String PUBLISHED = "PUBLISHED";

    @Id
    public UUID id;

    public int year;

    public String title;

    public String department;

    public String region;

    public String status;

    /** PlanContent JSON while DRAFT; null once published. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "json")
    public String draft;

    @Column(name = "published_version")
    public int publishedVersion;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
