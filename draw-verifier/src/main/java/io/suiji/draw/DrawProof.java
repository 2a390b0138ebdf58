package io.suiji.draw;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The published proof of a draw (SUIJI-SHA256-1 §14): everything needed, with the population file,
 * to re-compute it. {@link #toJson()} and {@link #fromJson(String)} give the exact JSON document.
 * Hex values are lower case; {@code secret} and {@code witnessEntropy} are the revealed r and E.
 * A draw with algorithm {@link Rfc3797Draw#ALGORITHM} also carries its RFC 3797 {@code sources},
 * and its witness entropy is their key string (§16.1); {@code sources} is null otherwise.
 */
public record DrawProof(
    String algorithm,
    int version,
    String drawId,
    DrawParameters parameters,
    long populationSize,
    String populationDigest,
    List<StratumPlan> strata,
    String commitment,
    String secret,
    String witnessEntropy,
    String seed,
    List<Selection> selection,
    String selectionDigest,
    List<InspectorGroup> inspectorGroups,
    String inspectorGroupsDigest,
    List<String> batchOrder,
    List<List<Long>> sources) {

    public static final String ALGORITHM = "SUIJI-SHA256-1";
    public static final int VERSION = 1;

    public DrawProof {
        strata = List.copyOf(strata);
        selection = List.copyOf(selection);
        inspectorGroups = inspectorGroups == null ? List.of() : List.copyOf(inspectorGroups);
        batchOrder = batchOrder == null ? List.of() : List.copyOf(batchOrder);
        sources = sources == null ? null : sources.stream().map(List::copyOf).toList();
    }

    /** Assembles a proof, computing commitment, seed and digests from the inputs. */
    public static DrawProof create(String drawId, DrawParameters parameters, PopulationSummary population,
                                   List<StratumPlan> strata, byte[] secret, String witnessEntropy,
                                   List<Selection> selection, List<InspectorGroup> inspectorGroups,
                                   List<String> batchOrder) {
        List<InspectorGroup> groups = inspectorGroups == null ? List.of() : inspectorGroups;
        return new DrawProof(ALGORITHM, VERSION, drawId, parameters, population.size(), population.digest(), strata,
            Hex.of(Commitment.commit(secret)), Hex.of(secret), witnessEntropy,
            Hex.of(Commitment.seed(secret, witnessEntropy)), selection, Selection.digest(selection), groups,
            parameters.groupRules() == null ? null : InspectorGroup.digest(groups), batchOrder, null);
    }

    /**
     * Assembles the proof of an {@code RFC3797} draw (§16.1): the witness entropy is the key string
     * of the sources.
     */
    public static DrawProof createRfc3797(String drawId, DrawParameters parameters, PopulationSummary population,
                                          List<StratumPlan> strata, byte[] secret, List<List<Long>> sources,
                                          List<Selection> selection, List<InspectorGroup> inspectorGroups,
                                          List<String> batchOrder) {
        DrawProof proof = create(drawId, parameters, population, strata, secret, Rfc3797.keyString(sources), selection,
            inspectorGroups, batchOrder);
        return new DrawProof(Rfc3797Draw.ALGORITHM, VERSION, drawId, parameters, proof.populationSize(),
            proof.populationDigest(), strata, proof.commitment(), proof.secret(), proof.witnessEntropy(), proof.seed(),
            selection, proof.selectionDigest(), proof.inspectorGroups(), proof.inspectorGroupsDigest(), batchOrder,
            sources);
    }

    public boolean rfc3797() {
        return Rfc3797Draw.ALGORITHM.equals(algorithm);
    }

    /** The label of the recorded inclusion probabilities, by mode (§9, §14). */
    public static final String EXACT = "exact";
    public static final String RANK_CONDITIONED = "rank-conditioned";
    /** The label of proofs written before rank conditioning (k·w/Σw); no longer recomputed. */
    static final String APPROXIMATE = "approximate";

    /** "exact" for uniform draws, "rank-conditioned" for priority-weighted ones. */
    public String inclusionProbabilities() {
        return parameters.mode() == SamplingMode.UNIFORM ? EXACT : RANK_CONDITIONED;
    }

    public String toJson() {
        return ProofJson.write(this);
    }

    /** @throws ProofFormatException naming the missing or malformed field */
    public static DrawProof fromJson(String json) {
        return ProofJson.read(json);
    }

    public static DrawProof fromJson(InputStream json) throws IOException {
        return ProofJson.read(new String(json.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
