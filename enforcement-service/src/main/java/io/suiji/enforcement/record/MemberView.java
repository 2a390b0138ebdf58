package io.suiji.enforcement.record;

import java.time.OffsetDateTime;

/** 检查组成员 and whether they confirmed the record as it stands. */
public record MemberView(String inspectorId, boolean confirmed, OffsetDateTime confirmedAt) {
}
