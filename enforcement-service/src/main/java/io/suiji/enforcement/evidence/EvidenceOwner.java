package io.suiji.enforcement.evidence;

import java.util.UUID;

/** What evidence files are attached to: a drawn inspection (assignment) or a targeted case. */
public record EvidenceOwner(Kind kind, UUID id) {

    public enum Kind {
        ASSIGNMENT("assignments", ""),
        CASE("cases", "case-");

        private final String path;
        private final String keyPrefix;

        Kind(String path, String keyPrefix) {
            this.path = path;
            this.keyPrefix = keyPrefix;
        }
    }

    public static EvidenceOwner assignment(UUID id) {
        return new EvidenceOwner(Kind.ASSIGNMENT, id);
    }

    public static EvidenceOwner ofCase(UUID id) {
        return new EvidenceOwner(Kind.CASE, id);
    }

    /** Where the file lives in the store; an assignment's files keep the layout they always had. */
    String storageKey(UUID evidenceId) {
        return kind.keyPrefix + id + "/" + evidenceId;
    }

    String href(UUID evidenceId) {
        return "/api/v1/" + kind.path + "/" + id + "/evidence/" + evidenceId;
    }

    static EvidenceOwner of(EvidenceFile file) {
        return file.caseId != null ? ofCase(file.caseId) : assignment(file.assignmentId);
    }
}
