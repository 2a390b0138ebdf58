package io.suiji.publication.openinfo;

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
 * Consumes {@code sampling.plans} and {@code catalog.matters} for the public site's plan and
 * catalogue pages. Transient failures are retried; poison goes to the topic's dead-letter topic.
 */
@ApplicationScoped
public class OpenInfoEvents {

    private final OpenInfoProjection projection;

    @Inject
    public OpenInfoEvents(OpenInfoProjection projection) {
        this.projection = projection;
    }

    @Incoming(Topics.SAMPLING_PLANS)
    @Blocking(ordered = true)
    @Retry(maxRetries = 8, delay = 250, maxDuration = 60_000, jitter = 100, abortOn = PoisonMessageException.class)
    public void onPlan(ConsumerRecord<String, String> record) {
        EventEnvelope.received(record).ifPresent(projection::applyPlan);
    }

    @Incoming(Topics.CATALOG_MATTERS)
    @Blocking(ordered = true)
    @Retry(maxRetries = 8, delay = 250, maxDuration = 60_000, jitter = 100, abortOn = PoisonMessageException.class)
    public void onMatter(ConsumerRecord<String, String> record) {
        EventEnvelope.received(record).ifPresent(projection::applyMatter);
    }
}
