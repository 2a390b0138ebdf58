package io.suiji.publication.entity;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.suiji.contracts.Topics;
import io.suiji.platform.inbox.EventEnvelope;
import io.suiji.platform.inbox.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code registry.entities} (full state per key) for entity names and codes. Transient
 * failures are retried; poison goes to {@code registry.entities.dlq} at once.
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
    @Retry(maxRetries = 8, delay = 250, maxDuration = 60_000, jitter = 100, abortOn = PoisonMessageException.class)
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope.received(record).ifPresent(projection::apply);
    }
}
