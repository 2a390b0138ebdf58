package io.suiji.contracts.publication;

import io.suiji.contracts.SuijiEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * 失信惩戒信息已推送 — what other agencies consume from {@code publication.sanctions} for joint
 * punishment (联合惩戒).
 *
 * @param entityCode     统一社会信用代码 or other registry code; for natural persons a keyed hash
 * @param decisionNumber 决定书文号
 * @param amount         fine in yuan; null unless a fine was imposed
 * @param region         6-digit GB/T 2260 division code
 */
public record SanctionPushed(
        String sanctionId,
        String inspectionId,
        String entityId,
        String entityCode,
        String entityName,
        SanctionKind kind,
        String decisionNumber,
        BigDecimal amount,
        String legalBasis,
        LocalDate decidedOn,
        Instant pushedAt,
        String region) implements SuijiEvent {

    @Override
    public String aggregateId() {
        return sanctionId;
    }
}
