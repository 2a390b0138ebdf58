package io.suiji.contracts.catalog;

/**
 * 抽查频次: "2次/年" is {@code (2, false)}; "根据工作需要或1次/年" is {@code (1, true)}.
 */
public record Frequency(int timesPerYear, boolean asNeeded) {
}
