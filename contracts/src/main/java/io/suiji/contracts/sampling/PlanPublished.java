package io.suiji.contracts.sampling;

import io.suiji.contracts.Copies;
import io.suiji.contracts.SuijiEvent;
import java.time.Instant;
import java.util.List;

/**
 * 年度抽查计划已公布 — also sent for each amendment, with a higher {@code version} and the whole
 * plan again.
 *
 * @param region        6-digit GB/T 2260 division code
 * @param amendmentNote null for the first version
 */
public record PlanPublished(
        String planId,
        int year,
        String department,
        String region,
        int version,
        String amendmentNote,
        List<PlanTask> tasks,
        Instant publishedAt) implements SuijiEvent {

    public PlanPublished {
        tasks = Copies.list(tasks);
    }

    @Override
    public String aggregateId() {
        return planId;
    }
}
