package io.suiji.sampling.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One published version of a plan: version 1 at publication, then one per amendment. Never updated. */
@Entity
@Table(name = "plan_version")
public class PlanVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "plan_id")
    public UUID planId;

    public int version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "json")
    public String content;

    @Column(name = "amendment_note")
    public String amendmentNote;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    public static Optional<PlanVersion> of(UUID planId, int version) {
        return find("planId = ?1 and version = ?2", planId, version).firstResultOptional();
    }
}
