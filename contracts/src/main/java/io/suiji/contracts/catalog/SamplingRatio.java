package io.suiji.contracts.catalog;

import java.math.BigDecimal;

/**
 * 抽查比例: a percentage, an absolute minimum ("至少200人"), or both. Either part may be absent.
 *
 * @param percent      0–100, e.g. {@code 5} for 5 %
 * @param minimumCount at least this many targets per draw
 */
public record SamplingRatio(BigDecimal percent, Integer minimumCount) {
}
