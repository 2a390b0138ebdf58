package io.suiji.enforcement.notice;

import io.suiji.contracts.enforcement.CaseSource;
import io.suiji.enforcement.inspector.InspectorCard;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 检查通知书 of a targeted case (投诉举报、转办交办): there is no draw to verify, so instead of a proof
 * link it names what the visit answers — the source and its reference — and says that a person, not
 * a draw, chose the inspectors, and who ({@link Notice}).
 *
 * @param sourceLabel     投诉举报 / 转办 / 交办
 * @param assignment      always {@code MANUAL}: inspectors assigned by a person (指定), not drawn (随机)
 * @param assignedBy      who assigned them; null when not recorded
 * @param inspectors      the assigned inspectors, in the order they were assigned
 */
public record CaseNotice(
        String kind,
        UUID caseId,
        CaseSource source,
        String sourceLabel,
        String sourceReference,
        String assignment,
        String assignmentLabel,
        String assignedBy,
        String matterCode,
        String entityId,
        LocalDate startedOn,
        List<Inspector> inspectors) implements Notice {

    /** Identifies the payload to whoever scans it; bump the suffix when the shape changes. */
    public static final String KIND = "suiji-case-notice/1";
    public static final String MANUAL = "MANUAL";
    static final String MANUAL_LABEL = "人工指派检查人员（非随机抽取）";

    /** The notice of a started case; {@link Notice.UncertifiedGroup} when an inspector cannot be named on it. */
    public static CaseNotice of(UUID caseId, CaseSource source, String sourceReference, String assignedBy,
                                String matterCode, String entityId, LocalDate startedOn, List<String> group,
                                Map<String, InspectorCard> cards) {
        return new CaseNotice(KIND, caseId, source, source.label(), sourceReference, MANUAL, MANUAL_LABEL, assignedBy,
                matterCode, entityId, startedOn, Notice.certifiedGroup(group, cards));
    }
}
