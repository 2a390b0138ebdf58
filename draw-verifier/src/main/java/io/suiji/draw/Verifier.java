package io.suiji.draw;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-computes a published draw from its proof and the population file (SUIJI-SHA256-1 §15) and
 * reports {@link Verification#VERIFIED} or the first difference. What it cannot check is whether
 * the population and the eligible-inspector lists were the right ones: it checks that the
 * published result follows from them and from the committed randomness.
 */
public final class Verifier {

    private Verifier() {
    }

    /**
     * @throws PopulationFormatException if the population file is malformed
     * @throws ProofFormatException      if a proof field cannot be interpreted (e.g. a non-hex secret)
     */
    public static Verification verify(DrawProof proof, InputStream population) throws IOException {
        boolean rfc3797 = proof.rfc3797();
        if (!(DrawProof.ALGORITHM.equals(proof.algorithm()) || rfc3797) || proof.version() != DrawProof.VERSION) {
            return Verification.differs("the proof uses algorithm " + proof.algorithm() + " version " + proof.version()
                + "; this verifier checks " + DrawProof.ALGORITHM + " and " + Rfc3797Draw.ALGORITHM + " version "
                + DrawProof.VERSION);
        }
        byte[] secret = hex(proof.secret(), "secret");
        if (secret.length != Commitment.SECRET_BYTES) {
            return Verification.differs("the revealed secret is " + secret.length + " bytes; it must be "
                + Commitment.SECRET_BYTES);
        }
        String commitment = Hex.of(Commitment.commit(secret));
        if (!commitment.equals(proof.commitment())) {
            return Verification.differs("the commitment does not match the revealed secret: SHA-256(secret) = "
                + commitment + ", the proof's commitment is " + proof.commitment());
        }
        Verification sources = rfc3797 ? checkSources(proof) : proof.sources() == null ? Verification.VERIFIED
            : Verification.differs("the proof lists RFC 3797 sources but its algorithm is " + proof.algorithm());
        if (!sources.verified()) {
            return sources;
        }
        if (proof.witnessEntropy().isEmpty()) {
            return Verification.differs("the witness entropy is empty");
        }
        byte[] seed = Commitment.seed(secret, proof.witnessEntropy());
        if (!Hex.of(seed).equals(proof.seed())) {
            return Verification.differs("the seed does not match: SHA-256(secret ‖ witness entropy) = " + Hex.of(seed)
                + ", the proof says " + proof.seed());
        }
        Verification allocation = checkAllocation(proof);
        if (!allocation.verified()) {
            return allocation;
        }
        return rfc3797 ? verifyRfc3797Selection(proof, seed, population) : verifySelection(proof, seed, population);
    }

    /** §16.1: uniform, no control sample, and the witness entropy is the sources' key string. */
    private static Verification checkSources(DrawProof proof) {
        if (proof.sources() == null || proof.sources().isEmpty()) {
            return Verification.differs("an " + Rfc3797Draw.ALGORITHM + " proof must list its sources");
        }
        String key;
        try {
            key = Rfc3797.keyString(proof.sources());
        } catch (IllegalArgumentException e) {
            return Verification.differs("the RFC 3797 sources are unusable: " + e.getMessage());
        }
        if (!key.equals(proof.witnessEntropy())) {
            return Verification.differs("the witness entropy of an " + Rfc3797Draw.ALGORITHM + " draw is the key string "
                + "of its sources, " + key + ", the proof says " + proof.witnessEntropy());
        }
        if (proof.parameters().mode() != SamplingMode.UNIFORM || proof.parameters().control() != null) {
            return Verification.differs("an " + Rfc3797Draw.ALGORITHM
                + " draw is uniform and has no control sample; the proof says mode "
                + proof.parameters().mode().label() + (proof.parameters().control() == null ? "" : " with a control sample"));
        }
        return Verification.VERIFIED;
    }

    private static Verification verifyRfc3797Selection(DrawProof proof, byte[] seed, InputStream population)
        throws IOException {
        Rfc3797Draw.Pools pools;
        try {
            pools = Rfc3797Draw.read(population, proof.strata().stream().map(StratumPlan::name).toList());
        } catch (PopulationFormatException e) {
            throw e;
        } catch (DrawException e) {
            return Verification.differs(e.getMessage());
        }
        Verification file = checkPopulation(proof, pools.population(), pools.population().stratumSizes());
        if (!file.verified()) {
            return file;
        }
        return verifyResult(proof, seed, Rfc3797Draw.select(proof.sources(), proof.strata(), pools));
    }

    private static Verification verifySelection(DrawProof proof, byte[] seed, InputStream population)
        throws IOException {
        Sampler sampler;
        try {
            sampler = new Sampler(seed, proof.parameters().mode(), proof.strata(), proof.parameters().control());
        } catch (IllegalArgumentException e) {
            return Verification.differs(e.getMessage());
        }
        PopulationSummary summary;
        try {
            summary = sampler.offerFile(population);
        } catch (PopulationFormatException e) {
            throw e;
        } catch (DrawException e) {
            return Verification.differs(e.getMessage() + " (the proof lists no such stratum)");
        }
        Verification file = checkPopulation(proof, summary, sampler.countedSizes());
        if (!file.verified()) {
            return file;
        }
        return verifyResult(proof, seed, sampler.finish());
    }

    /** §15 step 7: the committed population, its size and every N_h. */
    private static Verification checkPopulation(DrawProof proof, PopulationSummary summary, Map<String, Long> counted) {
        if (!summary.digest().equals(proof.populationDigest())) {
            return Verification.differs("the population digest differs: the file gives " + summary.digest()
                + ", the proof says " + proof.populationDigest() + " — this is not the committed population");
        }
        if (summary.size() != proof.populationSize()) {
            return Verification.differs("the population file has " + summary.size() + " lines, the proof says "
                + proof.populationSize());
        }
        for (StratumPlan s : proof.strata()) {
            long n = counted.getOrDefault(s.name(), 0L);
            if (n != s.population()) {
                return Verification.differs("stratum " + s.name() + ": the population file has " + n
                    + " entities, the proof says " + s.population());
            }
        }
        return Verification.VERIFIED;
    }

    /** §15 steps 8–11, on the recomputed selection. */
    private static Verification verifyResult(DrawProof proof, byte[] seed, List<Selection> recomputed) {
        Verification selection = compareSelection(recomputed, proof.selection());
        if (!selection.verified()) {
            return selection;
        }
        String digest = Selection.digest(recomputed);
        if (!digest.equals(proof.selectionDigest())) {
            return Verification.differs("the selection digest differs: the selection gives " + digest
                + ", the proof says " + proof.selectionDigest());
        }
        Verification groups = checkGroups(proof, seed, recomputed);
        if (!groups.verified()) {
            return groups;
        }
        List<String> batchOrder = BatchOrder.shuffle(seed, proof.parameters().batches());
        if (!batchOrder.equals(proof.batchOrder())) {
            return Verification.differs("the batch order recomputes to " + batchOrder + ", the proof says "
                + proof.batchOrder());
        }
        return Verification.VERIFIED;
    }

    private static Verification checkAllocation(DrawProof proof) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        Map<String, BigDecimal> ratios = new HashMap<>();
        long total = 0;
        for (StratumPlan s : proof.strata()) {
            if (sizes.put(s.name(), s.population()) != null) {
                return Verification.differs("stratum " + s.name() + " is listed twice");
            }
            ratios.put(s.name(), s.ratio());
            total += s.population();
        }
        if (total != proof.populationSize()) {
            return Verification.differs("the strata add up to " + total + " entities, the population size is "
                + proof.populationSize());
        }
        List<StratumPlan> plans = StratumAllocation.allocate(sizes, ratios, proof.parameters().minimumCount());
        Map<String, Integer> published = new HashMap<>();
        proof.strata().forEach(s -> published.put(s.name(), s.sample()));
        for (StratumPlan plan : plans) {
            int claimed = published.get(plan.name());
            if (claimed != plan.sample()) {
                return Verification.differs("stratum " + plan.name() + ": the sample size recomputes to "
                    + plan.sample() + " (N_h " + plan.population() + ", ratio " + plan.ratio().toPlainString()
                    + ", minimum " + proof.parameters().minimumCount() + "), the proof says " + claimed);
            }
        }
        return Verification.VERIFIED;
    }

    private static Verification compareSelection(List<Selection> recomputed, List<Selection> published) {
        int common = Math.min(recomputed.size(), published.size());
        for (int i = 0; i < common; i++) {
            Selection r = recomputed.get(i);
            Selection p = published.get(i);
            if (p.ordinal() != r.ordinal()) {
                return Verification.differs("selection entry " + (i + 1) + " has ordinal " + p.ordinal()
                    + "; ordinals must run 1, 2, 3, …");
            }
            if (!p.id().equals(r.id()) || !p.stratum().equals(r.stratum())) {
                return Verification.differs("selection #" + r.ordinal() + ": recomputed " + r.id() + " (stratum "
                    + r.stratum() + "), the proof says " + p.id() + " (stratum " + p.stratum() + ")");
            }
            if (p.control() != r.control()) {
                return Verification.differs("selection #" + r.ordinal() + " (" + r.id() + "): recomputed as "
                    + (r.control() ? "" : "not ") + "in the control sample, the proof says the opposite");
            }
            if (Double.compare(p.inclusionProbability(), r.inclusionProbability()) != 0) {
                return Verification.differs("selection #" + r.ordinal() + " (" + r.id()
                    + "): the inclusion probability recomputes to " + r.inclusionProbability() + ", the proof says "
                    + p.inclusionProbability());
            }
        }
        if (recomputed.size() != published.size()) {
            return Verification.differs("the recomputation selects " + recomputed.size() + " entities, the proof lists "
                + published.size());
        }
        return Verification.VERIFIED;
    }

    private static Verification checkGroups(DrawProof proof, byte[] seed, List<Selection> selection) {
        GroupRules rules = proof.parameters().groupRules();
        List<InspectorGroup> published = proof.inspectorGroups();
        if (rules == null) {
            return published.isEmpty() ? Verification.VERIFIED
                : Verification.differs("the proof lists inspector groups but no group rules");
        }
        if (published.size() != selection.size()) {
            return Verification.differs("the proof lists " + published.size() + " inspector groups for "
                + selection.size() + " selected targets");
        }
        Map<String, List<String>> eligible = new HashMap<>();
        for (int i = 0; i < published.size(); i++) {
            InspectorGroup g = published.get(i);
            Selection s = selection.get(i);
            if (g.ordinal() != s.ordinal() || !g.targetId().equals(s.id())) {
                return Verification.differs("inspector group " + (i + 1) + " is for #" + g.ordinal() + " "
                    + g.targetId() + ", expected #" + s.ordinal() + " " + s.id());
            }
            eligible.put(g.targetId(), g.eligible());
        }
        List<InspectorGroup> recomputed;
        try {
            recomputed = InspectorGrouping.assign(seed, selection, eligible, rules);
        } catch (InspectorGroupingException | IllegalArgumentException e) {
            return Verification.differs("the inspector groups cannot be re-formed from the published eligible lists: "
                + e.getMessage());
        }
        for (int i = 0; i < recomputed.size(); i++) {
            InspectorGroup r = recomputed.get(i);
            InspectorGroup p = published.get(i);
            if (!r.inspectors().equals(p.inspectors())) {
                return Verification.differs("inspector group #" + r.ordinal() + " (target " + r.targetId()
                    + "): recomputed " + r.inspectors() + ", the proof says " + p.inspectors());
            }
        }
        String digest = InspectorGroup.digest(recomputed);
        if (!digest.equals(proof.inspectorGroupsDigest())) {
            return Verification.differs("the inspector groups digest differs: the groups give " + digest
                + ", the proof says " + proof.inspectorGroupsDigest());
        }
        return Verification.VERIFIED;
    }

    private static byte[] hex(String value, String field) {
        try {
            return Hex.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ProofFormatException("proof: " + field + " is not hex: " + value, e);
        }
    }
}
