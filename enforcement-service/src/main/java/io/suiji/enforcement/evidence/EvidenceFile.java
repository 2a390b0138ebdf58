package io.suiji.enforcement.evidence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 证据材料 — one file attached to an assignment or a case, with the SHA-256 it had when it arrived. */
@Entity
@Table(name = "evidence_file")
public class EvidenceFile extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Set for an assignment's file; null for a case's. */
    @Column(name = "assignment_id")
    public UUID assignmentId;

    /** Set for a case's file; null for an assignment's. */
    @Column(name = "case_id")
    public UUID caseId;

    public String filename;

    @Column(name = "content_type")
    public String contentType;

    public long size;

    public String sha256;

    @Column(name = "storage_key")
    public String storageKey;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    @Column(name = "uploaded_at")
    public OffsetDateTime uploadedAt;
}
