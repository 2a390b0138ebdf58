package io.suiji.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Over many seeds every entity is selected equally often (chi-square), and the same statistic
 * flags deliberately biased samplers, so the test can fail.
 */
class UniformityTest {
    private static final int N = 50;
    private static final int K = 5;
    private static final int SEEDS = 4000;
    private static final List<PopulationEntry> POPULATION = new ArrayList<>();

    static {
        for (int i = 0; i < N; i++) {
            POPULATION.add(PopulationEntry.of(String.format("E%02d", i), "S"));
        }
    }

    private interface Draw {
        List<Integer> select(byte[] seed);
    }

    private static double[] chiSquare(Draw draw) {
        long[] frequency = new long[N];
        for (int s = 0; s < SEEDS; s++) {
            List<Integer> picked = draw.select(Fixtures.seed("chi-square seed " + s));
            assertEquals(K, picked.size());
            for (int i : picked) {
                frequency[i]++;
            }
        }
        double statistic = ChiSquare.statistic(frequency, (double) SEEDS * K / N);
        return new double[] {statistic, ChiSquare.pValue(statistic, N - 1)};
    }

    private static int index(String id) {
        return Integer.parseInt(id.substring(1));
    }

    @Test
    void chiSquareHelperMatchesTables() {
        // χ²(49): the 0.999 quantile is 85.351; χ²(1): P(X ≥ 3.841) = 0.05.
        assertEquals(0.001, ChiSquare.pValue(85.351, 49), 2e-5);
        assertEquals(0.05, ChiSquare.pValue(3.841, 1), 1e-4);
        assertEquals(0.5, ChiSquare.pValue(48.335, 49), 1e-3);
    }

    @Test
    void selectionFrequenciesAreUniform() {
        List<StratumPlan> plans = List.of(new StratumPlan("S", N, new BigDecimal("0.1"), K));
        double[] result = chiSquare(seed -> Sampler.draw(seed, SamplingMode.UNIFORM, plans, null, POPULATION)
            .stream().map(s -> index(s.id())).toList());
        System.out.printf("uniform sampler: chi-square %.2f on 49 df, p = %.4f%n", result[0], result[1]);
        assertTrue(result[1] > 0.001, "p = " + result[1]);
    }

    @Test
    void theStatisticCatchesAnOffByOneSampler() {
        // Bug: the loop never offers the last entity.
        double[] result = chiSquare(seed -> {
            DrawKeys keys = new DrawKeys(seed);
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < N - 1; i++) {
                ids.add(i);
            }
            ids.sort(Comparator.comparing(i -> keys.key(DrawKeys.TARGET, POPULATION.get(i).id()),
                Arrays::compareUnsigned));
            return ids.subList(0, K);
        });
        System.out.printf("off-by-one sampler: chi-square %.2f, p = %.3g%n", result[0], result[1]);
        assertTrue(result[1] < 1e-6, "p = " + result[1]);
    }

    @Test
    void theStatisticCatchesModuloBias() {
        // Bug: successive picks by (one key byte) mod (members left), which favours low positions.
        double[] result = chiSquare(seed -> {
            DrawKeys keys = new DrawKeys(seed);
            List<Integer> left = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                left.add(i);
            }
            List<Integer> picked = new ArrayList<>();
            for (int j = 0; j < K; j++) {
                int b = keys.key(DrawKeys.TARGET, "pick " + j)[0] & 0xFF;
                picked.add(left.remove(b % left.size()));
            }
            return picked;
        });
        System.out.printf("modulo-biased sampler: chi-square %.2f, p = %.3g%n", result[0], result[1]);
        assertTrue(result[1] < 1e-3, "p = " + result[1]);
    }
}
