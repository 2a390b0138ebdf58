package io.suiji.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.EventTypes;
import io.suiji.contracts.SuijiEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Writes events into the outbox table inside the caller's transaction (DESIGN §4).
 *
 * <p>There is deliberately no way to send to Kafka from here: an event becomes visible exactly
 * when the state change it describes commits, and the {@link OutboxRelay} takes it from there.
 * Publishing outside a transaction is refused, because that would be a dual write in disguise.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            insert into outbox_event (event_id, topic, aggregate_id, event_type, payload, occurred_at)
            values (?1, ?2, ?3, ?4, cast(?5 as json), ?6)""";

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    @Inject
    public Outbox(EntityManager em, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.em = em;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** Records {@code event} for publication once the current transaction commits; returns its id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(SuijiEvent event) {
        var type = EventTypes.of(event.getClass());
        UUID id = UUID.randomUUID();
        em.createNativeQuery(INSERT)
                .setParameter(1, id)
                .setParameter(2, type.topic())
                .setParameter(3, event.aggregateId())
                .setParameter(4, type.type())
                .setParameter(5, toJson(event))
                .setParameter(6, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
        wakeRelayAfterCommit();
        return id;
    }

    private static String toJson(SuijiEvent event) {
        try {
            return EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.getClass().getSimpleName() + " cannot be serialised", e);
        }
    }

    // Lets the relay pick the event up at once instead of on its next poll.
    private void wakeRelayAfterCommit() {
        Object key = OutboxRelay.class;
        if (transactions.getResource(key) != null) {
            return;
        }
        transactions.putResource(key, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }
}
