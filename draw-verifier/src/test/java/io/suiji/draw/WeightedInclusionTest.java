package io.suiji.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Priority-weighted mode against theory. Efraimidis–Spirakis keys select exactly like successive
 * draws without replacement with probability proportional to weight, whose inclusion probabilities
 * we enumerate; they are NOT k·w/Σw, the approximation the proof records (the documented caveat).
 */
class WeightedInclusionTest {
    private static final String[] WEIGHTS = {"1", "1", "2", "3", "8"};
    private static final int K = 2;
    private static final int SEEDS = 20_000;

    /** Exact inclusion probabilities of successive sampling, by enumerating ordered draws. */
    private static double[] exactInclusion(double[] w, int k) {
        double[] pi = new double[w.length];
        enumerate(w, k, new boolean[w.length], 1.0, pi);
        return pi;
    }

    private static void enumerate(double[] w, int left, boolean[] taken, double probability, double[] pi) {
        if (left == 0) {
            for (int i = 0; i < w.length; i++) {
                if (taken[i]) {
                    pi[i] += probability;
                }
            }
            return;
        }
        double remaining = 0;
        for (int i = 0; i < w.length; i++) {
            remaining += taken[i] ? 0 : w[i];
        }
        for (int i = 0; i < w.length; i++) {
            if (!taken[i]) {
                taken[i] = true;
                enumerate(w, left - 1, taken, probability * w[i] / remaining, pi);
                taken[i] = false;
            }
        }
    }

    @Test
    void frequenciesMatchSuccessiveSamplingAndTheRecordedValueIsTheDocumentedApproximation() {
        List<PopulationEntry> population = new ArrayList<>();
        double[] w = new double[WEIGHTS.length];
        for (int i = 0; i < WEIGHTS.length; i++) {
            population.add(new PopulationEntry("E" + i, WEIGHTS[i], "S"));
            w[i] = Double.parseDouble(WEIGHTS[i]);
        }
        List<StratumPlan> plans = List.of(new StratumPlan("S", WEIGHTS.length, new BigDecimal("0.4"), K));
        long[] frequency = new long[WEIGHTS.length];
        double[] recorded = new double[WEIGHTS.length];
        for (int s = 0; s < SEEDS; s++) {
            for (Selection sel : Sampler.draw(Fixtures.seed("weighted seed " + s), SamplingMode.WEIGHTED, plans, null,
                population)) {
                int i = Integer.parseInt(sel.id().substring(1));
                frequency[i]++;
                recorded[i] = sel.inclusionProbability();
            }
        }
        double[] exact = exactInclusion(w, K);
        assertEquals(0.8249084249084249, exact[4], 1e-12);
        double totalWeight = 15;
        double largestGap = 0;
        for (int i = 0; i < w.length; i++) {
            double observed = (double) frequency[i] / SEEDS;
            double sigma = Math.sqrt(exact[i] * (1 - exact[i]) / SEEDS);
            System.out.printf("weight %s: observed %.4f, exact %.4f, recorded (approximate) %.4f%n", WEIGHTS[i],
                observed, exact[i], recorded[i]);
            assertTrue(Math.abs(observed - exact[i]) < 4.5 * sigma,
                "entity " + i + ": observed " + observed + ", exact " + exact[i]);
            assertEquals(Math.min(1, K * w[i] / totalWeight), recorded[i], 1e-15);
            largestGap = Math.max(largestGap, Math.abs(recorded[i] - exact[i]));
        }
        // The caveat is real: k·w/Σw is off by 0.175 for the heaviest entity here.
        assertTrue(largestGap > 0.15, "largest gap " + largestGap);
    }

    @Test
    void equalWeightsBehaveLikeUniformSampling() {
        List<PopulationEntry> population = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            population.add(new PopulationEntry("E" + i, "2.5", "S"));
        }
        List<StratumPlan> plans = List.of(new StratumPlan("S", 10, new BigDecimal("0.3"), 3));
        long[] frequency = new long[10];
        for (int s = 0; s < 5000; s++) {
            for (Selection sel : Sampler.draw(Fixtures.seed("equal " + s), SamplingMode.WEIGHTED, plans, null,
                population)) {
                frequency[Integer.parseInt(sel.id().substring(1))]++;
                assertEquals(0.3, sel.inclusionProbability(), 1e-15);
            }
        }
        double p = ChiSquare.pValue(ChiSquare.statistic(frequency, 1500), 9);
        assertTrue(p > 0.001, "p = " + p);
    }
}
