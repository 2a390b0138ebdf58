package io.suiji.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Priority-weighted mode against theory. Efraimidis–Spirakis keys select exactly like successive
 * draws without replacement with probability proportional to weight, whose (unconditional) inclusion
 * probabilities we enumerate; the proof records each winner's probability conditioned on the
 * stratum's (k+1)-th priority, which makes every Horvitz–Thompson estimate unbiased (§9).
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
    void frequenciesMatchSuccessiveSamplingAndTheRecordedProbabilitiesGiveUnbiasedEstimates() {
        List<PopulationEntry> population = new ArrayList<>();
        double[] w = new double[WEIGHTS.length];
        for (int i = 0; i < WEIGHTS.length; i++) {
            population.add(new PopulationEntry("E" + i, WEIGHTS[i], "S"));
            w[i] = Double.parseDouble(WEIGHTS[i]);
        }
        List<StratumPlan> plans = List.of(new StratumPlan("S", WEIGHTS.length, new BigDecimal("0.4"), K));
        long[] frequency = new long[WEIGHTS.length];
        // Per entity, 1{selected}/π: its mean over seeds must be 1 for a Horvitz–Thompson estimator to be unbiased.
        double[] sum = new double[WEIGHTS.length];
        double[] sumOfSquares = new double[WEIGHTS.length];
        double oldApproximationGap = 0;
        for (int s = 0; s < SEEDS; s++) {
            for (Selection sel : Sampler.draw(Fixtures.seed("weighted seed " + s), SamplingMode.WEIGHTED, plans, null,
                population)) {
                int i = Integer.parseInt(sel.id().substring(1));
                double pi = sel.inclusionProbability();
                assertTrue(pi > 0 && pi <= 1, "π = " + pi);
                frequency[i]++;
                sum[i] += 1 / pi;
                sumOfSquares[i] += 1 / (pi * pi);
            }
        }
        double[] exact = exactInclusion(w, K);
        assertEquals(0.8249084249084249, exact[4], 1e-12);
        for (int i = 0; i < w.length; i++) {
            double observed = (double) frequency[i] / SEEDS;
            double sigma = Math.sqrt(exact[i] * (1 - exact[i]) / SEEDS);
            assertTrue(Math.abs(observed - exact[i]) < 4.5 * sigma,
                "entity " + i + ": observed " + observed + ", exact " + exact[i]);

            double mean = sum[i] / SEEDS;
            double standardError = Math.sqrt((sumOfSquares[i] / SEEDS - mean * mean) / SEEDS);
            System.out.printf("weight %s: selected %.4f (exact %.4f); mean of 1{selected}/π = %.4f ± %.4f%n",
                WEIGHTS[i], observed, exact[i], mean, standardError);
            assertTrue(Math.abs(mean - 1) < 4.5 * standardError, "entity " + i + ": mean " + mean + " ± " + standardError);
            oldApproximationGap = Math.max(oldApproximationGap, Math.abs(Math.min(1, K * w[i] / 15) - exact[i]));
        }
        // Why k·w/Σw (recorded before 2026-11-27) was replaced: it is off by 0.175 for the heaviest entity here.
        assertTrue(oldApproximationGap > 0.15, "largest gap " + oldApproximationGap);
    }

    @Test
    void aWeightedStratumTakenWholeRecordsCertainty() {
        List<PopulationEntry> population = List.of(new PopulationEntry("E0", "1", "S"),
            new PopulationEntry("E1", "7.5", "S"));
        List<StratumPlan> plans = List.of(new StratumPlan("S", 2, BigDecimal.ONE, 2));
        List<Selection> selection = Sampler.draw(Fixtures.seed("whole"), SamplingMode.WEIGHTED, plans, null, population);
        assertEquals(2, selection.size());
        selection.forEach(sel -> assertEquals(1.0, sel.inclusionProbability()));
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
            List<Selection> selection = Sampler.draw(Fixtures.seed("equal " + s), SamplingMode.WEIGHTED, plans, null,
                population);
            for (Selection sel : selection) {
                frequency[Integer.parseInt(sel.id().substring(1))]++;
                // Equal weights, one threshold: every winner of a draw has the same conditional probability.
                assertEquals(selection.get(0).inclusionProbability(), sel.inclusionProbability(), 0.0);
            }
        }
        double p = ChiSquare.pValue(ChiSquare.statistic(frequency, 1500), 9);
        assertTrue(p > 0.001, "p = " + p);
    }
}
