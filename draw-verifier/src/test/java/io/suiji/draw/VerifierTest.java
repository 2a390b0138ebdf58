package io.suiji.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A genuine proof verifies; each kind of tampering is named. */
class VerifierTest {
    static final String ENTROPY = "2020-07-01 上证综指收盘 3025.98";
    static byte[] population;
    static DrawProof proof;

    /** A complete draw: 600 entities in 12 strata, 5 % with a minimum of 40, control, groups, batches. */
    static DrawProof genuineDraw(byte[] canonicalPopulation) throws IOException {
        PopulationSummary summary = Population.summarize(new ByteArrayInputStream(canonicalPopulation));
        Map<String, BigDecimal> ratios = new TreeMap<>();
        summary.stratumSizes().keySet().forEach(s -> ratios.put(s, new BigDecimal(s.endsWith("C") ? "0.10" : "0.05")));
        List<StratumPlan> plans = StratumAllocation.allocate(summary.stratumSizes(), ratios, 40);
        DrawParameters parameters = new DrawParameters(SamplingMode.UNIFORM, 40, ControlSample.of(3, "410402/A",
            "410403/A"), new GroupRules(2, 4), List.of("第一批", "第二批", "第三批"));
        return Draw.run("2020-RS-008-1", parameters, plans, CommitmentTest.R, ENTROPY,
            new ByteArrayInputStream(canonicalPopulation), target -> Fixtures.inspectorsOfRegion(target, 12));
    }

    @BeforeAll
    static void draw() throws IOException {
        population = Fixtures.canonicalFile(600);
        proof = genuineDraw(population);
    }

    private static Verification verify(DrawProof p) throws IOException {
        return verify(p, population);
    }

    private static Verification verify(DrawProof p, byte[] file) throws IOException {
        return Verifier.verify(DrawProof.fromJson(p.toJson()), new ByteArrayInputStream(file));
    }

    private static DrawProof withSecret(DrawProof p, String secret) {
        return new DrawProof(p.algorithm(), p.version(), p.drawId(), p.parameters(), p.populationSize(),
            p.populationDigest(), p.strata(), p.commitment(), secret, p.witnessEntropy(), p.seed(), p.selection(),
            p.selectionDigest(), p.inspectorGroups(), p.inspectorGroupsDigest(), p.batchOrder(), p.sources());
    }

    private static DrawProof withEntropy(DrawProof p, String entropy) {
        return new DrawProof(p.algorithm(), p.version(), p.drawId(), p.parameters(), p.populationSize(),
            p.populationDigest(), p.strata(), p.commitment(), p.secret(), entropy, p.seed(), p.selection(),
            p.selectionDigest(), p.inspectorGroups(), p.inspectorGroupsDigest(), p.batchOrder(), p.sources());
    }

    private static DrawProof withSelection(DrawProof p, List<Selection> selection, String digest) {
        return new DrawProof(p.algorithm(), p.version(), p.drawId(), p.parameters(), p.populationSize(),
            p.populationDigest(), p.strata(), p.commitment(), p.secret(), p.witnessEntropy(), p.seed(), selection,
            digest, p.inspectorGroups(), p.inspectorGroupsDigest(), p.batchOrder(), p.sources());
    }

    private static DrawProof withStrata(DrawProof p, List<StratumPlan> strata) {
        return new DrawProof(p.algorithm(), p.version(), p.drawId(), p.parameters(), p.populationSize(),
            p.populationDigest(), strata, p.commitment(), p.secret(), p.witnessEntropy(), p.seed(), p.selection(),
            p.selectionDigest(), p.inspectorGroups(), p.inspectorGroupsDigest(), p.batchOrder(), p.sources());
    }

    private static DrawProof withGroups(DrawProof p, List<InspectorGroup> groups, List<String> batchOrder) {
        return new DrawProof(p.algorithm(), p.version(), p.drawId(), p.parameters(), p.populationSize(),
            p.populationDigest(), p.strata(), p.commitment(), p.secret(), p.witnessEntropy(), p.seed(), p.selection(),
            p.selectionDigest(), groups, p.inspectorGroupsDigest(), batchOrder, p.sources());
    }

    private static void assertDifference(Verification v, String expectedFragment) {
        assertFalse(v.verified(), "should not verify");
        assertTrue(v.difference().contains(expectedFragment), v.difference());
        assertTrue(v.toString().startsWith("DIFFERENT: "));
    }

    @Test
    void aGenuineProofVerifies() throws IOException {
        assertEquals(Verification.VERIFIED, verify(proof));
        assertEquals("VERIFIED", verify(proof).toString());
        assertEquals(proof, DrawProof.fromJson(proof.toJson()), "JSON round trip");
        // The draw has what the plan asked for.
        assertEquals(proof.strata().stream().mapToInt(StratumPlan::sample).sum() + 3, proof.selection().size());
        assertTrue(proof.strata().stream().mapToInt(StratumPlan::sample).sum() >= 40);
        assertEquals(proof.selection().size(), proof.inspectorGroups().size());
        assertEquals(3, proof.batchOrder().size());
        assertEquals(Hex.of(Commitment.commit(CommitmentTest.R)), proof.commitment());
    }

    @Test
    void aChangedPopulationLineIsNamed() throws IOException {
        String file = new String(population, StandardCharsets.UTF_8).replaceFirst("91410400MA00000000:1:",
            "91410400MA00000000:2:");
        assertDifference(verify(proof, file.getBytes(StandardCharsets.UTF_8)), "the population digest differs");
        String dropped = new String(population, StandardCharsets.UTF_8).replaceFirst("91410400MA00000007:[^\n]*\n", "");
        assertDifference(verify(proof, dropped.getBytes(StandardCharsets.UTF_8)), "the population digest differs");
    }

    @Test
    void aChangedSecretBreaksTheCommitment() throws IOException {
        String secret = proof.secret();
        String tampered = (secret.charAt(0) == '0' ? "1" : "0") + secret.substring(1);
        assertDifference(verify(withSecret(proof, tampered)), "the commitment does not match the revealed secret");
    }

    @Test
    void aChangedEntropyBreaksTheSeed() throws IOException {
        assertDifference(verify(withEntropy(proof, ENTROPY + " ")), "the seed does not match");
    }

    @Test
    void aChangedSelectionIsNamedByOrdinal() throws IOException {
        List<Selection> selection = new ArrayList<>(proof.selection());
        Selection third = selection.get(2);
        selection.set(2, new Selection(3, "91410400MA99999999", third.stratum(), third.inclusionProbability(), false));
        assertDifference(verify(withSelection(proof, selection, Selection.digest(selection))),
            "selection #3: recomputed " + third.id() + " (stratum " + third.stratum()
                + "), the proof says 91410400MA99999999");
        List<Selection> shorter = proof.selection().subList(0, proof.selection().size() - 1);
        assertDifference(verify(withSelection(proof, shorter, Selection.digest(shorter))), "the recomputation selects");
        List<Selection> probability = new ArrayList<>(proof.selection());
        probability.set(0, new Selection(1, third.id(), third.stratum(), 0.5, false));
        probability.set(0, new Selection(1, proof.selection().get(0).id(), proof.selection().get(0).stratum(), 0.5,
            false));
        assertDifference(verify(withSelection(proof, probability, proof.selectionDigest())),
            "the inclusion probability recomputes to");
    }

    @Test
    void aChangedDigestIsNamed() throws IOException {
        assertDifference(verify(withSelection(proof, proof.selection(), "00" + proof.selectionDigest().substring(2))),
            "the selection digest differs");
    }

    @Test
    void changedAllocationGroupsAndBatchOrderAreNamed() throws IOException {
        List<StratumPlan> strata = new ArrayList<>(proof.strata());
        StratumPlan first = strata.get(0);
        strata.set(0, new StratumPlan(first.name(), first.population(), first.ratio(), first.sample() + 1));
        assertDifference(verify(withStrata(proof, strata)), "the sample size recomputes to " + first.sample());

        List<InspectorGroup> groups = new ArrayList<>(proof.inspectorGroups());
        InspectorGroup g = groups.get(4);
        List<String> other = g.eligible().stream().filter(i -> !g.inspectors().contains(i)).limit(2).toList();
        groups.set(4, new InspectorGroup(g.ordinal(), g.targetId(), g.eligible(), other));
        assertDifference(verify(withGroups(proof, groups, proof.batchOrder())), "inspector group #5");

        List<String> batches = new ArrayList<>(proof.batchOrder());
        java.util.Collections.swap(batches, 0, 1);
        assertDifference(verify(withGroups(proof, proof.inspectorGroups(), batches)), "the batch order recomputes");
    }

    @Test
    void unreadableInputsAreErrorsNotDifferences() {
        assertThrows(ProofFormatException.class, () -> DrawProof.fromJson("{not json"));
        assertThrows(ProofFormatException.class, () -> DrawProof.fromJson("{\"algorithm\":\"SUIJI-SHA256-1\"}"));
        String json = proof.toJson().replace("\"mode\" : \"uniform\"", "\"mode\" : \"lottery\"");
        assertTrue(assertThrows(ProofFormatException.class, () -> DrawProof.fromJson(json)).getMessage()
            .contains("lottery"));
        byte[] unsorted = "B:1:410402/A\nA:1:410402/A\n".getBytes(StandardCharsets.UTF_8);
        assertThrows(PopulationFormatException.class,
            () -> Verifier.verify(proof, new ByteArrayInputStream(unsorted)));
    }

    @Test
    void theProbabilityLabelMustBeTheModesAndTheSupersededApproximationIsNamed() {
        String json = proof.toJson();
        assertTrue(json.contains("\"inclusionProbabilities\" : \"exact\""), json.substring(0, 200));
        String mislabelled = json.replace("\"inclusionProbabilities\" : \"exact\"",
            "\"inclusionProbabilities\" : \"rank-conditioned\"");
        assertTrue(assertThrows(ProofFormatException.class, () -> DrawProof.fromJson(mislabelled)).getMessage()
            .contains("a uniform draw records \"exact\""));

        String legacy = json.replace("\"mode\" : \"uniform\"", "\"mode\" : \"weighted\"")
            .replace("\"inclusionProbabilities\" : \"exact\"", "\"inclusionProbabilities\" : \"approximate\"");
        assertTrue(assertThrows(ProofFormatException.class, () -> DrawProof.fromJson(legacy)).getMessage()
            .contains("before 2026-11-27"));
    }
}
