package io.suiji.contracts.registry;

import io.suiji.contracts.SuijiEvent;

/** 检查对象信息已更新 */
public record EntityUpdated(EntityState entity) implements SuijiEvent {

    @Override
    public String aggregateId() {
        return entity.id();
    }
}
