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
        List<InspectorGroup> groups = List.of();
        if (parameters.groupRules() != null) {
            Map<String, List<String>> eligible = new LinkedHashMap<>();
            for (Selection s : selection) {
                eligible.put(s.id(), eligibleInspectors.apply(s));
            }
            groups = InspectorGrouping.assign(seed, selection, eligible, parameters.groupRules());
        }
        List<String> batchOrder = BatchOrder.shuffle(seed, parameters.batches());
        return DrawProof.create(drawId, parameters, population, strata, secret, witnessEntropy, selection, groups,
            batchOrder);
    }
}
