package io.suiji.sampling.plan;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.sampling.plan.PlanContent.Task;
import io.suiji.sampling.plan.PlanRules.MergeCandidate;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A plan as the API shows it: the header, the tasks with their effective sampling rules (against
 * the catalogue as it stands), merge candidates, and the list of published versions.
 *
 * @param version 0 for a draft, else the published version shown
 */
public record PlanView(UUID id, int year, String title, String department, String region, String status, int version,
                       String amendmentNote, OffsetDateTime publishedAt, String publishedBy, String createdBy,
                       List<TaskView> tasks, List<MergeCandidate> mergeCandidates, List<Integer> versions) {

    /** A task with what it amounts to once the matters' floors are applied. */
    public record TaskView(@JsonUnwrapped Task task, Effective effective) {
    }

    /**
     * @param category        KEY if any of the task's matters is KEY
     * @param floorPercent    the lowest ratio the catalogue allows for the task
     * @param riskClassRatios the percentage each risk class is drawn at
     * @param targetTypes     the target types the task reaches
     */
    public record Effective(MatterCategory category, BigDecimal floorPercent, int floorCount,
                            Map<String, BigDecimal> riskClassRatios, List<String> targetTypes) {
    }
}
