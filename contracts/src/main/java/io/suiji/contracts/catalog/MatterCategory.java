package io.suiji.contracts.catalog;

/** 事项类别 */
public enum MatterCategory {
    /** Migrant-worker wages, social insurance, employment: no upper limit on the ratio. */
    KEY("重点检查事项"),
    /** Sampling ratio at least 5 %. */
    GENERAL("一般检查事项");

    private final String label;

    MatterCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
