package io.suiji.enforcement.record;

/** 检查记录（逐项）: one check item's answer and the inspectors' notes. */
public record Finding(FindingResult result, String notes) {
}
