package io.suiji.draw;

import java.util.Locale;

/** How entities compete within a stratum (SUIJI-SHA256-1 §8, §9). */
public enum SamplingMode {
    /** Simple random sampling: the k_h smallest keys win; inclusion probability k_h / N_h, exact. */
    UNIFORM,
    /**
     * Priority weighting (Efraimidis–Spirakis): the k_h largest ln(u)/w win; each winner records its
     * inclusion probability conditioned on the stratum's (k_h+1)-th priority, which makes Horvitz–Thompson
     * estimates unbiased (§9).
     */
    WEIGHTED;

    /** The name used in proofs: {@code uniform} or {@code weighted}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SamplingMode fromLabel(String label) {
        for (SamplingMode m : values()) {
            if (m.label().equals(label)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown sampling mode '" + label + "' (expected uniform or weighted)");
    }
}
