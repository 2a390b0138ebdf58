package io.suiji.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/draw-algorithm.md, appendix B, exactly (also re-computed by an independent Python script). */
class SpecificationExampleTest {

    private static DrawProof draw(SamplingMode mode) throws Exception {
        List<PopulationEntry> entries = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            entries.add(new PopulationEntry("91410402MA4500000" + i, "1", "410402/A"));
        }
        entries.add(new PopulationEntry("91410402MA45000006", "1", "410402/C"));
        entries.add(new PopulationEntry("91410402MA45000007", "2.5", "410402/C"));
        entries.add(new PopulationEntry("91410402MA45000008", "4", "410402/C"));
        for (int i = 1; i <= 4; i++) {
            entries.add(new PopulationEntry("91410403MA4600000" + i, "1", "410403/A"));
        }
        Collections.reverse(entries);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        PopulationSummary population = Population.write(entries, file);
        assertEquals("9c996effe889d5f98d80fb42263d6a972e8e6fb63ff8e6ad5dbd7cd0cbbcb0e2", population.digest());
        List<StratumPlan> plans = StratumAllocation.allocate(population.stratumSizes(), Map.of(
            "410402/A", new BigDecimal("0.2"), "410402/C", new BigDecimal("0.5"), "410403/A", new BigDecimal("0.2")),
            5);
        assertEquals(List.of(2, 2, 1), plans.stream().map(StratumPlan::sample).toList());
        DrawParameters parameters = new DrawParameters(mode, 5, ControlSample.of(1, "410402/A", "410403/A"),
            new GroupRules(2, 3), List.of("1", "2", "3"));
        return Draw.run("EXAMPLE-1", parameters, plans, CommitmentTest.R, CommitmentTest.E,
            new ByteArrayInputStream(file.toByteArray()), s -> s.stratum().startsWith("410402")
                ? List.of("ZF-0101", "ZF-0102", "ZF-0103", "ZF-0104") : List.of("ZF-0201", "ZF-0202", "ZF-0203"));
    }

    @Test
    void uniformExample() throws Exception {
        DrawProof proof = draw(SamplingMode.UNIFORM);
        assertEquals(List.of(
            new Selection(1, "91410403MA46000003", "410403/A", 0.25, false),
            new Selection(2, "91410402MA45000008", "410402/C", 2.0 / 3, false),
            new Selection(3, "91410402MA45000002", "410402/A", 0.4, false),
            new Selection(4, "91410402MA45000007", "410402/C", 2.0 / 3, false),
            new Selection(5, "91410402MA45000001", "410402/A", 0.4, false),
            new Selection(6, "91410403MA46000001", "410403/A", 1.0 / 6, true)), proof.selection());
        assertEquals("12bab7784010b6ad555e596f706c617128a343848a974fff73678462de86b5fb", proof.selectionDigest());
        assertEquals(List.of("1:91410403MA46000003:ZF-0201,ZF-0203", "2:91410402MA45000008:ZF-0101,ZF-0104",
            "3:91410402MA45000002:ZF-0102,ZF-0101", "4:91410402MA45000007:ZF-0104,ZF-0103",
            "5:91410402MA45000001:ZF-0104,ZF-0102", "6:91410403MA46000001:ZF-0201,ZF-0203"),
            proof.inspectorGroups().stream().map(InspectorGroup::line).toList());
        assertEquals("1f930f802aa29bca052e3d35f31babb9849e1a300744406fee1de0bdc0d8afb6",
            proof.inspectorGroupsDigest());
        assertEquals(List.of("2", "3", "1"), proof.batchOrder());
    }

    @Test
    void weightedExample() throws Exception {
        DrawProof proof = draw(SamplingMode.WEIGHTED);
        assertEquals(List.of(
            new Selection(1, "91410402MA45000008", "410402/C", 0.986692973691115, false),
            new Selection(2, "91410402MA45000007", "410402/C", 0.932771931378786, false),
            new Selection(3, "91410402MA45000005", "410402/A", 0.5011163002064593, false),
            new Selection(4, "91410403MA46000004", "410403/A", 0.5459426781368321, false),
            new Selection(5, "91410402MA45000004", "410402/A", 0.5011163002064593, false),
            new Selection(6, "91410402MA45000001", "410402/A", 1.0 / 6, true)), proof.selection());
        assertEquals("102394c3bc8b5e7fc8d2d63d8dd2cb14df427c75a9906f3ed5e0f92110d747df", proof.selectionDigest());
        assertEquals("rank-conditioned", proof.inclusionProbabilities());
    }
}
