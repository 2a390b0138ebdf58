package io.suiji.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link ProofJson#write} streams the proof with a JsonGenerator; published proofs are compared byte
 * for byte, so it must produce exactly what the earlier tree-based writer produced. That writer is kept
 * here, unchanged, as the reference.
 */
class ProofJsonStreamingTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * The previous implementation of {@code ProofJson.write} (an ObjectNode tree, pretty-printed),
     * kept verbatim as the reference the streaming writer must match.
     */
    static String treeWrite(DrawProof p) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("algorithm", p.algorithm());
        root.put("version", p.version());
        if (p.drawId() != null) {
            root.put("drawId", p.drawId());
        }
        DrawParameters params = p.parameters();
        ObjectNode parameters = root.putObject("parameters");
        parameters.put("mode", params.mode().label());
        parameters.put("minimumCount", params.minimumCount());
        if (params.control() == null) {
            parameters.putNull("control");
        } else {
            ObjectNode control = parameters.putObject("control");
            params.control().strata().forEach(control.putArray("strata")::add);
            control.put("count", params.control().count());
        }
        if (params.groupRules() == null) {
            parameters.putNull("groupRules");
        } else {
            ObjectNode rules = parameters.putObject("groupRules");
            rules.put("groupSize", params.groupRules().groupSize());
            rules.put("workloadCap", params.groupRules().workloadCap());
            ObjectNode prior = rules.putObject("priorWorkload");
            params.groupRules().priorWorkload().forEach(prior::put);
        }
        params.batches().forEach(parameters.putArray("batches")::add);
        ObjectNode population = root.putObject("population");
        population.put("size", p.populationSize());
        population.put("digest", p.populationDigest());
        ArrayNode strata = root.putArray("strata");
        for (StratumPlan s : p.strata()) {
            ObjectNode o = strata.addObject();
            o.put("name", s.name());
            o.put("population", s.population());
            o.put("ratio", s.ratio().toPlainString());
            o.put("sample", s.sample());
        }
        if (p.sources() != null) {
            ArrayNode sources = root.putArray("sources");
            p.sources().forEach(source -> source.forEach(sources.addArray()::add));
        }
        root.put("commitment", p.commitment());
        root.put("secret", p.secret());
        root.put("witnessEntropy", p.witnessEntropy());
        root.put("seed", p.seed());
        root.put("inclusionProbabilities", p.inclusionProbabilities());
        ArrayNode selection = root.putArray("selection");
        for (Selection s : p.selection()) {
            ObjectNode o = selection.addObject();
            o.put("ordinal", s.ordinal());
            o.put("id", s.id());
            o.put("stratum", s.stratum());
            o.put("inclusionProbability", s.inclusionProbability());
            o.put("control", s.control());
        }
        root.put("selectionDigest", p.selectionDigest());
        ArrayNode groups = root.putArray("inspectorGroups");
        for (InspectorGroup g : p.inspectorGroups()) {
            ObjectNode o = groups.addObject();
            o.put("ordinal", g.ordinal());
            o.put("targetId", g.targetId());
            g.eligible().forEach(o.putArray("eligible")::add);
            g.inspectors().forEach(o.putArray("inspectors")::add);
        }
        if (p.inspectorGroupsDigest() == null) {
            root.putNull("inspectorGroupsDigest");
        } else {
            root.put("inspectorGroupsDigest", p.inspectorGroupsDigest());
        }
        p.batchOrder().forEach(root.putArray("batchOrder")::add);
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Same bytes as the reference, and the document reads back to the same proof. */
    private static void assertStreamedAsTree(DrawProof proof) {
        String streamed = ProofJson.write(proof);
        assertEquals(treeWrite(proof), streamed);
        assertEquals(proof, DrawProof.fromJson(streamed));
    }

    private static DrawProof draw(int entities, String ratio, DrawParameters parameters, boolean groups)
        throws IOException {
        byte[] file = Fixtures.canonicalFile(entities);
        List<StratumPlan> plans = Fixtures.plans(Fixtures.stream(entities), ratio, parameters.minimumCount());
        return Draw.run("2026-PJ-" + entities, parameters, plans, CommitmentTest.R, VerifierTest.ENTROPY,
            new ByteArrayInputStream(file), groups ? ProofJsonStreamingTest::eligible : s -> List.of());
    }

    /** Eight inspectors of the target's region, one of them excluded by a (made-up) conflict. */
    private static List<String> eligible(Selection target) {
        return Fixtures.inspectorsOfRegion(target, 8);
    }

    @Test
    void uniformWithoutControlGroupsOrBatches() throws IOException {
        DrawProof proof = draw(300, "0.1", DrawParameters.uniform(), false);
        assertNull(proof.parameters().control());
        assertNull(proof.inspectorGroupsDigest());
        assertTrue(proof.batchOrder().isEmpty());
        assertStreamedAsTree(proof);
    }

    @Test
    void weightedWithoutControlGroupsOrBatches() throws IOException {
        assertStreamedAsTree(draw(300, "0.1",
            new DrawParameters(SamplingMode.WEIGHTED, 0, null, null, List.of()), false));
    }

    @Test
    void uniformWithControlGroupsAndBatches() throws IOException {
        DrawProof proof = VerifierTest.genuineDraw(Fixtures.canonicalFile(600));
        assertNotNull(proof.parameters().control());
        assertNotNull(proof.inspectorGroupsDigest());
        assertEquals(3, proof.batchOrder().size());
        assertStreamedAsTree(proof);
    }

    @Test
    void weightedWithControlGroupsPriorWorkloadAndBatches() throws IOException {
        DrawParameters parameters = new DrawParameters(SamplingMode.WEIGHTED, 30,
            ControlSample.of(4, "410402/A", "410403/B"),
            new GroupRules(3, 20, Map.of("ZF-410402-1", 2, "ZF-410403-0", 0, "ZF-410404-7", 5)),
            List.of("第一批", "第二批", "第三批", "第四批"));
        DrawProof proof = draw(480, "0.05", parameters, true);
        assertTrue(proof.selection().stream().anyMatch(Selection::control));
        assertStreamedAsTree(proof);
    }

    @Test
    void weightedWithControlOnly() throws IOException {
        assertStreamedAsTree(draw(240, "0.1",
            new DrawParameters(SamplingMode.WEIGHTED, 0, ControlSample.of(2, "410404/D"), null, List.of()), false));
    }

    @Test
    void groupsWithEmptyPriorWorkloadAndNoBatches() throws IOException {
        assertStreamedAsTree(draw(240, "0.1",
            new DrawParameters(SamplingMode.UNIFORM, 0, null, new GroupRules(2, 10), List.of()), true));
    }

    @Test
    void batchesOnly() throws IOException {
        assertStreamedAsTree(draw(120, "0.1",
            new DrawParameters(SamplingMode.UNIFORM, 0, null, null, List.of("1", "2", "3", "4", "5")), false));
    }

    @Test
    void specificationExampleInBothModes() throws Exception {
        for (SamplingMode mode : SamplingMode.values()) {
            List<PopulationEntry> entries = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                entries.add(new PopulationEntry("91410402MA4500000" + i, "1", "410402/A"));
            }
            entries.add(new PopulationEntry("91410402MA45000007", "2.5", "410402/C"));
            entries.add(new PopulationEntry("91410403MA46000001", "1", "410403/A"));
            java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
            PopulationSummary population = Population.write(entries, file);
            List<StratumPlan> plans = StratumAllocation.allocate(population.stratumSizes(), Map.of(
                "410402/A", new BigDecimal("0.20"), "410402/C", new BigDecimal("1"), "410403/A", BigDecimal.ZERO), 3);
            DrawParameters parameters = new DrawParameters(mode, 3, ControlSample.of(1, "410403/A"),
                new GroupRules(2, 3), List.of("1", "2"));
            DrawProof proof = Draw.run("EXAMPLE-PJ", parameters, plans, CommitmentTest.R, CommitmentTest.E,
                new ByteArrayInputStream(file.toByteArray()), s -> List.of("ZF-01", "ZF-02", "ZF-03", "ZF-04"));
            assertStreamedAsTree(proof);
        }
    }

    @Test
    void rfc3797WithSourcesGroupsAndBatches() throws IOException {
        byte[] file = Fixtures.canonicalFile(600);
        PopulationSummary summary = Population.summarize(new ByteArrayInputStream(file));
        Map<String, BigDecimal> ratios = new TreeMap<>();
        summary.stratumSizes().keySet().forEach(s -> ratios.put(s, new BigDecimal(s.endsWith("C") ? "0.10" : "0.05")));
        List<StratumPlan> plans = StratumAllocation.allocate(summary.stratumSizes(), ratios, 40);
        DrawParameters parameters = new DrawParameters(SamplingMode.UNIFORM, 40, null, new GroupRules(2, 30),
            List.of("1", "2"));
        DrawProof proof = Draw.runRfc3797("2020-RS-008-2", parameters, plans, CommitmentTest.R,
            List.of(List.of(9319L), List.of(2L, 5L, 12L, 8L, 10L), List.of(9L, 18L, 26L, 34L, 41L, 45L),
                List.of(0L, Long.MAX_VALUE)),
            new ByteArrayInputStream(file), target -> List.of("ZF-1", "ZF-2", "ZF-3", "ZF-4"));
        assertTrue(proof.rfc3797());
        assertStreamedAsTree(proof);
    }

    @Test
    void rfc3797WithoutGroups() throws IOException {
        byte[] file = Fixtures.canonicalFile(200);
        DrawProof proof = Draw.runRfc3797(null, DrawParameters.uniform(),
            Fixtures.plans(Fixtures.stream(200), "0.1", 0), CommitmentTest.R, List.of(List.of(1L, 2L, 3L)),
            new ByteArrayInputStream(file), target -> List.of());
        assertNull(proof.drawId());
        assertStreamedAsTree(proof);
    }

    /** Hand-made: no drawId, nothing selected, no strata; the corners of the layout (empty arrays and objects). */
    @Test
    void emptyProof() {
        DrawProof proof = DrawProof.create(null, new DrawParameters(SamplingMode.UNIFORM, 0,
                new ControlSample(new java.util.TreeSet<>(), 0), new GroupRules(2, 1), List.of()),
            new PopulationSummary(Sha256.digestOfLines(List.of()), 0, new TreeMap<>()), List.of(), CommitmentTest.R,
            "-", List.of(), List.of(), List.of());
        assertStreamedAsTree(proof);
    }

    /** Not a proof that reads back, but the writer must still not differ: absent text is written as null. */
    @Test
    void missingTextIsWrittenAsNull() {
        DrawProof proof = new DrawProof(null, 1, null, DrawParameters.uniform(), 3, null, List.of(), null, null, null,
            null, List.of(new Selection(1, null, null, 0.5, false)), null,
            List.of(new InspectorGroup(1, null, List.of(), List.of())), null, List.of(), List.of(List.of(7L)));
        String streamed = ProofJson.write(proof);
        assertEquals(treeWrite(proof), streamed);
        assertTrue(streamed.contains("\"commitment\" : null"), streamed);
    }

    /** Hand-made: probabilities whose shortest double form varies (exponents, 1.0, tiny values), odd text. */
    @Test
    void numberAndTextCorners() {
        List<Selection> selection = List.of(
            new Selection(1, "a\"b\\c", "S/1", 1.0, false),
            new Selection(2, "控制-𝄞", "S/1", 1e-7, true),
            new Selection(3, "x\ty", "S/1", 2.0 / 3, false),
            new Selection(4, "e", "S/1", 0.1 + 0.2, false),
            new Selection(5, "m", "S/1", Double.MIN_VALUE, false),
            new Selection(Integer.MAX_VALUE, "z", "S/1", 123456789.0, false));
        DrawProof proof = DrawProof.create("近似 \u0001 draw", new DrawParameters(SamplingMode.UNIFORM, Long.MAX_VALUE,
                null, null, List.of("\u00e9", "")),
            new PopulationSummary(Sha256.digestOfLines(List.of()), Long.MAX_VALUE, new TreeMap<>()),
            List.of(new StratumPlan("S/1", Long.MAX_VALUE, new BigDecimal("1E-10"), 6),
                new StratumPlan("S/2", 7, new BigDecimal("0.500"), 0)),
            CommitmentTest.R, "entropy \"quoted\"", selection, List.of(), List.of("", "\u00e9"));
        assertStreamedAsTree(proof);
    }

    @Test
    void largeWeightedDrawWithGroups() throws IOException {
        DrawParameters parameters = new DrawParameters(SamplingMode.WEIGHTED, 0, ControlSample.of(50, "410402/A"),
            new GroupRules(2, 20_000), List.of("a", "b", "c"));
        DrawProof proof = draw(40_000, "0.5", parameters, true);
        assertEquals(20_050, proof.selection().size());
        assertStreamedAsTree(proof);
    }

    @Test
    void largeUniformDraw() throws IOException {
        DrawProof proof = draw(40_000, "0.5", DrawParameters.uniform(), false);
        assertEquals(20_000, proof.selection().size());
        assertStreamedAsTree(proof);
    }
}
