package io.suiji.catalog.matter;

import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.SamplingRatio;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue's rules on sampling ratios (source document 二(一), 附件 row 8): a general matter
 * samples at least 5 %; a key matter has no floor below 100 %; a ratio may instead or also be an
 * absolute minimum count ("至少200人"). Returns every broken rule, keyed by field.
 */
public final class MatterRules {

    static final BigDecimal GENERAL_FLOOR = BigDecimal.valueOf(5);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private MatterRules() {
    }

    /** A broken rule: the JSON field and a message a bureau user understands. */
    public record Violation(String field, String message) {
    }

    public static List<Violation> checkRatio(MatterCategory category, SamplingRatio ratio) {
        List<Violation> violations = new ArrayList<>();
        if (ratio == null || ratio.percent() == null && ratio.minimumCount() == null) {
            violations.add(new Violation("ratio", "抽查比例 needs a percentage, a minimum count, or both"));
            return violations;
        }
        BigDecimal percent = ratio.percent();
        if (percent != null) {
            if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
                violations.add(new Violation("ratio.percent", "抽查比例 " + percent.toPlainString()
                        + "% must be above 0% and at most 100%"));
            } else if (category == MatterCategory.GENERAL && percent.compareTo(GENERAL_FLOOR) < 0) {
                violations.add(new Violation("ratio.percent", "抽查比例 " + percent.toPlainString()
                        + "% is below the 5% floor for 一般检查事项"));
            }
        }
        if (ratio.minimumCount() != null && ratio.minimumCount() < 1) {
            violations.add(new Violation("ratio.minimumCount", "a minimum count must be at least 1, got "
                    + ratio.minimumCount()));
        }
        return violations;
    }
}
