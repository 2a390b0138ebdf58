package io.suiji.sampling.draw;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A draw as the API shows it — public: digests, counts and parameters, no entity data. The
 * secret appears only once the witness entropy has been used (completed or failed draws).
 *
 * @param sampleSize        Σ k_h, before any control sample
 * @param exclusionsByReason entities left out of the population, per reason
 * @param inspectorPoolSize inspectors left after the rules that do not depend on the target
 * @param batchOrder        the drawn order of the task's batches, when it is drawn
 * @param sources           RFC3797: the sources announced at commit (their values are in the proof, and
 *                          {@code witnessEntropy} is their key string)
 */
public record DrawView(UUID id, String status, UUID planId, int planVersion, int year, String taskId, int batch,
                       LocalDate batchStart, LocalDate batchEnd, String matterCode, int matterVersion,
                       List<String> matterCodes, String region, String department, String algorithm, String mode,
                       long populationSize, String populationDigest, String commitment, List<DrawSpec.Stratum> strata,
                       long sampleSize, Map<String, Long> exclusionsByReason, int inspectorPoolSize,
                       String entropySource, List<DrawSpec.Source> sources, String witnessEntropy, String witness,
                       String secret, String selectionDigest, Integer selectedCount, List<String> batchOrder,
                       String failure, String cancelReason, String committedBy, OffsetDateTime committedAt,
                       String executedBy, OffsetDateTime completedAt, String cancelledBy, OffsetDateTime cancelledAt,
                       Map<String, String> links) {
}
