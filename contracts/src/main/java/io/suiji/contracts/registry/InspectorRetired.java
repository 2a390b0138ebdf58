package io.suiji.contracts.registry;

import io.suiji.contracts.SuijiEvent;

/** 执法检查人员已退出 */
public record InspectorRetired(InspectorState inspector) implements SuijiEvent {

    @Override
    public String aggregateId() {
        return inspector.id();
    }
}
