package io.suiji.sampling.plan;

import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.MatterState;
import io.suiji.contracts.catalog.MatterStatus;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a plan and a draw need to know of a catalogue matter (抽查事项): its sampling floor, its
 * targets and methods. GENERAL matters are sampled at 5 % at least (DESIGN §2), KEY matters have no
 * upper limit; a matter's own ratio and minimum count ("至少200人") are floors the plan may raise.
 */
public record MatterRule(String code, int version, String name, MatterCategory category, BigDecimal percent,
                         Integer minimumCount, List<String> targetTypes, List<InspectionMethod> methods,
                         MatterStatus status) {

    public static final BigDecimal GENERAL_FLOOR_PERCENT = new BigDecimal("5");

    public MatterRule {
        targetTypes = targetTypes == null ? List.of() : List.copyOf(targetTypes);
        methods = methods == null ? List.of() : List.copyOf(methods);
    }

    public static MatterRule of(MatterState state) {
        return new MatterRule(state.code(), state.version(), state.name(), state.category(),
                state.ratio() == null ? null : state.ratio().percent(),
                state.ratio() == null ? null : state.ratio().minimumCount(),
                state.targetTypes(), state.methods(), state.status());
    }

    /** The lowest percentage a plan may sample this matter at. */
    public BigDecimal floorPercent() {
        BigDecimal own = percent == null ? BigDecimal.ZERO : percent;
        return category == MatterCategory.GENERAL ? own.max(GENERAL_FLOOR_PERCENT) : own;
    }

    public int floorCount() {
        return minimumCount == null ? 0 : minimumCount;
    }
}
