package io.suiji.catalog.matter;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A matter's identity: its code. Locked while a new version is written, so versions never race. */
@Entity
@Table(name = "matter")
public class MatterEntity extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
