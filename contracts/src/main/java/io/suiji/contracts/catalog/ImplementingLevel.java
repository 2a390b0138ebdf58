package io.suiji.contracts.catalog;

/** 实施层级 */
public enum ImplementingLevel {
    CITY("市级"),
    COUNTY("县级");

    private final String label;

    ImplementingLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
