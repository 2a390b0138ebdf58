package io.suiji.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Makes consumers idempotent (DESIGN §4): an event id is recorded per consumer in the same
 * transaction as the consumer's effect, so a redelivered event is recognised and skipped.
 */
@ApplicationScoped
public class Inbox {

    private static final String RECORD = """
            insert into processed_event (consumer, event_id) values (?1, ?2)
            on conflict (consumer, event_id) do nothing""";

    private final EntityManager em;
    private final MeterRegistry meters;

    @Inject
    public Inbox(EntityManager em, MeterRegistry meters) {
        this.em = em;
        this.meters = meters;
    }

    /**
     * Returns true the first time {@code consumer} sees {@code eventId}; false for a duplicate
     * delivery, which is counted in {@code suiji.inbox.duplicates}. The record only sticks if the
     * surrounding transaction commits, so a failed handler is retried on the next delivery.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        int inserted = em.createNativeQuery(RECORD)
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate();
        if (inserted == 0) {
            meters.counter("suiji.inbox.duplicates", "consumer", consumer).increment();
            return false;
        }
        meters.counter("suiji.inbox.processed", "consumer", consumer).increment();
        return true;
    }
}
