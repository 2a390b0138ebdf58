package io.suiji.sampling.plan;

import java.util.List;

/**
 * A plan draft as sent by a planner. {@code department} and {@code region} default to the
 * planner's own (token claims).
 */
public record PlanRequest(Integer year, String title, String department, String region, List<PlanContent.Task> tasks) {
}
