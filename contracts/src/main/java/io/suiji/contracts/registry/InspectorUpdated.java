package io.suiji.contracts.registry;

import io.suiji.contracts.SuijiEvent;

/** 执法检查人员信息已更新 */
public record InspectorUpdated(InspectorState inspector) implements SuijiEvent {

    @Override
    public String aggregateId() {
        return inspector.id();
    }
}
