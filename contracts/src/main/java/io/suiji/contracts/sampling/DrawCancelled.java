package io.suiji.contracts.sampling;

import io.suiji.contracts.SuijiEvent;
import java.time.Instant;

/** 抽取已作废 — a draw is never deleted; cancelling it needs a reason and stays visible. */
public record DrawCancelled(String drawId, String reason, String cancelledBy, Instant cancelledAt)
        implements SuijiEvent {

    @Override
    public String aggregateId() {
        return drawId;
    }
}
