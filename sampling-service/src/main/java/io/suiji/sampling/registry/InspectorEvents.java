package io.suiji.sampling.registry;

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
 * Consumes {@code registry.inspectors}. Transient failures are retried here; what still fails, and poison
 * at once, goes to {@code registry.inspectors.dlq} with its reason.
 */
@ApplicationScoped
public class InspectorEvents {

    private final RegistryProjection projection;

    @Inject
    public InspectorEvents(RegistryProjection projection) {
        this.projection = projection;
    }

    @Incoming(Topics.REGISTRY_INSPECTORS)
    @Blocking(ordered = true)
    @Retry(maxRetries = 8, delay = 250, maxDuration = 60_000, jitter = 100, abortOn = PoisonMessageException.class)
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope.received(record).ifPresent(projection::applyInspector);
    }
}
