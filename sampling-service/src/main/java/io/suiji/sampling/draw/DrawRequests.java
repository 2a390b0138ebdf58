package io.suiji.sampling.draw;

import java.util.List;
import java.util.UUID;

/** Request bodies of the draw API. */
public final class DrawRequests {

    private DrawRequests() {
    }

    /**
     * Commit a draw for one batch of a task of a published plan.
     *
     * @param entropySource how the witness entropy will be obtained, e.g. "上证综指 2020-07-01 收盘价";
     *                      published with the commitment
     * @param algorithm     {@code SUIJI-SHA256-1} (default) or {@code RFC3797} (uniform, population of
     *                      at most 65,535, no control sample)
     * @param sources       RFC3797 only: the announced sources of randomness, in key-string order
     */
    public record Commit(UUID planId, String taskId, Integer batch, String entropySource, String algorithm,
                         List<DrawSpec.Source> sources) {
        /** A SUIJI-SHA256-1 draw. */
        public Commit(UUID planId, String taskId, Integer batch, String entropySource) {
            this(planId, taskId, batch, entropySource, null, null);
        }
    }

    /**
     * Run a committed draw.
     *
     * @param witnessEntropy the string E, used exactly as given (SUIJI-SHA256-1)
     * @param witness        who supplied it (a supervisor, a notary), recorded with the draw
     * @param sources        RFC3797 instead of {@code witnessEntropy}: the published values of the
     *                       announced sources, one list of non-negative integers per source, in order
     */
    public record Execute(String witnessEntropy, String witness, List<List<Long>> sources) {
        /** A SUIJI-SHA256-1 execution. */
        public Execute(String witnessEntropy, String witness) {
            this(witnessEntropy, witness, null);
        }
    }

    public record Cancel(String reason) {
    }
}
