package io.suiji.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.publication.SanctionKind;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void theTenOutcomesOfThePublishedResults() {
        assertEquals(List.of("未发现问题", "发现问题已责令改正", "发现问题已整改", "行政处罚", "列入经营异常名录",
                        "列入严重违法失信名单", "通过登记的住所（经营场所）无法联系", "不配合检查情节严重",
                        "未发现开展本次抽查涉及的经营活动", "移送其他部门处理"),
                Arrays.stream(Outcome.values()).map(Outcome::label).toList());
    }

    @Test
    void exactlyTheThreeSanctionOutcomesArePushed() {
        for (Outcome outcome : Outcome.values()) {
            Optional<SanctionKind> kind = SanctionKind.of(outcome);
            assertEquals(outcome.sanction(), kind.isPresent(), outcome.name());
            kind.ifPresent(k -> assertEquals(outcome.label(), k.label()));
        }
        assertEquals(3, Arrays.stream(Outcome.values()).filter(Outcome::sanction).count());
    }
}
