package io.suiji.registry.inspector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.registry.ConflictDeclaration;
import io.suiji.contracts.registry.InspectorState;
import io.suiji.contracts.registry.InspectorStatus;
import io.suiji.contracts.registry.Leave;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code inspector}: one 执法检查人员 with leaves and conflict declarations. */
@Entity
@Table(name = "inspector")
public class InspectorRecord extends PanacheEntityBase {

    private static final TypeReference<List<Leave>> LEAVES = new TypeReference<>() {
    };
    private static final TypeReference<List<ConflictDeclaration>> CONFLICTS = new TypeReference<>() {
    };

    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    public String name;

    @Column(name = "certificate_number")
    public String certificateNumber;

    public String department;

    public String region;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "expertise", columnDefinition = "text[]")
    public List<String> expertise;

    @Enumerated(EnumType.STRING)
    public InspectorStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "leaves", columnDefinition = "jsonb")
    public String leaves;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "conflicts", columnDefinition = "jsonb")
    public String conflicts;

    @Column(name = "retired_on")
    public LocalDate retiredOn;

    @Column(name = "retirement_reason")
    public String retirementReason;

    @Version
    public long version;

    @Column(name = "import_job")
    public UUID importJob;

    @Column(name = "import_row")
    public Long importRow;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public void apply(InspectorFacts facts) {
        name = facts.name();
        certificateNumber = facts.certificateNumber();
        department = facts.department();
        region = facts.region();
        expertise = facts.expertise();
        status = facts.status();
        leaves = json(facts.leaves());
        conflicts = json(facts.conflicts());
    }

    public List<Leave> leaveList() {
        return read(leaves, LEAVES);
    }

    public List<ConflictDeclaration> conflictList() {
        return read(conflicts, CONFLICTS);
    }

    public InspectorFacts facts() {
        return new InspectorFacts(name, certificateNumber, department, region, expertise, status, leaveList(), conflictList());
    }

    public InspectorState state() {
        return new InspectorState(id.toString(), name, certificateNumber, department, region, expertise, status,
                leaveList(), conflictList());
    }

    static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> read(String json, TypeReference<List<T>> type) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("inspector column is not the expected JSON: " + json, e);
        }
    }
}
