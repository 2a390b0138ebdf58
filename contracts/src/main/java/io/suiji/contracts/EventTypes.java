package io.suiji.contracts;

import io.suiji.contracts.catalog.MatterPublished;
import io.suiji.contracts.catalog.MatterRetired;
import io.suiji.contracts.catalog.MatterRevised;
import io.suiji.contracts.enforcement.CaseClosed;
import io.suiji.contracts.enforcement.CaseOpened;
import io.suiji.contracts.enforcement.InspectionClosed;
import io.suiji.contracts.enforcement.TaskCompleted;
import io.suiji.contracts.publication.PublicationDueSoon;
import io.suiji.contracts.publication.PublicationOverdue;
import io.suiji.contracts.publication.ResultPublished;
import io.suiji.contracts.publication.SanctionPushed;
import io.suiji.contracts.registry.EntityDeregistered;
import io.suiji.contracts.registry.EntityRegistered;
import io.suiji.contracts.registry.EntityUpdated;
import io.suiji.contracts.registry.InspectorRegistered;
import io.suiji.contracts.registry.InspectorRetired;
import io.suiji.contracts.registry.InspectorUpdated;
import io.suiji.contracts.sampling.DrawCancelled;
import io.suiji.contracts.sampling.DrawCommitted;
import io.suiji.contracts.sampling.DrawCompleted;
import io.suiji.contracts.sampling.GroupAdjusted;
import io.suiji.contracts.sampling.PlanPublished;
import io.suiji.contracts.sampling.TargetSelected;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every event of the contract: its CloudEvents type, topic and producing service. */
public final class EventTypes {

    public static final String CATALOG = "catalog";
    public static final String REGISTRY = "registry";
    public static final String SAMPLING = "sampling";
    public static final String ENFORCEMENT = "enforcement";
    public static final String PUBLICATION = "publication";

    private static final List<EventType> ALL = List.of(
            v1(CATALOG, Topics.CATALOG_MATTERS, MatterPublished.class),
            v1(CATALOG, Topics.CATALOG_MATTERS, MatterRevised.class),
            v1(CATALOG, Topics.CATALOG_MATTERS, MatterRetired.class),
            v1(REGISTRY, Topics.REGISTRY_ENTITIES, EntityRegistered.class),
            v1(REGISTRY, Topics.REGISTRY_ENTITIES, EntityUpdated.class),
            v1(REGISTRY, Topics.REGISTRY_ENTITIES, EntityDeregistered.class),
            v1(REGISTRY, Topics.REGISTRY_INSPECTORS, InspectorRegistered.class),
            v1(REGISTRY, Topics.REGISTRY_INSPECTORS, InspectorUpdated.class),
            v1(REGISTRY, Topics.REGISTRY_INSPECTORS, InspectorRetired.class),
            v1(SAMPLING, Topics.SAMPLING_PLANS, PlanPublished.class),
            v1(SAMPLING, Topics.SAMPLING_DRAWS, DrawCommitted.class),
            v1(SAMPLING, Topics.SAMPLING_SELECTIONS, TargetSelected.class),
            v1(SAMPLING, Topics.SAMPLING_DRAWS, DrawCompleted.class),
            v1(SAMPLING, Topics.SAMPLING_DRAWS, DrawCancelled.class),
            v1(SAMPLING, Topics.SAMPLING_SELECTIONS, GroupAdjusted.class),
            v1(ENFORCEMENT, Topics.ENFORCEMENT_INSPECTIONS, InspectionClosed.class),
            v1(ENFORCEMENT, Topics.ENFORCEMENT_INSPECTIONS, TaskCompleted.class),
            v1(ENFORCEMENT, Topics.ENFORCEMENT_INSPECTIONS, CaseOpened.class),
            v1(ENFORCEMENT, Topics.ENFORCEMENT_INSPECTIONS, CaseClosed.class),
            v1(PUBLICATION, Topics.PUBLICATION_DISCLOSURES, ResultPublished.class),
            v1(PUBLICATION, Topics.PUBLICATION_DISCLOSURES, PublicationDueSoon.class),
            v1(PUBLICATION, Topics.PUBLICATION_DISCLOSURES, PublicationOverdue.class),
            v1(PUBLICATION, Topics.PUBLICATION_SANCTIONS, SanctionPushed.class));

    private static final Map<Class<?>, EventType> BY_CLASS = new LinkedHashMap<>();
    private static final Map<String, EventType> BY_TYPE = new LinkedHashMap<>();

    static {
        for (EventType type : ALL) {
            BY_CLASS.put(type.payload(), type);
            BY_TYPE.put(type.type(), type);
        }
    }

    private EventTypes() {
    }

    private static EventType v1(String service, String topic, Class<? extends SuijiEvent> payload) {
        return new EventType("io.suiji." + service + "." + payload.getSimpleName() + ".v1", topic, service, payload);
    }

    /** Every event type, grouped by producing service. */
    public static List<EventType> all() {
        return ALL;
    }

    /** @throws IllegalArgumentException if {@code payload} is not an event of the contract */
    public static EventType of(Class<? extends SuijiEvent> payload) {
        EventType type = BY_CLASS.get(payload);
        if (type == null) {
            throw new IllegalArgumentException(payload.getName() + " is not a registered event type");
        }
        return type;
    }

    /** Looks up a CloudEvents {@code ce_type}; empty for a type this version does not know. */
    public static Optional<EventType> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
