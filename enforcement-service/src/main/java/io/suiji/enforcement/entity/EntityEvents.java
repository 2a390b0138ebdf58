package io.suiji.enforcement.entity;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.suiji.contracts.Topics;
import io.suiji.platform.inbox.EventEnvelope;
import io.suiji.platform.inbox.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code registry.entities} (compacted, replayable) for the targets' regions. */
@ApplicationScoped
public class EntityEvents {

    private final EntityRegions regions;

    @Inject
    public EntityEvents(EntityRegions regions) {
        this.regions = regions;
    }

    @Incoming(Topics.REGISTRY_ENTITIES)
    @Blocking(ordered = true)
    @Retry(maxRetries = 8, delay = 250, maxDuration = 60_000, jitter = 100, abortOn = PoisonMessageException.class)
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope.received(record).ifPresent(regions::apply);
    }
}
