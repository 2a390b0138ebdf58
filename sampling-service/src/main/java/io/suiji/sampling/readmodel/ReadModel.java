package io.suiji.sampling.readmodel;

import io.suiji.contracts.Topics;
import io.suiji.sampling.history.EnforcementProjection;
import io.suiji.sampling.registry.RegistryProjection;
import java.util.List;
import java.util.Optional;

/** A local copy of another service's data: the topic (= channel) it is fed from, its consumer and tables. */
public enum ReadModel {
    MATTERS("matters", Topics.CATALOG_MATTERS, "sampling.matter-view", List.of("matter_view")),
    ENTITIES("entities", Topics.REGISTRY_ENTITIES, RegistryProjection.ENTITY_CONSUMER, List.of("entity_view")),
    INSPECTORS("inspectors", Topics.REGISTRY_INSPECTORS, RegistryProjection.INSPECTOR_CONSUMER,
            List.of("inspector_view")),
    ENFORCEMENT("enforcement", Topics.ENFORCEMENT_INSPECTIONS, EnforcementProjection.CONSUMER,
            List.of("case_view", "inspection_history"));

    private final String label;
    private final String topic;
    private final String consumer;
    private final List<String> tables;

    ReadModel(String label, String topic, String consumer, List<String> tables) {
        this.label = label;
        this.topic = topic;
        this.consumer = consumer;
        this.tables = tables;
    }

    public String label() {
        return label;
    }

    public String topic() {
        return topic;
    }

    public String consumer() {
        return consumer;
    }

    public List<String> tables() {
        return tables;
    }

    public static Optional<ReadModel> byLabel(String label) {
        for (ReadModel model : values()) {
            if (model.label.equals(label)) {
                return Optional.of(model);
            }
        }
        return Optional.empty();
    }
}
