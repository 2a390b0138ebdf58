package io.suiji.enforcement.entity;

import io.suiji.contracts.registry.EntityDeregistered;
import io.suiji.contracts.registry.EntityRegistered;
import io.suiji.contracts.registry.EntityState;
import io.suiji.contracts.registry.EntityUpdated;
import io.suiji.platform.inbox.EventEnvelope;
import io.suiji.platform.inbox.Inbox;
import io.suiji.platform.inbox.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Where the registry's targets (检查对象) are, once per event (inbox), a poll at a time: a case's region is its
 * target's. The topic is compacted and each event carries the full state, so the latest wins; a
 * deregistered target keeps its region (a case may still concern it).
 */
@ApplicationScoped
public class EntityRegions {

    static final String CONSUMER = "enforcement.entities";
    private static final String UPSERT = """
            insert into registry_entity (id, region, updated_at) values (?, ?, ?)
            on conflict (id) do update set region = excluded.region, updated_at = excluded.updated_at""";

    private final Inbox inbox;
    private final EntityManager em;

    @Inject
    public EntityRegions(Inbox inbox, EntityManager em) {
        this.inbox = inbox;
        this.em = em;
    }

    /** One checked entity event: what {@link #apply} takes. */
    record RegionChange(String eventId, String entityId, String region) {
    }

    /** Checks one entity event; a {@link PoisonMessageException} says why it can never be applied. */
    static RegionChange regionChange(EventEnvelope event) {
        EntityState state = switch (event.type()) {
            case "io.suiji.registry.EntityRegistered.v1" -> event.payload(EntityRegistered.class).entity();
            case "io.suiji.registry.EntityUpdated.v1" -> event.payload(EntityUpdated.class).entity();
            case "io.suiji.registry.EntityDeregistered.v1" -> event.payload(EntityDeregistered.class).entity();
            default -> throw new PoisonMessageException("unexpected event type " + event.type() + " on registry.entities");
        };
        if (state == null || state.id() == null || state.id().isBlank() || state.region() == null
                || !state.region().matches("\\d{6}")) {
            throw new PoisonMessageException("event " + event.id() + " carries no entity id or 6-digit region");
        }
        return new RegionChange(event.id(), state.id(), state.region());
    }

    /**
     * Applies the changes of one poll in delivery order, in one transaction; an event seen before
     * (inbox) is skipped. Events of one entity share a partition, so the last of a poll wins.
     */
    @Transactional
    public void apply(List<RegionChange> changes) {
        List<RegionChange> fresh = changes.stream().filter(c -> inbox.firstDelivery(CONSUMER, c.eventId())).toList();
        if (fresh.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (RegionChange change : fresh) {
                    upsert.setString(1, change.entityId());
                    upsert.setString(2, change.region());
                    upsert.setObject(3, now);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    /** The target's region, if the registry has told enforcement of it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> regionOf(String entityId) {
        List<?> rows = em.createNativeQuery("select region from registry_entity where id = ?1")
                .setParameter(1, entityId).getResultList();
        return rows.stream().findFirst().map(Object::toString);
    }
}
