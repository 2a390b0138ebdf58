package io.suiji.publication.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** 检查对象 — the name and code of a registry entity, as last reported by registry-service. */
@Entity
@Table(name = "entity_view")
public class EntityName extends PanacheEntityBase {

    @Id
    public String id;

    public String code;

    /** {@link io.suiji.contracts.registry.CodeKind} name; RESIDENT_ID_HASH marks a natural person. */
    @Column(name = "code_kind")
    public String codeKind;

    public String name;

    public String region;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public boolean naturalPerson() {
        return "RESIDENT_ID_HASH".equals(codeKind);
    }
}
