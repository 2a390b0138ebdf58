package io.suiji.contracts.catalog;

import io.suiji.contracts.SuijiEvent;

/** 抽查事项已调整 — a new version; the previous one stays in the catalogue's history. */
public record MatterRevised(MatterState matter, String changeNote) implements SuijiEvent {

    @Override
    public String aggregateId() {
        return matter.code();
    }
}
