package io.suiji.enforcement.entity;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.suiji.contracts.Topics;
import io.suiji.platform.inbox.EventEnvelope;
import io.suiji.platform.inbox.PolledRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@code registry.entities} (compacted, replayable) for the targets' regions, a poll at a time
 * ({@code batch=true}): an import of tens of thousands of entities is one transaction per poll rather than
 * one per entity. Transient failures are retried; poison goes to {@code registry.entities.dlq}
 * ({@link PolledRecords}).
 */
@ApplicationScoped
public class EntityEvents {

    private final EntityRegions regions;

    @Inject
    public EntityEvents(EntityRegions regions) {
        this.regions = regions;
    }

    @Incoming(Topics.REGISTRY_ENTITIES)
    @Blocking(ordered = true)
    public CompletionStage<Void> on(Message<?> poll) {
        return PolledRecords.consume(poll, record -> EventEnvelope.received(record).map(EntityRegions::regionChange),
                regions::apply);
    }
}
