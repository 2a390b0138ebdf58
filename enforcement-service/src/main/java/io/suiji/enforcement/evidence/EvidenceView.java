package io.suiji.enforcement.evidence;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An evidence file as the API lists it; the bytes are at {@code href}. One of {@code assignmentId}
 * and {@code caseId} is set.
 */
public record EvidenceView(UUID id, UUID assignmentId, UUID caseId, String filename, String contentType, long size,
                           String sha256, String uploadedBy, OffsetDateTime uploadedAt, String href) {

    static EvidenceView of(EvidenceFile f) {
        return new EvidenceView(f.id, f.assignmentId, f.caseId, f.filename, f.contentType, f.size, f.sha256,
                f.uploadedBy, f.uploadedAt, EvidenceOwner.of(f).href(f.id));
    }
}
