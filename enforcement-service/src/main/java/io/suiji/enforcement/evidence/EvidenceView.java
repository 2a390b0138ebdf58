package io.suiji.enforcement.evidence;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An evidence file as the API lists it; the bytes are at {@code href}. */
public record EvidenceView(UUID id, UUID assignmentId, String filename, String contentType, long size, String sha256,
                           String uploadedBy, OffsetDateTime uploadedAt, String href) {

    static EvidenceView of(EvidenceFile f) {
        return new EvidenceView(f.id, f.assignmentId, f.filename, f.contentType, f.size, f.sha256, f.uploadedBy,
                f.uploadedAt, "/api/v1/assignments/" + f.assignmentId + "/evidence/" + f.id);
    }
}
