package io.suiji.publication.disclosure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 联合惩戒推送 — a sanction pushed on {@code publication.sanctions}; one per inspection. */
@Entity
@Table(name = "sanction_push")
public class SanctionPush extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "inspection_id")
    public String inspectionId;

    @Column(name = "disclosure_id")
    public UUID disclosureId;

    /** {@link io.suiji.contracts.publication.SanctionKind} name. */
    public String kind;

    @Column(name = "pushed_at")
    public OffsetDateTime pushedAt;
}
