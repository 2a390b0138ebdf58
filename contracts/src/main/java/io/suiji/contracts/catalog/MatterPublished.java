package io.suiji.contracts.catalog;

import io.suiji.contracts.SuijiEvent;

/** 抽查事项已发布 */
public record MatterPublished(MatterState matter) implements SuijiEvent {

    @Override
    public String aggregateId() {
        return matter.code();
    }
}
