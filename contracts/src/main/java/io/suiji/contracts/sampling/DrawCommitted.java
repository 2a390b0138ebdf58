package io.suiji.contracts.sampling;

import io.suiji.contracts.Copies;
import io.suiji.contracts.SuijiEvent;
import java.time.Instant;
import java.util.Map;

/**
 * 抽取已承诺 — the population is frozen and the secret committed, before any target is drawn, so
 * the draw cannot be re-run until a friendly result appears (DESIGN §5).
 *
 * @param algorithm          {@link #SUIJI_SHA256_1} or {@link #RFC3797}
 * @param parameters         algorithm parameters as text (ratio, weighting, window …)
 * @param populationDigest   lowercase hex SHA-256 over the sorted {@code id:weight:stratum} lines
 * @param commitment         lowercase hex SHA-256 of the secret revealed by {@link DrawCompleted}
 * @param exclusionsByReason entities left out of the population, counted per reason
 */
public record DrawCommitted(
        String drawId,
        String planId,
        String taskId,
        int batch,
        String matterCode,
        int matterVersion,
        String algorithm,
        Map<String, String> parameters,
        long populationSize,
        String populationDigest,
        String commitment,
        Map<String, Long> exclusionsByReason,
        String region,
        String department,
        Instant committedAt) implements SuijiEvent {

    /** The suite's own procedure, specified in {@code docs/draw-algorithm.md}. */
    public static final String SUIJI_SHA256_1 = "SUIJI-SHA256-1";
    /** RFC 3797, offered for uniform draws from small pools so third-party tools can verify. */
    public static final String RFC3797 = "RFC3797";

    public DrawCommitted {
        parameters = Copies.map(parameters);
        exclusionsByReason = Copies.map(exclusionsByReason);
    }

    @Override
    public String aggregateId() {
        return drawId;
    }
}
