package io.suiji.contracts.sampling;

import io.suiji.contracts.SuijiEvent;
import java.time.Instant;

/**
 * 抽取已完成 — reveals the secret and the witness entropy, so anyone with the population list can
 * recompute the draw and compare it with {@code selectionDigest}.
 *
 * @param selectedCount   number of {@link TargetSelected} events of this draw
 * @param groupCount      number of inspector groups drawn
 * @param selectionDigest lowercase hex SHA-256 of the selection list
 * @param secret          lowercase hex of the 32-byte secret r; SHA-256(r) is the commitment
 * @param witnessEntropy  the witness's string E; seed = SHA-256(r ‖ UTF-8(E))
 */
public record DrawCompleted(
        String drawId,
        String planId,
        String taskId,
        int batch,
        String matterCode,
        long selectedCount,
        int groupCount,
        String selectionDigest,
        String secret,
        String witnessEntropy,
        String region,
        String department,
        Instant completedAt) implements SuijiEvent {

    @Override
    public String aggregateId() {
        return drawId;
    }
}
