package io.suiji.draw;

import java.math.BigDecimal;

/**
 * One stratum (层: region × risk class, e.g. {@code 410402/C}) of a draw: its size N_h, the
 * sampling ratio asked for it, and the allocated sample size k_h.
 */
public record StratumPlan(String name, long population, BigDecimal ratio, int sample) {
    public StratumPlan {
        PopulationEntry.checkField("stratum", name);
        if (population < 0 || sample < 0 || sample > population) {
            throw new IllegalArgumentException("stratum " + name + ": need 0 <= sample <= population, got sample "
                + sample + " of " + population);
        }
        StratumAllocation.checkRatio(name, ratio);
    }
}
