package io.suiji.registry.importing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code import_job}. The runner updates progress with plain JDBC; the API reads it through here. */
@Entity
@Table(name = "import_job")
public class ImportJobRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Enumerated(EnumType.STRING)
    public ImportKind kind;

    @Enumerated(EnumType.STRING)
    public ImportMode mode;

    @Enumerated(EnumType.STRING)
    public ImportStatus status;

    @Column(name = "file_name")
    public String fileName;

    @Enumerated(EnumType.STRING)
    public ImportFormat format;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "headers", columnDefinition = "text[]")
    public List<String> headers;

    @Column(name = "bytes_total")
    public long bytesTotal;

    @Column(name = "bytes_read")
    public long bytesRead;

    @Column(name = "rows_read")
    public long rowsRead;

    @Column(name = "rows_accepted")
    public long rowsAccepted;

    @Column(name = "rows_rejected")
    public long rowsRejected;

    @Column(name = "rows_created")
    public long rowsCreated;

    @Column(name = "rows_updated")
    public long rowsUpdated;

    @Column(name = "rows_unchanged")
    public long rowsUnchanged;

    public boolean applied;

    public String message;

    @Column(name = "scope_region")
    public String scopeRegion;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
}
