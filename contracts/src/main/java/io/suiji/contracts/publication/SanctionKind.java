package io.suiji.contracts.publication;

import io.suiji.contracts.enforcement.Outcome;
import java.util.Optional;

/** The three outcomes pushed to other departments for joint punishment (联合惩戒). */
public enum SanctionKind {
    ADMINISTRATIVE_PENALTY("行政处罚"),
    ABNORMAL_OPERATION_LIST("列入经营异常名录"),
    SERIOUS_DISHONESTY_LIST("列入严重违法失信名单");

    private final String label;

    SanctionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The sanction an outcome leads to; empty exactly when {@code !outcome.sanction()}. */
    public static Optional<SanctionKind> of(Outcome outcome) {
        return Optional.ofNullable(switch (outcome) {
            case ADMINISTRATIVE_PENALTY -> ADMINISTRATIVE_PENALTY;
            case ABNORMAL_OPERATION_LISTED -> ABNORMAL_OPERATION_LIST;
            case SERIOUS_DISHONESTY_LISTED -> SERIOUS_DISHONESTY_LIST;
            default -> null;
        });
    }
}
