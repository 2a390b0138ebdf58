package io.suiji.publication.entity;

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
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.Session;

/** Applies registry entity events to {@link EntityName}, once each (inbox), a poll at a time. */
@ApplicationScoped
public class EntityNameProjection {

    static final String CONSUMER = "publication.entity-names";
    private static final String UPSERT = """
            insert into entity_view (id, code, code_kind, name, region, updated_at) values (?, ?, ?, ?, ?, ?)
            on conflict (id) do update set code = excluded.code, code_kind = excluded.code_kind, name = excluded.name,
                region = excluded.region, updated_at = excluded.updated_at""";

    private final Inbox inbox;
    private final EntityManager em;

    @Inject
    public EntityNameProjection(Inbox inbox, EntityManager em) {
        this.inbox = inbox;
        this.em = em;
    }

    /** One checked entity event: what {@link #apply} takes. */
    record EntityChange(String eventId, EntityState state) {
    }

    /** Checks one entity event; a {@link PoisonMessageException} says why it can never be applied. */
    static EntityChange entityChange(EventEnvelope event) {
        EntityState state = switch (event.type()) {
            case "io.suiji.registry.EntityRegistered.v1" -> event.payload(EntityRegistered.class).entity();
            case "io.suiji.registry.EntityUpdated.v1" -> event.payload(EntityUpdated.class).entity();
            case "io.suiji.registry.EntityDeregistered.v1" -> event.payload(EntityDeregistered.class).entity();
            default -> throw new PoisonMessageException("unexpected event type " + event.type() + " on registry.entities");
        };
        if (state == null || state.id() == null) {
            throw new PoisonMessageException("event " + event.id() + " carries no entity id");
        }
        return new EntityChange(event.id(), state);
    }

    /**
     * Applies the changes of one poll in delivery order, in one transaction; an event seen before
     * (inbox) is skipped. Events of one entity share a partition, so the last of a poll wins.
     */
    @Transactional
    public void apply(List<EntityChange> changes) {
        List<EntityState> fresh = changes.stream().filter(c -> inbox.firstDelivery(CONSUMER, c.eventId()))
                .map(EntityChange::state).toList();
        if (fresh.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (EntityState state : fresh) {
                    upsert.setString(1, state.id());
                    upsert.setString(2, state.code());
                    upsert.setString(3, state.codeKind() == null ? null : state.codeKind().name());
                    upsert.setString(4, state.name());
                    upsert.setString(5, state.region());
                    upsert.setObject(6, now);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }
}
