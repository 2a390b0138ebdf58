package io.suiji.draw;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The target selection of a draw with algorithm {@code RFC3797} (specification §16.1): a uniform
 * draw in which every stratum is an RFC 3797 pool — its members in population-file order — and the
 * key string is the announced sources' followed by one more source, the stratum's number. Any RFC
 * 3797 tool re-computes a stratum from the sources, that number, N_h and k_h.
 *
 * <p>Memory is O(N), which the pool limit of 65,535 keeps small.
 */
public final class Rfc3797Draw {

    /** The algorithm's name in proofs and events. */
    public static final String ALGORITHM = "RFC3797";

    /** A population file read as RFC 3797 pools: its summary and each stratum's ids in file order. */
    public record Pools(PopulationSummary population, Map<String, List<String>> members) {
    }

    private Rfc3797Draw() {
    }

    /**
     * The key string of stratum number {@code stratumNumber} (from 1, strata in byte order of name):
     * the sources' key string with the source {@code [stratumNumber]} appended.
     */
    public static String stratumKeyString(List<List<Long>> sources, int stratumNumber) {
        return Rfc3797.keyString(sources) + stratumNumber + "./";
    }

    /**
     * Reads and validates the canonical population file into one pool per stratum.
     *
     * @param strataNames the draw's strata
     * @throws PopulationFormatException if the file is malformed
     * @throws DrawException             if the population exceeds the pool limit of 65,535 or holds a
     *                                   stratum not listed
     */
    public static Pools read(InputStream canonicalPopulation, Collection<String> strataNames) throws IOException {
        Set<String> listed = Set.copyOf(strataNames);
        PopulationReader reader = new PopulationReader();
        Map<Integer, List<String>> members = new HashMap<>();
        long[] lines = {0};
        PopulationSummary summary = reader.read(canonicalPopulation, (buf, from, to, stratum, weight) -> {
            if (++lines[0] > Rfc3797.MAX_POOL) {
                throw new DrawException("an RFC 3797 pool holds at most " + Rfc3797.MAX_POOL
                    + " members; the population has more");
            }
            members.computeIfAbsent(stratum, s -> {
                String name = reader.stratumName(s);
                if (!listed.contains(name)) {
                    throw new DrawException("population line " + lines[0] + ": stratum " + name
                        + " is not among the draw's strata");
                }
                return new ArrayList<>();
            }).add(new String(buf, from, to - from, StandardCharsets.UTF_8));
        });
        Map<String, List<String>> byName = new HashMap<>();
        members.forEach((index, ids) -> byName.put(reader.stratumName(index), List.copyOf(ids)));
        return new Pools(summary, byName);
    }

    /**
     * Selects k_h members of every stratum: strata in byte order of name, numbered from 1; within a
     * stratum, RFC 3797 selection order. Inclusion probability k_h / N_h, exact.
     *
     * @throws DrawException if a stratum's pool size differs from its N_h
     */
    public static List<Selection> select(List<List<Long>> sources, List<StratumPlan> strata, Pools pools) {
        Rfc3797.keyString(sources); // validates the sources
        TreeMap<String, StratumPlan> byName = new TreeMap<>(Population.BYTE_ORDER);
        for (StratumPlan s : strata) {
            if (byName.put(s.name(), s) != null) {
                throw new IllegalArgumentException("stratum " + s.name() + " is listed twice");
            }
        }
        List<Selection> selection = new ArrayList<>();
        int number = 0;
        for (StratumPlan plan : byName.values()) {
            number++;
            List<String> pool = pools.members().getOrDefault(plan.name(), List.of());
            if (pool.size() != plan.population()) {
                throw new DrawException("stratum " + plan.name() + ": the population file has " + pool.size()
                    + " entities, the draw says " + plan.population());
            }
            if (plan.sample() == 0) {
                continue;
            }
            double probability = (double) plan.sample() / plan.population();
            for (int position : Rfc3797.select(stratumKeyString(sources, number), pool.size(), plan.sample())) {
                selection.add(new Selection(selection.size() + 1, pool.get(position - 1), plan.name(), probability,
                    false));
            }
        }
        return selection;
    }
}
