package io.suiji.contracts.registry;

import io.suiji.contracts.SuijiEvent;

/** 检查对象已登记 */
public record EntityRegistered(EntityState entity) implements SuijiEvent {

    @Override
    public String aggregateId() {
        return entity.id();
    }
}
