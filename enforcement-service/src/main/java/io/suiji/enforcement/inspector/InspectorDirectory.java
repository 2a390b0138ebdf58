package io.suiji.enforcement.inspector;

import io.suiji.contracts.registry.InspectorRegistered;
import io.suiji.contracts.registry.InspectorRetired;
import io.suiji.contracts.registry.InspectorState;
import io.suiji.contracts.registry.InspectorUpdated;
import io.suiji.platform.inbox.EventEnvelope;
import io.suiji.platform.inbox.Inbox;
import io.suiji.platform.inbox.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry's inspectors, once per event (inbox). The topic is compacted and each event carries
 * the inspector's full state, so the latest event of an inspector simply replaces the row.
 */
@ApplicationScoped
public class InspectorDirectory {

    static final String CONSUMER = "enforcement.inspectors";

    private final Inbox inbox;
    private final EntityManager em;

    @Inject
    public InspectorDirectory(Inbox inbox, EntityManager em) {
        this.inbox = inbox;
        this.em = em;
    }

    @Transactional
    public void apply(EventEnvelope event) {
        InspectorState state = switch (event.type()) {
            case "io.suiji.registry.InspectorRegistered.v1" -> event.payload(InspectorRegistered.class).inspector();
            case "io.suiji.registry.InspectorUpdated.v1" -> event.payload(InspectorUpdated.class).inspector();
            case "io.suiji.registry.InspectorRetired.v1" -> event.payload(InspectorRetired.class).inspector();
            default -> throw new PoisonMessageException("unexpected event type " + event.type() + " on registry.inspectors");
        };
        if (state == null || state.id() == null || state.id().isBlank() || state.status() == null) {
            throw new PoisonMessageException("event " + event.id() + " carries no inspector id or status");
        }
        if (!inbox.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        em.createNativeQuery("""
                        insert into inspector (id, name, certificate_number, department, region, status, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict (id) do update set name = excluded.name,
                            certificate_number = excluded.certificate_number, department = excluded.department,
                            region = excluded.region, status = excluded.status, updated_at = excluded.updated_at""")
                .setParameter(1, state.id()).setParameter(2, state.name()).setParameter(3, state.certificateNumber())
                .setParameter(4, state.department()).setParameter(5, state.region())
                .setParameter(6, state.status().name()).setParameter(7, OffsetDateTime.now()).executeUpdate();
    }

    /** The known inspectors among {@code ids}, by id; unknown ids are absent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, InspectorCard> cards(Collection<String> ids) {
        Map<String, InspectorCard> cards = new HashMap<>();
        if (ids.isEmpty()) {
            return cards;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select id, name, certificate_number, status from inspector where id in (?1)")
                .setParameter(1, ids).getResultList();
        for (Object[] row : rows) {
            cards.put((String) row[0], new InspectorCard((String) row[0], (String) row[1], (String) row[2], (String) row[3]));
        }
        return cards;
    }
}
