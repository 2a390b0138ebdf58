package io.suiji.contracts.enforcement;

/** 案件来源 */
public enum CaseSource {
    COMPLAINT("投诉举报"),
    REFERRAL("转办"),
    TRANSFER("交办");

    private final String label;

    CaseSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
