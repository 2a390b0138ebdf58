package io.suiji.sampling.plan;

import java.util.List;

/**
 * A change to a published plan: published at once as the next version, with its reason. Absent
 * {@code title} or {@code tasks} stay as they are.
 */
public record AmendmentRequest(String note, String title, List<PlanContent.Task> tasks) {
}
