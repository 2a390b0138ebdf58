package io.suiji.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The allocation examples of docs/draw-algorithm.md §7, exactly. */
class StratumAllocationTest {

    private static Map<String, Long> sizes(Object... nameSize) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < nameSize.length; i += 2) {
            m.put((String) nameSize[i], ((Number) nameSize[i + 1]).longValue());
        }
        return m;
    }

    private static Map<String, BigDecimal> ratios(String... nameRatio) {
        Map<String, BigDecimal> m = new HashMap<>();
        for (int i = 0; i < nameRatio.length; i += 2) {
            m.put(nameRatio[i], new BigDecimal(nameRatio[i + 1]));
        }
        return m;
    }

    private static List<Integer> samples(List<StratumPlan> plans) {
        return plans.stream().map(StratumPlan::sample).toList();
    }

    @Test
    void workedExampleOneLargestRemainder() {
        // quotas 61.70, 77.40, 45.25, 23.60; total 207.95 → 208; floors give 206; +1 to .70 and .60
        List<StratumPlan> plans = StratumAllocation.allocate(
            sizes("410402/A", 1234, "410402/C", 387, "410403/A", 905, "410403/C", 118),
            ratios("410402/A", "0.05", "410402/C", "0.20", "410403/A", "0.05", "410403/C", "0.20"), 0);
        assertEquals(List.of(62, 77, 45, 24), samples(plans));
        assertEquals(List.of("410402/A", "410402/C", "410403/A", "410403/C"),
            plans.stream().map(StratumPlan::name).toList());
    }

    @Test
    void workedExampleTwoMinimumOf200() {
        // 至少200人: quotas 75, 45, 30, 12 (total 162) are stretched by 200/162:
        // 92.59…, 55.55…, 37.03…, 14.81…; floors 198; +1 to .81… (D) and .59… (A).
        Map<String, Long> n = sizes("410402/A", 1500, "410402/B", 900, "410402/C", 300, "410402/D", 60);
        Map<String, BigDecimal> r = ratios("410402/A", "0.05", "410402/B", "0.05", "410402/C", "0.10",
            "410402/D", "0.20");
        assertEquals(List.of(75, 45, 30, 12), samples(StratumAllocation.allocate(n, r, 0)));
        assertEquals(List.of(93, 55, 37, 15), samples(StratumAllocation.allocate(n, r, 200)));
        // A minimum already met changes nothing.
        assertEquals(List.of(75, 45, 30, 12), samples(StratumAllocation.allocate(n, r, 150)));
    }

    @Test
    void workedExampleThreeCapsAtStratumSize() {
        // quotas 5 and 20; minimum 60 stretches X to 12 > 10: X is capped, Y takes the remaining 50.
        Map<String, Long> n = sizes("X", 10, "Y", 400);
        Map<String, BigDecimal> r = ratios("X", "0.5", "Y", "0.05");
        assertEquals(List.of(10, 50), samples(StratumAllocation.allocate(n, r, 60)));
        // A minimum above the population takes everyone.
        assertEquals(List.of(10, 400), samples(StratumAllocation.allocate(n, r, 1000)));
    }

    @Test
    void minimumAloneAllocatesInProportionToSize() {
        List<StratumPlan> plans = StratumAllocation.allocate(sizes("X", 10, "Y", 30, "Z", 0), Map.of(),
            BigDecimal.ZERO, 7);
        assertEquals(List.of(2, 5, 0), samples(plans));
    }

    @Test
    void zeroRatioStrataOnlyFillWhatTheOthersCannot() {
        Map<String, Long> n = sizes("X", 10, "Y", 100);
        Map<String, BigDecimal> r = ratios("X", "0.5", "Y", "0");
        assertEquals(List.of(10, 0), samples(StratumAllocation.allocate(n, r, 10)));
        assertEquals(List.of(10, 2), samples(StratumAllocation.allocate(n, r, 12)));
    }

    @Test
    void equalRemaindersGoByStratumName() {
        assertEquals(List.of(2, 2), samples(StratumAllocation.allocate(sizes("X", 3, "Y", 50),
            ratios("X", "0.5", "Y", "0.05"), 0)));
    }

    @Test
    void totalsAndCapsHoldForRandomPlans() {
        Random random = new Random(20200701);
        for (int trial = 0; trial < 2000; trial++) {
            int strata = 1 + random.nextInt(12);
            Map<String, Long> n = new LinkedHashMap<>();
            Map<String, BigDecimal> r = new HashMap<>();
            BigDecimal w = BigDecimal.ZERO;
            long total = 0;
            for (int h = 0; h < strata; h++) {
                String name = "4104" + (10 + h) + "/" + "ABCD".charAt(random.nextInt(4));
                if (n.containsKey(name)) {
                    continue;
                }
                long size = random.nextInt(5) == 0 ? random.nextInt(3) : random.nextInt(5000);
                BigDecimal ratio = BigDecimal.valueOf(random.nextInt(1001), 3);
                n.put(name, size);
                r.put(name, ratio);
                w = w.add(ratio.multiply(BigDecimal.valueOf(size)));
                total += size;
            }
            long minimum = random.nextBoolean() ? 0 : random.nextInt(3000);
            List<StratumPlan> plans = StratumAllocation.allocate(n, r, minimum);
            long expected = Math.max(w.setScale(0, RoundingMode.HALF_UP).longValueExact(), Math.min(minimum, total));
            assertEquals(expected, plans.stream().mapToLong(StratumPlan::sample).sum(), "total of trial " + trial);
            for (StratumPlan p : plans) {
                assertTrue(p.sample() <= p.population(), "cap in trial " + trial);
                if (expected == w.setScale(0, RoundingMode.HALF_UP).longValueExact()) {
                    BigDecimal quota = p.ratio().multiply(BigDecimal.valueOf(p.population()));
                    assertTrue(quota.subtract(BigDecimal.valueOf(p.sample())).abs().compareTo(BigDecimal.ONE) < 0,
                        "each stratum within one unit of its quota, trial " + trial);
                }
            }
        }
    }

    @Test
    void rejectsMissingOrImpossibleRatios() {
        assertThrows(DrawException.class, () -> StratumAllocation.allocate(sizes("X", 10), Map.of(), 0));
        assertThrows(IllegalArgumentException.class,
            () -> StratumAllocation.allocate(sizes("X", 10), ratios("X", "1.5"), 0));
        assertThrows(IllegalArgumentException.class,
            () -> StratumAllocation.allocate(sizes("X", 10), ratios("X", "-0.1"), 0));
        assertThrows(IllegalArgumentException.class,
            () -> StratumAllocation.allocate(sizes("X", 10), ratios("X", "0.1"), -1));
    }
}
