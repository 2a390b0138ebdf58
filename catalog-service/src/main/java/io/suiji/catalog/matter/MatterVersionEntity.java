package io.suiji.catalog.matter;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.suiji.contracts.catalog.Frequency;
import io.suiji.contracts.catalog.ImplementingLevel;
import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.MatterStatus;
import io.suiji.contracts.catalog.SamplingRatio;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code matter_version}; {@link #toDomain()} and {@link #fill} translate to the pure model. */
@Entity
@Table(name = "matter_version")
public class MatterVersionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    public int version;

    @Enumerated(EnumType.STRING)
    public MatterStatus status;

    @Column(name = "display_order")
    public Integer displayOrder;

    public String name;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "legal_bases", columnDefinition = "text[]")
    public List<String> legalBases;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_types", columnDefinition = "text[]")
    public List<String> targetTypes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "check_items", columnDefinition = "text[]")
    public List<String> checkItems;

    @Enumerated(EnumType.STRING)
    public MatterCategory category;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "methods", columnDefinition = "text[]")
    public List<String> methods;

    @Column(name = "ratio_percent")
    public BigDecimal ratioPercent;

    @Column(name = "ratio_minimum_count")
    public Integer ratioMinimumCount;

    @Column(name = "frequency_times_per_year")
    public Integer frequencyTimesPerYear;

    @Column(name = "frequency_as_needed")
    public Boolean frequencyAsNeeded;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "levels", columnDefinition = "text[]")
    public List<String> levels;

    @Column(name = "implementing_body")
    public String implementingBody;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "responsible_units", columnDefinition = "text[]")
    public List<String> responsibleUnits;

    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Column(name = "source_document")
    public String sourceDocument;

    @Column(name = "change_note")
    public String changeNote;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    /** Every version of every matter, by code and version. */
    static List<MatterVersionEntity> catalogue() {
        return list("order by code, version");
    }

    static List<MatterVersionEntity> of(String code) {
        return list("code = ?1 order by version", code);
    }

    MatterVersion toDomain() {
        SamplingRatio ratio = ratioPercent == null && ratioMinimumCount == null
                ? null : new SamplingRatio(ratioPercent, ratioMinimumCount);
        Frequency frequency = frequencyTimesPerYear == null
                ? null : new Frequency(frequencyTimesPerYear, Boolean.TRUE.equals(frequencyAsNeeded));
        MatterContent content = new MatterContent(displayOrder, name, legalBases, targetTypes, checkItems, category,
                methods.stream().map(InspectionMethod::valueOf).toList(), ratio, frequency,
                levels.stream().map(ImplementingLevel::valueOf).toList(), implementingBody, responsibleUnits);
        return new MatterVersion(code, version, status, effectiveFrom, content, sourceDocument, changeNote, recordedAt);
    }

    void fill(MatterContent c) {
        displayOrder = c.displayOrder();
        name = c.name();
        legalBases = c.legalBases();
        targetTypes = c.targetTypes();
        checkItems = c.checkItems();
        category = c.category();
        methods = c.methods().stream().map(Enum::name).toList();
        ratioPercent = c.ratio() == null ? null : c.ratio().percent();
        ratioMinimumCount = c.ratio() == null ? null : c.ratio().minimumCount();
        frequencyTimesPerYear = c.frequency() == null ? null : c.frequency().timesPerYear();
        frequencyAsNeeded = c.frequency() == null ? null : c.frequency().asNeeded();
        levels = c.levels().stream().map(Enum::name).toList();
        implementingBody = c.implementingBody();
        responsibleUnits = c.responsibleUnits();
    }
}
