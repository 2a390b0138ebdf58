package io.suiji.contracts.registry;

import io.suiji.contracts.SuijiEvent;

/** 执法检查人员已登记 */
public record InspectorRegistered(InspectorState inspector) implements SuijiEvent {

    @Override
    public String aggregateId() {
        return inspector.id();
    }
}
