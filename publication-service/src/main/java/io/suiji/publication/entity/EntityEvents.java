package io.suiji.publication.entity;

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
 * Consumes {@code registry.entities} (full state per key) for entity names and codes, a poll at a time
 * ({@code batch=true}, one transaction per poll). Transient failures are retried; poison goes to
 * {@code registry.entities.dlq} with its reason ({@link PolledRecords}).
 */
@ApplicationScoped
public class EntityEvents {

    private final EntityNameProjection projection;

    @Inject
    public EntityEvents(EntityNameProjection projection) {
        this.projection = projection;
    }

    @Incoming(Topics.REGISTRY_ENTITIES)
    @Blocking(ordered = true)
    public CompletionStage<Void> on(Message<?> poll) {
        return PolledRecords.consume(poll, record -> EventEnvelope.received(record).map(EntityNameProjection::entityChange),
                projection::apply);
    }
}
