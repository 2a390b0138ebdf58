package io.suiji.enforcement.assignment;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.suiji.contracts.Topics;
import io.suiji.platform.inbox.EventEnvelope;
import io.suiji.platform.inbox.PoisonMessageException;
import io.suiji.platform.inbox.PolledRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@code sampling.selections} and {@code sampling.draws}. Transient failures are retried
 * here; what still fails, and poison at once, goes to the topic's {@code .dlq} with its reason.
 */
@ApplicationScoped
public class SamplingEvents {

    private final SelectionProjection projection;

    @Inject
    public SamplingEvents(SelectionProjection projection) {
        this.projection = projection;
    }

    /** A poll at a time ({@code batch=true}): one transaction per poll rather than per selected target. */
    @Incoming(Topics.SAMPLING_SELECTIONS)
    @Blocking(ordered = true)
    public CompletionStage<Void> onSelections(Message<?> poll) {
        return PolledRecords.consume(poll, EventEnvelope::received, projection::applySelections);
    }

    @Incoming(Topics.SAMPLING_DRAWS)
    @Blocking(ordered = true)
    @Retry(maxRetries = 8, delay = 250, maxDuration = 60_000, jitter = 100, abortOn = PoisonMessageException.class)
    public void onDraw(ConsumerRecord<String, String> record) {
        EventEnvelope.received(record).ifPresent(projection::applyDraw);
    }
}
