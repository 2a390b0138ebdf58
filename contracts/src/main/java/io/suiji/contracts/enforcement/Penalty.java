package io.suiji.contracts.enforcement;

import java.math.BigDecimal;

/**
 * 行政处罚决定
 *
 * @param decisionNumber 处罚决定书文号
 * @param amount         in yuan; null when the penalty is not a fine
 * @param legalBasis     处罚依据
 */
public record Penalty(String decisionNumber, BigDecimal amount, String legalBasis) {
}
