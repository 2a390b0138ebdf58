package io.suiji.enforcement.matter;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.suiji.contracts.Topics;
import io.suiji.platform.inbox.EventEnvelope;
import io.suiji.platform.inbox.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code catalog.matters} (compacted, replayable) for the matters' check items. */
@ApplicationScoped
public class MatterEvents {

    private final CheckItems checkItems;

    @Inject
    public MatterEvents(CheckItems checkItems) {
        this.checkItems = checkItems;
    }

    @Incoming(Topics.CATALOG_MATTERS)
    @Blocking(ordered = true)
    @Retry(maxRetries = 8, delay = 250, maxDuration = 60_000, jitter = 100, abortOn = PoisonMessageException.class)
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope.received(record).ifPresent(checkItems::apply);
    }
}
