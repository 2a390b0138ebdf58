package io.suiji.draw;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The draw step of sampling-service in one call, after the commitment (population frozen, plans
 * allocated, secret kept) and once the witness entropy is known. It is the same code the
 * {@link Verifier} runs.
 */
public final class Draw {

    private Draw() {
    }

    /**
     * Draws targets, inspector groups (if {@code parameters.groupRules()} is set) and the batch
     * order, and assembles the proof.
     *
     * @param strata              the committed plans (see {@link StratumAllocation})
     * @param canonicalPopulation the frozen population file (see {@link Population#write})
     * @param eligibleInspectors  for each selected target, the ids of the inspectors eligible for it
     * @throws InspectorGroupingException if some target cannot get a full group
     * @throws DrawException if the population does not match the committed stratum sizes
     */
    public static DrawProof run(String drawId, DrawParameters parameters, List<StratumPlan> strata, byte[] secret,
                                String witnessEntropy, InputStream canonicalPopulation,
                                Function<Selection, List<String>> eligibleInspectors) throws IOException {
        byte[] seed = Commitment.seed(secret, witnessEntropy);
        Sampler sampler = new Sampler(seed, parameters.mode(), strata, parameters.control());
        PopulationSummary population = sampler.offerFile(canonicalPopulation);
        List<Selection> selection = sampler.finish();
        List<InspectorGroup> groups = groups(seed, parameters, selection, eligibleInspectors);
        List<String> batchOrder = BatchOrder.shuffle(seed, parameters.batches());
        return DrawProof.create(drawId, parameters, population, strata, secret, witnessEntropy, selection, groups,
            batchOrder);
    }

    /**
     * The same for algorithm {@code RFC3797} (§16.1): targets by RFC 3797 from the sources, per
     * stratum; the witness entropy is the sources' key string, and groups and batch order follow
     * from the seed as in SUIJI-SHA256-1.
     *
     * @throws DrawException if the population exceeds 65,535 or does not match the strata, or the
     *                       parameters ask for weighting or a control sample
     */
    public static DrawProof runRfc3797(String drawId, DrawParameters parameters, List<StratumPlan> strata,
                                       byte[] secret, List<List<Long>> sources, InputStream canonicalPopulation,
                                       Function<Selection, List<String>> eligibleInspectors) throws IOException {
        if (parameters.mode() != SamplingMode.UNIFORM || parameters.control() != null) {
            throw new DrawException("an RFC 3797 draw is uniform and has no control sample");
        }
        byte[] seed = Commitment.seed(secret, Rfc3797.keyString(sources));
        Rfc3797Draw.Pools pools = Rfc3797Draw.read(canonicalPopulation,
            strata.stream().map(StratumPlan::name).toList());
        List<Selection> selection = Rfc3797Draw.select(sources, strata, pools);
        List<InspectorGroup> groups = groups(seed, parameters, selection, eligibleInspectors);
        List<String> batchOrder = BatchOrder.shuffle(seed, parameters.batches());
        return DrawProof.createRfc3797(drawId, parameters, pools.population(), strata, secret, sources, selection,
            groups, batchOrder);
    }

    private static List<InspectorGroup> groups(byte[] seed, DrawParameters parameters, List<Selection> selection,
                                               Function<Selection, List<String>> eligibleInspectors) {
        if (parameters.groupRules() == null) {
            return List.of();
        }
        Map<String, List<String>> eligible = new LinkedHashMap<>();
        for (Selection s : selection) {
            eligible.put(s.id(), eligibleInspectors.apply(s));
        }
        return InspectorGrouping.assign(seed, selection, eligible, parameters.groupRules());
    }
}
