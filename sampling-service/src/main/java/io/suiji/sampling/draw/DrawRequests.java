package io.suiji.sampling.draw;

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
     */
    public record Commit(UUID planId, String taskId, Integer batch, String entropySource) {
    }

    /**
     * Run a committed draw.
     *
     * @param witnessEntropy the string E, used exactly as given
     * @param witness        who supplied it (a supervisor, a notary), recorded with the draw
     */
    public record Execute(String witnessEntropy, String witness) {
    }

    public record Cancel(String reason) {
    }
}
