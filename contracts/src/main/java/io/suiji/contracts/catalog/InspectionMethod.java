package io.suiji.contracts.catalog;

/** 检查方式 */
public enum InspectionMethod {
    ON_SITE("现场检查"),
    DOCUMENT_REVIEW("书面检查"),
    ONLINE_DATA_COMPARISON("网上信息技术比对");

    private final String label;

    InspectionMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
