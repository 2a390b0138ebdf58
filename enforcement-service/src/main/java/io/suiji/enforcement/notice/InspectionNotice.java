package io.suiji.enforcement.notice;

import io.suiji.enforcement.inspector.InspectorCard;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 检查通知书 of a drawn inspection: which draw sent the inspectors (the public proof anyone can
 * re-compute), for which matter, and who they are ({@link Notice}).
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
        List<Inspector> inspectors) implements Notice {

    /** Identifies the payload to whoever scans it; bump the suffix when the shape changes. */
    public static final String KIND = "suiji-inspection-notice/1";

    /**
     * The notice of a started inspection; {@link Notice.UncertifiedGroup} when a member cannot be
     * named on it.
     *
     * @param group members' registry ids, in group order
     * @param cards what the registry says of them (unknown ids absent)
     */
    public static InspectionNotice of(UUID assignmentId, String drawId, String proofBaseUrl, String taskId,
                                      String matterCode, String entityId, LocalDate startedOn, List<String> group,
                                      Map<String, InspectorCard> cards) {
        return new InspectionNotice(KIND, assignmentId, drawId, proofUrl(proofBaseUrl, drawId), taskId, matterCode,
                entityId, startedOn, Notice.certifiedGroup(group, cards));
    }

    /** sampling-service's public proof of the draw; a trailing slash of the base is tolerated. */
    public static String proofUrl(String baseUrl, String drawId) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + "/api/v1/draws/" + drawId + "/proof";
    }
}
