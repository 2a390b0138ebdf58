package io.suiji.contracts.registry;

import io.suiji.contracts.SuijiEvent;

/**
 * 检查对象已注销 — full state with {@code deregisteredOn} set, not a tombstone: past inspections
 * and publications still name the entity.
 */
public record EntityDeregistered(EntityState entity) implements SuijiEvent {

    @Override
    public String aggregateId() {
        return entity.id();
    }
}
