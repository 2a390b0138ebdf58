package io.suiji.sampling.registry;

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
 * Consumes {@code registry.entities} a poll at a time ({@code batch=true}): an import of tens of thousands
 * of entities reaches the draw's read model in one transaction per poll. Transient failures are retried;
 * what still fails, and poison at once, goes to {@code registry.entities.dlq} with its reason
 * ({@link PolledRecords}).
 */
@ApplicationScoped
public class EntityEvents {

    private final RegistryProjection projection;

    @Inject
    public EntityEvents(RegistryProjection projection) {
        this.projection = projection;
    }

    @Incoming(Topics.REGISTRY_ENTITIES)
    @Blocking(ordered = true)
    public CompletionStage<Void> on(Message<?> poll) {
        return PolledRecords.consume(poll, record -> EventEnvelope.received(record).map(RegistryProjection::entityChange),
                projection::applyEntities);
    }
}
