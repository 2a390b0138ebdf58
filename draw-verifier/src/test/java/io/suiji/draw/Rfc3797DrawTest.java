package io.suiji.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Draws with algorithm RFC3797 (specification §16.1): per stratum RFC 3797, verified like any proof. */
class Rfc3797DrawTest {
    /** The sources of the RFC's worked example (§6). */
    static final List<List<Long>> SOURCES = List.of(List.of(9319L), List.of(2L, 5L, 12L, 8L, 10L),
        List.of(9L, 18L, 26L, 34L, 41L, 45L));

    private static DrawProof draw(byte[] population, DrawParameters parameters, List<List<Long>> sources)
        throws IOException {
        PopulationSummary summary = Population.summarize(new ByteArrayInputStream(population));
        Map<String, BigDecimal> ratios = new TreeMap<>();
        summary.stratumSizes().keySet().forEach(s -> ratios.put(s, new BigDecimal(s.endsWith("C") ? "0.10" : "0.05")));
        List<StratumPlan> plans = StratumAllocation.allocate(summary.stratumSizes(), ratios, 40);
        return Draw.runRfc3797("2020-RS-008-2", parameters, plans, CommitmentTest.R, sources,
            new ByteArrayInputStream(population), target -> List.of("ZF-1", "ZF-2", "ZF-3", "ZF-4"));
    }

    private static DrawParameters uniform() {
        return new DrawParameters(SamplingMode.UNIFORM, 40, null, new GroupRules(2, 30), List.of("1", "2"));
    }

    private static Verification verify(DrawProof proof, byte[] population) throws IOException {
        return Verifier.verify(DrawProof.fromJson(proof.toJson()), new ByteArrayInputStream(population));
    }

    @Test
    void aStratumIsTheRfcPoolInFileOrderWithItsNumberAsTheLastSource() throws IOException {
        List<PopulationEntry> entries = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            entries.add(PopulationEntry.of(String.format("E%02d", i), "410402/A"));
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        Population.write(entries, file);
        StratumPlan stratum = new StratumPlan("410402/A", 25, new BigDecimal("0.44"), 11);

        List<Selection> selection = Rfc3797Draw.select(SOURCES, List.of(stratum),
            Rfc3797Draw.read(new ByteArrayInputStream(file.toByteArray()), List.of("410402/A")));

        assertEquals("9319./2.5.8.10.12./9.18.26.34.41.45./1./", Rfc3797Draw.stratumKeyString(SOURCES, 1));
        // What any RFC 3797 tool prints for the announced sources plus the source "1", pool 25, count 11.
        List<Integer> thirdParty = Rfc3797.select(List.of(List.of(9319L), List.of(2L, 5L, 12L, 8L, 10L),
            List.of(9L, 18L, 26L, 34L, 41L, 45L), List.of(1L)), 25, 11);
        assertEquals(thirdParty, selection.stream().map(s -> Integer.parseInt(s.id().substring(1))).toList());
        assertEquals(List.of(24, 21, 6, 11, 14, 19, 12, 5, 22, 13, 2), thirdParty);
        for (int i = 0; i < selection.size(); i++) {
            assertEquals(i + 1, selection.get(i).ordinal());
            assertEquals(11.0 / 25, selection.get(i).inclusionProbability());
            assertFalse(selection.get(i).control());
        }
    }

    @Test
    void aStratifiedDrawVerifiesAndItsProofNamesTheSources() throws IOException {
        byte[] population = Fixtures.canonicalFile(600);
        DrawProof proof = draw(population, uniform(), SOURCES);

        assertEquals("RFC3797", proof.algorithm());
        assertEquals(Rfc3797.keyString(SOURCES), proof.witnessEntropy());
        assertEquals(List.of(List.of(9319L), List.of(2L, 5L, 12L, 8L, 10L), List.of(9L, 18L, 26L, 34L, 41L, 45L)),
            DrawProof.fromJson(proof.toJson()).sources());
        assertEquals(proof.strata().stream().mapToInt(StratumPlan::sample).sum(), proof.selection().size());
        assertEquals(proof.selection().size(), proof.inspectorGroups().size());
        assertEquals(Verification.VERIFIED, verify(proof, population));

        // Stratum 2 in byte order is 410402/B: its members are the RFC pool, numbered in file order.
        StratumPlan second = proof.strata().get(1);
        List<String> pool = Population.canonicalLines(Fixtures.population(600)).stream()
            .filter(line -> line.endsWith(":" + second.name())).map(line -> line.substring(0, line.indexOf(':'))).toList();
        List<String> expected = Rfc3797.select(Rfc3797Draw.stratumKeyString(SOURCES, 2), pool.size(), second.sample())
            .stream().map(position -> pool.get(position - 1)).toList();
        assertEquals(expected, proof.selection().stream().filter(s -> s.stratum().equals(second.name()))
            .map(Selection::id).toList());
    }

    @Test
    void aTamperedProofIsRejectedWithTheFirstDifference() throws IOException {
        byte[] population = Fixtures.canonicalFile(600);
        DrawProof proof = draw(population, uniform(), SOURCES);

        List<List<Long>> otherSources = List.of(List.of(9320L), SOURCES.get(1), SOURCES.get(2));
        Verification sourceChanged = verify(withSources(proof, otherSources, proof.witnessEntropy()), population);
        assertFalse(sourceChanged.verified());
        assertTrue(sourceChanged.difference().contains("key string of its sources, 9320./"), sourceChanged.difference());

        // Consistent new sources still fail: the seed (and the selection) were computed from the real ones.
        Verification reseeded = verify(withSources(proof, otherSources, Rfc3797.keyString(otherSources)), population);
        assertFalse(reseeded.verified());
        assertTrue(reseeded.difference().startsWith("the seed does not match"), reseeded.difference());

        List<Selection> swapped = new ArrayList<>(proof.selection());
        Selection first = swapped.get(0);
        Selection second = swapped.get(1);
        swapped.set(0, new Selection(1, second.id(), second.stratum(), second.inclusionProbability(), false));
        swapped.set(1, new Selection(2, first.id(), first.stratum(), first.inclusionProbability(), false));
        Verification reordered = verify(new DrawProof(proof.algorithm(), proof.version(), proof.drawId(),
            proof.parameters(), proof.populationSize(), proof.populationDigest(), proof.strata(), proof.commitment(),
            proof.secret(), proof.witnessEntropy(), proof.seed(), swapped, Selection.digest(swapped),
            proof.inspectorGroups(), proof.inspectorGroupsDigest(), proof.batchOrder(), proof.sources()), population);
        assertFalse(reordered.verified());
        assertTrue(reordered.difference().startsWith("selection #1: recomputed " + first.id()), reordered.difference());

        Verification asSuiji = verify(new DrawProof(DrawProof.ALGORITHM, proof.version(), proof.drawId(),
            proof.parameters(), proof.populationSize(), proof.populationDigest(), proof.strata(), proof.commitment(),
            proof.secret(), proof.witnessEntropy(), proof.seed(), proof.selection(), proof.selectionDigest(),
            proof.inspectorGroups(), proof.inspectorGroupsDigest(), proof.batchOrder(), null), population);
        assertFalse(asSuiji.verified(), "the same selection is not what SUIJI-SHA256-1 draws");
    }

    @Test
    void poolsOverSixtyFiveThousandFiveHundredThirtyFiveAndNonUniformDrawsAreRefused() throws IOException {
        DrawParameters noGroups = new DrawParameters(SamplingMode.UNIFORM, 40, null, null, List.of());
        DrawException tooLarge = assertThrows(DrawException.class,
            () -> draw(Fixtures.canonicalFile(65_536), noGroups, SOURCES));
        assertTrue(tooLarge.getMessage().contains("at most 65535"), tooLarge.getMessage());
        assertEquals(65_535, draw(Fixtures.canonicalFile(65_535), noGroups, SOURCES).populationSize());

        byte[] population = Fixtures.canonicalFile(120);
        assertThrows(DrawException.class, () -> draw(population,
            new DrawParameters(SamplingMode.WEIGHTED, 40, null, null, List.of()), SOURCES));
        assertThrows(DrawException.class, () -> draw(population,
            new DrawParameters(SamplingMode.UNIFORM, 40, ControlSample.of(1, "410402/A"), null, List.of()), SOURCES));
        assertThrows(IllegalArgumentException.class, () -> draw(population, uniform(), List.of(List.of())));
    }

    private static DrawProof withSources(DrawProof p, List<List<Long>> sources, String entropy) {
        return new DrawProof(p.algorithm(), p.version(), p.drawId(), p.parameters(), p.populationSize(),
            p.populationDigest(), p.strata(), p.commitment(), p.secret(), entropy, p.seed(), p.selection(),
            p.selectionDigest(), p.inspectorGroups(), p.inspectorGroupsDigest(), p.batchOrder(), sources);
    }
}
