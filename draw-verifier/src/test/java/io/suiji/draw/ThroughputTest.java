package io.suiji.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Prints how long 1,000,000 population lines in 12 strata at 5 % take: read, validated, digested
 * and drawn in one pass. A measurement, not an assertion (the build machine is shared).
 */
class ThroughputTest {

    @Test
    void drawOneMillionLinesInTwelveStrataAtFivePercent() throws Exception {
        byte[] file = Fixtures.canonicalFile(1_000_000);
        long t0 = System.nanoTime();
        PopulationSummary summary = Population.summarize(new ByteArrayInputStream(file));
        long t1 = System.nanoTime();
        assertEquals(12, summary.stratumSizes().size());
        List<StratumPlan> plans = StratumAllocation.allocate(summary.stratumSizes(), Map.of(),
            new BigDecimal("0.05"), 0);
        byte[] seed = Fixtures.seed("throughput");
        System.out.printf("1,000,000 lines (%.1f MB), 12 strata, 5 %%: validate + digest only %d ms%n",
            file.length / 1e6, (t1 - t0) / 1_000_000);
        for (SamplingMode mode : List.of(SamplingMode.UNIFORM, SamplingMode.UNIFORM, SamplingMode.WEIGHTED)) {
            long start = System.nanoTime();
            Sampler sampler = new Sampler(seed, mode, plans, null);
            PopulationSummary read = sampler.offerFile(new ByteArrayInputStream(file));
            List<Selection> selection = sampler.finish();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(summary, read);
            assertEquals(50_000, selection.size());
            System.out.printf("  validate + digest + %s draw of 50,000: %d ms%n", mode.label(), millis);
        }
    }
}
