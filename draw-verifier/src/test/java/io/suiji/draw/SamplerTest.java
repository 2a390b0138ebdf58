package io.suiji.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SamplerTest {
    private static final byte[] SEED = Fixtures.seed("sampler test");

    @Test
    void sameSeedAndPopulationInAnyRowOrderGiveTheSameDraw() throws Exception {
        List<PopulationEntry> entries = Fixtures.population(3000);
        List<StratumPlan> plans = Fixtures.plans(entries, "0.05", 0);
        ControlSample control = ControlSample.of(7, "410402/A", "410403/A");
        List<Selection> reference = Sampler.draw(SEED, SamplingMode.UNIFORM, plans, control, entries);
        String digest = Selection.digest(reference);
        String populationDigest = Population.summarize(new ByteArrayInputStream(Fixtures.canonicalFile(entries))).digest();
        Random random = new Random(42);
        for (int shuffle = 0; shuffle < 5; shuffle++) {
            List<PopulationEntry> shuffled = new ArrayList<>(entries);
            Collections.shuffle(shuffled, random);
            List<Selection> again = Sampler.draw(SEED, SamplingMode.UNIFORM, plans, control, shuffled);
            assertEquals(reference, again);
            assertEquals(digest, Selection.digest(again));
            assertEquals(populationDigest,
                Population.summarize(new ByteArrayInputStream(Fixtures.canonicalFile(shuffled))).digest());
        }
        // Reading the canonical file gives the same draw as offering entries.
        Sampler fromFile = new Sampler(SEED, SamplingMode.UNIFORM, plans, control);
        PopulationSummary summary = fromFile.offerFile(new ByteArrayInputStream(Fixtures.canonicalFile(entries)));
        assertEquals(populationDigest, summary.digest());
        assertEquals(reference, fromFile.finish());
        // Weighted mode too.
        List<Selection> weighted = Sampler.draw(SEED, SamplingMode.WEIGHTED, plans, null, entries);
        List<PopulationEntry> reversed = new ArrayList<>(entries);
        Collections.reverse(reversed);
        assertEquals(weighted, Sampler.draw(SEED, SamplingMode.WEIGHTED, plans, null, reversed));
        // A different seed gives a different draw.
        assertNotEquals(reference, Sampler.draw(Fixtures.seed("other"), SamplingMode.UNIFORM, plans, control, entries));
    }

    @Test
    void uniformModeTakesTheSmallestKeysOfEachStratum() {
        List<PopulationEntry> entries = Fixtures.population(1200);
        List<StratumPlan> plans = Fixtures.plans(entries, "0.1", 0);
        List<Selection> selection = Sampler.draw(SEED, SamplingMode.UNIFORM, plans, null, entries);
        DrawKeys keys = new DrawKeys(SEED);
        Comparator<byte[]> unsigned = Arrays::compareUnsigned;
        for (StratumPlan plan : plans) {
            List<String> expected = entries.stream().filter(e -> e.stratum().equals(plan.name()))
                .sorted(Comparator.comparing(e -> keys.key(DrawKeys.TARGET, e.id()), unsigned))
                .limit(plan.sample()).map(PopulationEntry::id).sorted().toList();
            List<String> actual = selection.stream().filter(s -> s.stratum().equals(plan.name()))
                .map(Selection::id).sorted().toList();
            assertEquals(expected, actual, plan.name());
            selection.stream().filter(s -> s.stratum().equals(plan.name())).forEach(s ->
                assertEquals((double) plan.sample() / plan.population(), s.inclusionProbability()));
        }
        // Draw order: by target key, ordinals 1..n.
        for (int i = 0; i < selection.size(); i++) {
            assertEquals(i + 1, selection.get(i).ordinal());
            if (i > 0) {
                assertTrue(Arrays.compareUnsigned(keys.key(DrawKeys.TARGET, selection.get(i - 1).id()),
                    keys.key(DrawKeys.TARGET, selection.get(i).id())) < 0);
            }
        }
        assertEquals(plans.stream().mapToInt(StratumPlan::sample).sum(), selection.size());
    }

    @Test
    void weightedModeTakesTheLargestPriorities() {
        List<PopulationEntry> entries = Fixtures.population(1200);
        List<StratumPlan> plans = Fixtures.plans(entries, "0.1", 0);
        List<Selection> selection = Sampler.draw(SEED, SamplingMode.WEIGHTED, plans, null, entries);
        DrawKeys keys = new DrawKeys(SEED);
        for (StratumPlan plan : plans) {
            List<PopulationEntry> members = entries.stream().filter(e -> e.stratum().equals(plan.name())).toList();
            List<PopulationEntry> byPriority = members.stream()
                .sorted(Comparator.comparingDouble(
                    (PopulationEntry e) -> -DrawKeys.priority(keys.key(DrawKeys.TARGET, e.id()), e.weightValue())))
                .toList();
            List<String> expected = byPriority.stream().limit(plan.sample()).map(PopulationEntry::id).sorted().toList();
            PopulationEntry next = byPriority.get(plan.sample());
            double threshold = DrawKeys.priority(keys.key(DrawKeys.TARGET, next.id()), next.weightValue());
            List<Selection> chosen = selection.stream().filter(s -> s.stratum().equals(plan.name())).toList();
            assertEquals(expected, chosen.stream().map(Selection::id).sorted().toList(), plan.name());
            for (Selection s : chosen) {
                double w = members.stream().filter(e -> e.id().equals(s.id())).findFirst().orElseThrow().weightValue();
                // π = 1 − exp(w · p*), p* the (k+1)-th priority of the stratum (§9).
                assertEquals(-StrictMath.expm1(w * threshold), s.inclusionProbability(), 0.0);
            }
        }
    }

    @Test
    void controlSampleComesFromControlStrataOutsideTheMainSample() {
        List<PopulationEntry> entries = Fixtures.population(2400);
        List<StratumPlan> plans = Fixtures.plans(entries, "0.05", 0);
        ControlSample control = ControlSample.of(9, "410402/A", "410403/A");
        List<Selection> selection = Sampler.draw(SEED, SamplingMode.UNIFORM, plans, control, entries);
        List<Selection> main = selection.stream().filter(s -> !s.control()).toList();
        List<Selection> controls = selection.stream().filter(Selection::control).toList();
        assertEquals(9, controls.size());
        assertEquals(selection.subList(main.size(), selection.size()), controls, "control entries come last");
        Set<String> mainIds = main.stream().map(Selection::id).collect(Collectors.toSet());
        long population = 0;
        long sampled = 0;
        for (StratumPlan p : plans) {
            if (control.strata().contains(p.name())) {
                population += p.population();
                sampled += p.sample();
            }
        }
        for (Selection c : controls) {
            assertTrue(control.strata().contains(c.stratum()));
            assertTrue(!mainIds.contains(c.id()));
            assertEquals(9.0 / (population - sampled), c.inclusionProbability());
        }
        // The control sample is the 9 smallest control keys among the non-selected.
        DrawKeys keys = new DrawKeys(SEED);
        List<String> expected = entries.stream()
            .filter(e -> control.strata().contains(e.stratum()) && !mainIds.contains(e.id()))
            .sorted(Comparator.comparing(e -> keys.key(DrawKeys.CONTROL, e.id()), Arrays::compareUnsigned))
            .limit(9).map(PopulationEntry::id).toList();
        assertEquals(expected, controls.stream().map(Selection::id).toList());
    }

    @Test
    void wholeStrataAndEmptyStrataAreHandled() {
        List<PopulationEntry> entries = List.of(PopulationEntry.of("a", "S1"), PopulationEntry.of("b", "S1"),
            new PopulationEntry("c", "3", "S2"));
        List<StratumPlan> plans = List.of(new StratumPlan("S1", 2, BigDecimal.ONE, 2),
            new StratumPlan("S2", 1, BigDecimal.ZERO, 0), new StratumPlan("S3", 0, BigDecimal.ONE, 0));
        for (SamplingMode mode : SamplingMode.values()) {
            List<Selection> s = Sampler.draw(SEED, mode, plans, ControlSample.of(5, "S2"), entries);
            assertEquals(3, s.size());
            assertEquals(Set.of("a", "b"), Set.of(s.get(0).id(), s.get(1).id()));
            assertEquals(1.0, s.get(0).inclusionProbability());
            assertEquals(new Selection(3, "c", "S2", 1.0, true), s.get(2));
        }
    }

    @Test
    void manyStrataFromAFileMatchTheEntryPath() throws Exception {
        List<PopulationEntry> entries = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            entries.add(PopulationEntry.of("E" + i, "S" + (i * 31 % 97)));
        }
        List<StratumPlan> plans = Fixtures.plans(entries, "0.1", 0);
        assertEquals(97, plans.size());
        Sampler fromFile = new Sampler(SEED, SamplingMode.UNIFORM, plans, null);
        fromFile.offerFile(new ByteArrayInputStream(Fixtures.canonicalFile(entries)));
        assertEquals(Sampler.draw(SEED, SamplingMode.UNIFORM, plans, null, entries), fromFile.finish());
    }

    @Test
    void refusesAPopulationThatDiffersFromThePlans() {
        List<PopulationEntry> entries = Fixtures.population(120);
        List<StratumPlan> plans = Fixtures.plans(entries, "0.1", 0);
        DrawException missing = assertThrows(DrawException.class,
            () -> Sampler.draw(SEED, SamplingMode.UNIFORM, plans, null, entries.subList(1, 120)));
        assertTrue(missing.getMessage().contains("410402/A: the population has 9 entities, the plan says 10"),
            missing.getMessage());
        List<PopulationEntry> extra = new ArrayList<>(entries);
        extra.add(PopulationEntry.of("X", "999999/Z"));
        assertThrows(DrawException.class, () -> Sampler.draw(SEED, SamplingMode.UNIFORM, plans, null, extra));
        assertThrows(IllegalArgumentException.class,
            () -> new Sampler(SEED, SamplingMode.UNIFORM, plans, ControlSample.of(1, "nowhere")));
    }

    @Test
    void memoryStaysBoundedByTheSampleNotThePopulation() {
        // 1,000,000 generated entities, streamed through an Iterator: never materialised.
        Iterable<PopulationEntry> population = Fixtures.stream(1_000_000);
        List<StratumPlan> plans = new ArrayList<>();
        for (int h = 0; h < 12; h++) {
            plans.add(new StratumPlan(Fixtures.stratum(h), h < 4 ? 83_334 : 83_333, new BigDecimal("0.0001"), 8));
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Sampler sampler = new Sampler(SEED, SamplingMode.UNIFORM, plans, ControlSample.of(5, "410402/A"));
        long[] usedAt = new long[2];
        long count = 0;
        for (Iterator<PopulationEntry> it = population.iterator(); it.hasNext(); ) {
            sampler.offer(it.next());
            if (++count == 100_000 || count == 1_000_000) {
                System.gc();
                usedAt[count == 100_000 ? 0 : 1] = memory.getHeapMemoryUsage().getUsed();
            }
        }
        List<Selection> selection = sampler.finish();
        assertEquals(96 + 5, selection.size());
        assertTrue(sampler.peakRetained() <= 96 + 5 + 8, "retained " + sampler.peakRetained());
        long growth = usedAt[1] - usedAt[0];
        System.out.printf("heap after 100k entities %.1f MB, after 1M %.1f MB (growth %.1f MB); peak candidates %d%n",
            usedAt[0] / 1e6, usedAt[1] / 1e6, growth / 1e6, sampler.peakRetained());
        assertTrue(growth < 32_000_000, "heap grew by " + growth + " bytes over 900,000 entities");
    }
}
