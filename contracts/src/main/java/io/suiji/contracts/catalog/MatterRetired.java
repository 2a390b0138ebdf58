package io.suiji.contracts.catalog;

import io.suiji.contracts.SuijiEvent;

/**
 * 抽查事项已废止 — still full state (status {@code RETIRED}), not a tombstone, so consumers keep
 * the matter for inspections that reference it.
 */
public record MatterRetired(MatterState matter, String reason) implements SuijiEvent {

    @Override
    public String aggregateId() {
        return matter.code();
    }
}
