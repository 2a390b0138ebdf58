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
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;

/** Applies registry entity events to {@link EntityName}, once each (inbox). */
@ApplicationScoped
public class EntityNameProjection {

    static final String CONSUMER = "publication.entity-names";

    private final Inbox inbox;

    @Inject
    public EntityNameProjection(Inbox inbox) {
        this.inbox = inbox;
    }

    @Transactional
    public void apply(EventEnvelope event) {
        EntityState state = switch (event.type()) {
            case "io.suiji.registry.EntityRegistered.v1" -> event.payload(EntityRegistered.class).entity();
            case "io.suiji.registry.EntityUpdated.v1" -> event.payload(EntityUpdated.class).entity();
            case "io.suiji.registry.EntityDeregistered.v1" -> event.payload(EntityDeregistered.class).entity();
            default -> throw new PoisonMessageException("unexpected event type " + event.type() + " on registry.entities");
        };
        if (state == null || state.id() == null) {
            throw new PoisonMessageException("event " + event.id() + " carries no entity id");
        }
        if (!inbox.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        EntityName entity = EntityName.findById(state.id());
        if (entity == null) {
            entity = new EntityName();
            entity.id = state.id();
        }
        entity.code = state.code();
        entity.codeKind = state.codeKind() == null ? null : state.codeKind().name();
        entity.name = state.name();
        entity.region = state.region();
        entity.updatedAt = OffsetDateTime.now();
        entity.persist();
    }
}
