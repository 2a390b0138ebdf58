package io.suiji.enforcement.inspector;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.suiji.contracts.Topics;
import io.suiji.platform.inbox.EventEnvelope;
import io.suiji.platform.inbox.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code registry.inspectors} (compacted, replayable) for the inspectors' certificate numbers. */
@ApplicationScoped
public class InspectorEvents {

    private final InspectorDirectory directory;

    @Inject
    public InspectorEvents(InspectorDirectory directory) {
        this.directory = directory;
    }

    @Incoming(Topics.REGISTRY_INSPECTORS)
    @Blocking(ordered = true)
    @Retry(maxRetries = 8, delay = 250, maxDuration = 60_000, jitter = 100, abortOn = PoisonMessageException.class)
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope.received(record).ifPresent(directory::apply);
    }
}
