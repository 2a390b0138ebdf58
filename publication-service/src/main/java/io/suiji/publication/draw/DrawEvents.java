package io.suiji.publication.draw;

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
 * Consumes {@code sampling.draws} for the public site's draw-proof pages. Transient failures are
 * retried; poison goes to {@code sampling.draws.dlq}.
 */
@ApplicationScoped
public class DrawEvents {

    private final DrawProjection projection;

    @Inject
    public DrawEvents(DrawProjection projection) {
        this.projection = projection;
    }

    @Incoming(Topics.SAMPLING_DRAWS)
    @Blocking(ordered = true)
    @Retry(maxRetries = 8, delay = 250, maxDuration = 60_000, jitter = 100, abortOn = PoisonMessageException.class)
    public void onDraw(ConsumerRecord<String, String> record) {
        EventEnvelope.received(record).ifPresent(projection::apply);
    }
}
