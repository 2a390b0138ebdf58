package io.suiji.contracts.enforcement;

/** 检查结果 — the ten outcomes a published result may state. */
public enum Outcome {
    NO_PROBLEM("未发现问题", false),
    ORDERED_TO_CORRECT("发现问题已责令改正", false),
    CORRECTED("发现问题已整改", false),
    ADMINISTRATIVE_PENALTY("行政处罚", true),
    ABNORMAL_OPERATION_LISTED("列入经营异常名录", true),
    SERIOUS_DISHONESTY_LISTED("列入严重违法失信名单", true),
    UNREACHABLE_AT_REGISTERED_ADDRESS("通过登记的住所（经营场所）无法联系", false),
    REFUSED_INSPECTION("不配合检查情节严重", false),
    NO_RELEVANT_ACTIVITY("未发现开展本次抽查涉及的经营活动", false),
    REFERRED("移送其他部门处理", false);

    private final String label;
    private final boolean sanction;

    Outcome(String label, boolean sanction) {
        this.label = label;
        this.sanction = sanction;
    }

    public String label() {
        return label;
    }

    /** Whether the outcome is pushed to other departments for joint punishment (联合惩戒). */
    public boolean sanction() {
        return sanction;
    }
}
