package io.suiji.enforcement.record;

/** 检查结果（逐项）: the answer to one check item. */
public enum FindingResult {
    COMPLIANT("符合"),
    NON_COMPLIANT("不符合"),
    NOT_APPLICABLE("不适用");

    private final String label;

    FindingResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
