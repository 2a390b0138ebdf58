package io.suiji.draw;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Stratum sample sizes k_h from stratum sizes N_h, ratios and an optional minimum total
 * (SUIJI-SHA256-1 §7). Pure and exact: decimals and rationals, never floating point.
 *
 * <ol>
 *   <li>Quota w_h = ratio_h × N_h; total T = Σ w_h rounded half up.</li>
 *   <li>If T ≥ min(minimum, N): k_h = ⌊w_h⌋, and the T − Σ⌊w_h⌋ remaining units go one each to the
 *       strata with the largest fractional parts (ties: stratum name in byte order).</li>
 *   <li>Otherwise the target becomes min(minimum, N): quotas are stretched proportionally
 *       (shares w_h, or N_h if every ratio is zero), strata whose stretched quota reaches N_h are
 *       fixed at N_h and the rest re-stretched until none does; then largest remainders as above.</li>
 * </ol>
 */
public final class StratumAllocation {

    private StratumAllocation() {
    }

    /** Allocation with one ratio per stratum (every stratum of {@code sizes} must have one). */
    public static List<StratumPlan> allocate(Map<String, Long> sizes, Map<String, BigDecimal> ratios,
                                             long minimumCount) {
        return allocate(sizes, ratios, null, minimumCount);
    }

    /**
     * Allocation where strata missing from {@code ratios} use {@code defaultRatio}.
     *
     * @return one plan per stratum, ordered by name in byte order
     * @throws DrawException if a stratum has no ratio
     */
    public static List<StratumPlan> allocate(Map<String, Long> sizes, Map<String, BigDecimal> ratios,
                                             BigDecimal defaultRatio, long minimumCount) {
        if (minimumCount < 0) {
            throw new IllegalArgumentException("minimum count must not be negative: " + minimumCount);
        }
        SortedMap<String, Long> sorted = new TreeMap<>(Population.BYTE_ORDER);
        sorted.putAll(sizes);
        int n = sorted.size();
        String[] names = sorted.keySet().toArray(new String[0]);
        long[] caps = new long[n];
        BigDecimal[] ratio = new BigDecimal[n];
        BigDecimal[] quota = new BigDecimal[n];
        BigDecimal total = BigDecimal.ZERO;
        long population = 0;
        for (int h = 0; h < n; h++) {
            caps[h] = sorted.get(names[h]);
            if (caps[h] < 0) {
                throw new IllegalArgumentException("stratum " + names[h] + " has a negative size");
            }
            BigDecimal r = ratios.getOrDefault(names[h], defaultRatio);
            if (r == null) {
                throw new DrawException("stratum " + names[h] + " has no sampling ratio");
            }
            checkRatio(names[h], r);
            ratio[h] = r;
            quota[h] = r.multiply(BigDecimal.valueOf(caps[h]));
            total = total.add(quota[h]);
            population += caps[h];
        }
        long roundedTotal = total.setScale(0, RoundingMode.HALF_UP).longValueExact();
        long target = Math.min(minimumCount, population);
        long[] sample = roundedTotal >= target
            ? largestRemainder(names, quota, BigDecimal.ONE, roundedTotal, new boolean[n])
            : stretched(names, caps, quota, total, target);
        List<StratumPlan> plans = new ArrayList<>(n);
        for (int h = 0; h < n; h++) {
            plans.add(new StratumPlan(names[h], caps[h], ratio[h], Math.toIntExact(sample[h])));
        }
        return plans;
    }

    /** Raises the total to {@code target}: proportional stretching with caps at N_h. */
    private static long[] stretched(String[] names, long[] caps, BigDecimal[] quota, BigDecimal total, long target) {
        int n = names.length;
        BigDecimal[] share = new BigDecimal[n];
        for (int h = 0; h < n; h++) {
            share[h] = total.signum() > 0 ? quota[h] : BigDecimal.valueOf(caps[h]);
        }
        boolean[] fixed = new boolean[n];
        while (true) {
            long remaining = target;
            for (int h = 0; h < n; h++) {
                if (fixed[h]) {
                    remaining -= caps[h];
                }
            }
            if (remaining == 0) { // the capped strata already make the target
                long[] sample = new long[n];
                for (int h = 0; h < n; h++) {
                    sample[h] = fixed[h] ? caps[h] : 0;
                }
                return sample;
            }
            BigDecimal free = BigDecimal.ZERO;
            for (int h = 0; h < n; h++) {
                if (!fixed[h]) {
                    free = free.add(share[h]);
                }
            }
            if (free.signum() == 0) {
                // Only zero-ratio strata are left: they share the rest in proportion to their sizes.
                for (int h = 0; h < n; h++) {
                    if (!fixed[h]) {
                        share[h] = BigDecimal.valueOf(caps[h]);
                        free = free.add(share[h]);
                    }
                }
            }
            // Stretched quota of h = share_h × remaining / free; it reaches the cap when
            // share_h × remaining >= N_h × free.
            boolean newlyFixed = false;
            for (int h = 0; h < n; h++) {
                if (!fixed[h] && share[h].multiply(BigDecimal.valueOf(remaining))
                    .compareTo(BigDecimal.valueOf(caps[h]).multiply(free)) >= 0) {
                    fixed[h] = true;
                    newlyFixed = true;
                }
            }
            if (newlyFixed) {
                continue;
            }
            BigDecimal[] numerator = new BigDecimal[n];
            for (int h = 0; h < n; h++) {
                numerator[h] = fixed[h] ? BigDecimal.ZERO : share[h].multiply(BigDecimal.valueOf(remaining));
            }
            long[] sample = largestRemainder(names, numerator, free, remaining, fixed);
            for (int h = 0; h < n; h++) {
                if (fixed[h]) {
                    sample[h] = caps[h];
                }
            }
            return sample;
        }
    }

    /**
     * Hamilton's method on quotas numerator_h / denominator for the strata not {@code skip}ped:
     * floors first, then one unit each by largest remainder (ties by name) until {@code total}.
     */
    private static long[] largestRemainder(String[] names, BigDecimal[] numerator, BigDecimal denominator,
                                           long total, boolean[] skip) {
        int n = names.length;
        long[] sample = new long[n];
        BigDecimal[] remainder = new BigDecimal[n];
        long given = 0;
        List<Integer> order = new ArrayList<>();
        for (int h = 0; h < n; h++) {
            if (skip[h]) {
                continue;
            }
            BigDecimal[] qr = numerator[h].divideAndRemainder(denominator);
            sample[h] = qr[0].longValueExact();
            remainder[h] = qr[1];
            given += sample[h];
            order.add(h);
        }
        order.sort(Comparator.<Integer, BigDecimal>comparing(h -> remainder[h]).reversed()
            .thenComparing(h -> names[h], Population.BYTE_ORDER));
        long left = total - given;
        for (int i = 0; i < left; i++) {
            sample[order.get(i)]++;
        }
        return sample;
    }

    static void checkRatio(String stratum, BigDecimal ratio) {
        if (ratio == null || ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("stratum " + stratum + ": ratio must be between 0 and 1, got " + ratio);
        }
    }
}
