package io.suiji.draw;

import java.util.List;

/**
 * What a draw asks for, beyond the per-stratum ratios: the sampling mode, the minimum total
 * ("至少200人"; 0 for none), the optional control sample, the optional inspector-group rules and the
 * optional batch labels whose order is drawn.
 */
public record DrawParameters(SamplingMode mode, long minimumCount, ControlSample control, GroupRules groupRules,
                             List<String> batches) {
    public DrawParameters {
        if (mode == null) {
            throw new IllegalArgumentException("sampling mode is missing");
        }
        if (minimumCount < 0) {
            throw new IllegalArgumentException("minimum count must not be negative");
        }
        batches = batches == null ? List.of() : List.copyOf(batches);
    }

    /** A plain uniform draw: no minimum, no control sample, no groups, no batches. */
    public static DrawParameters uniform() {
        return new DrawParameters(SamplingMode.UNIFORM, 0, null, null, List.of());
    }
}
