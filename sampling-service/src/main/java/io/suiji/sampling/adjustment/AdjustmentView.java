package io.suiji.sampling.adjustment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An adjustment as published: which selection, the group before and after, why, who proposed and
 * who decided it, and when. {@code drawnInspectorIds} is the group the draw produced (as in the
 * proof), so a reader sees both the random result and the change.
 */
public record AdjustmentView(UUID id, UUID drawId, int ordinal, String entityId, String status,
                             List<String> drawnInspectorIds, List<String> groupBefore, List<String> groupAfter,
                             List<String> replacedInspectorIds, List<String> replacingInspectorIds, String reason,
                             String proposedBy, OffsetDateTime proposedAt, String decidedBy, OffsetDateTime decidedAt,
                             String decisionNote) {
}
