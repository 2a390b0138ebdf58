package io.suiji.enforcement.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.suiji.contracts.EventJson;
import io.suiji.enforcement.inspector.InspectorCard;
import io.suiji.platform.problem.Problem.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 检查通知书 — what the inspectors show the target at the door (亮码检查): which draw sent them
 * (the public proof anyone can re-compute), for which matter, and who they are with their
 * law-enforcement certificate numbers (执法证号), so that the target can tell a genuine visit.
 * Its QR code carries {@link #payload()}, this record as compact JSON.
 *
 * @param proofUrl   sampling-service's public draw proof
 * @param inspectors the group, in group order
 */
public record InspectionNotice(
        String kind,
        UUID assignmentId,
        String drawId,
        String proofUrl,
        String taskId,
        String matterCode,
        String entityId,
        LocalDate startedOn,
        List<Inspector> inspectors) {

    /** Identifies the payload to whoever scans it; bump the suffix when the shape changes. */
    public static final String KIND = "suiji-inspection-notice/1";

    /** 检查人员: registry id, name and 执法证号. */
    public record Inspector(String id, String name, String certificateNumber) {
    }

    /**
     * The notice of a started inspection, or the members who cannot be named on it: every member
     * must be known to the registry with a certificate number, because a notice that cannot show
     * one is exactly what the target is told to distrust.
     *
     * @param group members' registry ids, in group order
     * @param cards what the registry says of them (unknown ids absent)
     */
    public static InspectionNotice of(UUID assignmentId, String drawId, String proofBaseUrl, String taskId,
                                      String matterCode, String entityId, LocalDate startedOn, List<String> group,
                                      Map<String, InspectorCard> cards) {
        List<FieldError> missing = missingCertificates(group, cards);
        if (!missing.isEmpty()) {
            throw new UncertifiedGroup(missing);
        }
        List<Inspector> inspectors = group.stream()
                .map(id -> new Inspector(id, cards.get(id).name(), cards.get(id).certificateNumber().strip())).toList();
        return new InspectionNotice(KIND, assignmentId, drawId, proofUrl(proofBaseUrl, drawId), taskId, matterCode,
                entityId, startedOn, inspectors);
    }

    /** One error per member the registry does not know, or knows without a certificate number. */
    public static List<FieldError> missingCertificates(List<String> group, Map<String, InspectorCard> cards) {
        List<FieldError> errors = new ArrayList<>();
        for (String id : group) {
            InspectorCard card = cards.get(id);
            if (card == null) {
                errors.add(new FieldError("group." + id, "is not (yet) known from the inspector registry"));
            } else if (!card.certified()) {
                errors.add(new FieldError("group." + id + ".certificateNumber",
                        "the inspector registry records no law-enforcement certificate number (执法证号)"));
            }
        }
        return errors;
    }

    /** sampling-service's public proof of the draw; a trailing slash of the base is tolerated. */
    public static String proofUrl(String baseUrl, String drawId) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + "/api/v1/draws/" + drawId + "/proof";
    }

    /** What the QR code encodes: this notice as compact JSON (UTF-8). */
    public String payload() {
        try {
            return EventJson.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Members without a known certificate: no notice can be issued for the group as it stands. */
    public static final class UncertifiedGroup extends RuntimeException {

        private final transient List<FieldError> errors;

        UncertifiedGroup(List<FieldError> errors) {
            super(errors.size() + " member(s) of the group have no known law-enforcement certificate");
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }
}
