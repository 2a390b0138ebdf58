package io.suiji.registry.entity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.registry.CodeKind;
import io.suiji.contracts.registry.CreditClass;
import io.suiji.contracts.registry.EntityState;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code target_entity}: one 检查对象 of the registry. */
@Entity
@Table(name = "target_entity")
public class EntityRecord extends PanacheEntityBase {

    private static final TypeReference<TreeMap<String, LocalDate>> DATES_BY_MATTER = new TypeReference<>() {
    };

    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    public String code;

    @Enumerated(EnumType.STRING)
    @Column(name = "code_kind")
    public CodeKind codeKind;

    @Column(name = "resident_id_sealed")
    public byte[] residentIdSealed;

    @Column(name = "resident_id_masked")
    public String residentIdMasked;

    public String name;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_types", columnDefinition = "text[]")
    public List<String> targetTypes;

    public String region;

    public String address;

    @Enumerated(EnumType.STRING)
    @Column(name = "credit_class")
    public CreditClass creditClass;

    @Column(name = "credit_class_date")
    public LocalDate creditClassDate;

    @Column(name = "complaints_last_12_months")
    public int complaintsLast12Months;

    @Column(name = "serious_violation")
    public boolean seriousViolation;

    @Column(name = "abnormal_operation")
    public boolean abnormalOperation;

    public boolean insured;

    @Column(name = "registered_on")
    public LocalDate registeredOn;

    @Column(name = "deregistered_on")
    public LocalDate deregisteredOn;

    @Column(name = "deregistration_reason")
    public String deregistrationReason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "last_inspected_by_matter", columnDefinition = "jsonb")
    public String lastInspectedByMatter;

    @Column(name = "inspections_this_year")
    public int inspectionsThisYear;

    @Column(name = "inspections_year")
    public int inspectionsYear;

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

    public static EntityRecord findByCode(String code) {
        return find("code", code).firstResult();
    }

    public void apply(EntityFacts facts) {
        name = facts.name();
        targetTypes = facts.targetTypes();
        region = facts.region();
        address = facts.address();
        creditClass = facts.creditClass();
        creditClassDate = facts.creditClassDate();
        complaintsLast12Months = facts.complaintsLast12Months();
        seriousViolation = facts.seriousViolation();
        abnormalOperation = facts.abnormalOperation();
        insured = facts.insured();
        registeredOn = facts.registeredOn();
    }

    public TreeMap<String, LocalDate> lastInspections() {
        return parseDates(lastInspectedByMatter);
    }

    public void lastInspections(Map<String, LocalDate> dates) {
        lastInspectedByMatter = datesJson(dates);
    }

    /** The full state, as events carry it: never the clear ID number. */
    public EntityState state() {
        return new EntityState(id.toString(), code, codeKind, name, targetTypes, region, address, creditClass,
                creditClassDate, complaintsLast12Months, seriousViolation, abnormalOperation, insured, registeredOn,
                deregisteredOn, lastInspections(), inspectionsThisYear, inspectionsYear);
    }

    public static TreeMap<String, LocalDate> parseDates(String json) {
        if (json == null || json.isBlank()) {
            return new TreeMap<>();
        }
        try {
            return EventJson.mapper().readValue(json, DATES_BY_MATTER);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("last_inspected_by_matter is not a map of dates: " + json, e);
        }
    }

    public static String datesJson(Map<String, LocalDate> dates) {
        try {
            return EventJson.mapper().writeValueAsString(new TreeMap<>(dates));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
