package io.suiji.draw;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a canonical population file amounts to: its SHA-256 digest (lower-case hex; for a canonical
 * file it equals {@code sha256sum population.txt}), its number of lines, and the number of entities
 * N_h of every stratum, ordered by stratum name in byte order.
 */
public record PopulationSummary(String digest, long size, SortedMap<String, Long> stratumSizes) {
    public PopulationSummary {
        TreeMap<String, Long> copy = new TreeMap<>(Population.BYTE_ORDER);
        copy.putAll(stratumSizes);
        stratumSizes = Collections.unmodifiableSortedMap(copy);
    }
}
