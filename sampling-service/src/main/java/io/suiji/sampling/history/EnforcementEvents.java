package io.suiji.sampling.history;

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
 * Consumes {@code enforcement.inspections} (cases opened and closed, inspections closed). Transient
 * failures are retried here; what still fails, and poison at once, goes to
 * {@code enforcement.inspections.dlq} with its reason.
 */
@ApplicationScoped
public class EnforcementEvents {

    private final EnforcementProjection projection;

    @Inject
    public EnforcementEvents(EnforcementProjection projection) {
        this.projection = projection;
    }

    @Incoming(Topics.ENFORCEMENT_INSPECTIONS)
    @Blocking(ordered = true)
    @Retry(maxRetries = 8, delay = 250, maxDuration = 60_000, jitter = 100, abortOn = PoisonMessageException.class)
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope.received(record).ifPresent(projection::apply);
    }
}
