package io.suiji.sampling.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.registry.EntityDeregistered;
import io.suiji.contracts.registry.EntityRegistered;
import io.suiji.contracts.registry.EntityState;
import io.suiji.contracts.registry.EntityUpdated;
import io.suiji.contracts.registry.InspectorRegistered;
import io.suiji.contracts.registry.InspectorRetired;
import io.suiji.contracts.registry.InspectorState;
import io.suiji.contracts.registry.InspectorUpdated;
import io.suiji.platform.inbox.EventEnvelope;
import io.suiji.platform.inbox.Inbox;
import io.suiji.platform.inbox.PoisonMessageException;
import io.suiji.sampling.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Applies registry events to {@code entity_view} and {@code inspector_view}, once each (inbox).
 *
 * <p>The registry's states carry no version number, so ordering rests on Kafka: events of one
 * entity share its key, hence a partition, and arrive in the order the registry wrote them; the
 * last one wins. The topics are compacted, so replaying from offset 0 ends in the current state.
 */
@ApplicationScoped
public class RegistryProjection {

    public static final String ENTITY_CONSUMER = "sampling.entity-view";
    public static final String INSPECTOR_CONSUMER = "sampling.inspector-view";
    private static final Logger LOG = Logger.getLogger(RegistryProjection.class);

    private static final String UPSERT_ENTITY = """
            insert into entity_view (id, code, name, region, target_types, credit_class, complaints_last_12_months,
                serious_violation, registered_on, deregistered_on, last_inspected_by_matter, inspections_this_year,
                inspections_year, state, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as json), ?, ?, cast(? as json), now())
            on conflict (id) do update set code = excluded.code, name = excluded.name, region = excluded.region,
                target_types = excluded.target_types, credit_class = excluded.credit_class,
                complaints_last_12_months = excluded.complaints_last_12_months,
                serious_violation = excluded.serious_violation, registered_on = excluded.registered_on,
                deregistered_on = excluded.deregistered_on,
                last_inspected_by_matter = excluded.last_inspected_by_matter,
                inspections_this_year = excluded.inspections_this_year,
                inspections_year = excluded.inspections_year, state = excluded.state, updated_at = now()""";

    private static final String UPSERT_INSPECTOR = """
            insert into inspector_view (id, name, certificate_number, department, region, expertise, status, state,
                updated_at)
            values (?, ?, ?, ?, ?, ?, ?, cast(? as json), now())
            on conflict (id) do update set name = excluded.name, certificate_number = excluded.certificate_number,
                department = excluded.department, region = excluded.region, expertise = excluded.expertise,
                status = excluded.status, state = excluded.state, updated_at = now()""";

    private final Inbox inbox;
    private final Jdbc jdbc;

    @Inject
    public RegistryProjection(Inbox inbox, Jdbc jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    /** One entity event, checked: what {@link #applyEntities} takes. */
    record EntityChange(String eventId, EntityState state) {
    }

    /** Checks one entity event; a {@link PoisonMessageException} says why it can never be projected. */
    static EntityChange entityChange(EventEnvelope event) {
        EntityState state = switch (event.type()) {
            case "io.suiji.registry.EntityRegistered.v1" -> event.payload(EntityRegistered.class).entity();
            case "io.suiji.registry.EntityUpdated.v1" -> event.payload(EntityUpdated.class).entity();
            case "io.suiji.registry.EntityDeregistered.v1" -> event.payload(EntityDeregistered.class).entity();
            default -> throw new PoisonMessageException("unexpected event type " + event.type() + " on registry.entities");
        };
        if (state == null || blank(state.id()) || blank(state.region()) || blank(state.name()) || blank(state.code())) {
            throw new PoisonMessageException("event " + event.id() + " carries no entity id, code, name or region");
        }
        if (!state.region().matches("\\d{6}") || state.id().contains(":") || state.id().contains("\n")
                || state.id().contains("\r")) {
            // Population lines are id:weight:region/class (SUIJI-SHA256-1 §3.2).
            throw new PoisonMessageException("entity " + state.id() + " has an id with ':' or a line break, or a region "
                    + state.region() + " that is not a 6-digit code");
        }
        return new EntityChange(event.id(), state);
    }

    /**
     * Applies checked entity events in delivery order, in one transaction; an event seen before (inbox)
     * is skipped. Events of one entity share a partition, so the last of a poll wins as it would one by one.
     */
    @Transactional
    public void applyEntities(List<EntityChange> changes) {
        List<EntityState> fresh = new ArrayList<>(changes.size());
        for (EntityChange change : changes) {
            if (inbox.firstDelivery(ENTITY_CONSUMER, change.eventId())) {
                fresh.add(change.state());
            } else {
                LOG.debugf("skipping duplicate delivery of %s", change.eventId());
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        jdbc.work(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(UPSERT_ENTITY)) {
                for (EntityState state : fresh) {
                    ps.setString(1, state.id());
                    ps.setString(2, state.code());
                    ps.setString(3, state.name());
                    ps.setString(4, state.region());
                    ps.setArray(5, Jdbc.textArray(connection, state.targetTypes()));
                    ps.setString(6, state.creditClass() == null ? null : state.creditClass().name());
                    ps.setInt(7, state.complaintsLast12Months());
                    ps.setBoolean(8, state.seriousViolation());
                    Jdbc.setDate(ps, 9, state.registeredOn());
                    Jdbc.setDate(ps, 10, state.deregisteredOn());
                    ps.setString(11, json(state.lastInspectedByMatter()));
                    ps.setInt(12, state.inspectionsThisYear());
                    ps.setInt(13, state.inspectionsYear());
                    ps.setString(14, json(state));
                    ps.addBatch();
                }
                return ps.executeBatch().length;
            }
        });
    }

    @Transactional
    public void applyInspector(EventEnvelope event) {
        InspectorState state = switch (event.type()) {
            case "io.suiji.registry.InspectorRegistered.v1" -> event.payload(InspectorRegistered.class).inspector();
            case "io.suiji.registry.InspectorUpdated.v1" -> event.payload(InspectorUpdated.class).inspector();
            case "io.suiji.registry.InspectorRetired.v1" -> event.payload(InspectorRetired.class).inspector();
            default -> throw new PoisonMessageException("unexpected event type " + event.type() + " on registry.inspectors");
        };
        if (state == null || blank(state.id()) || blank(state.region()) || state.status() == null) {
            throw new PoisonMessageException("event " + event.id() + " carries no inspector id, region or status");
        }
        if (state.id().contains(",") || state.id().contains(":")) {
            // Draw proofs list inspector ids joined by ',' (SUIJI-SHA256-1 §3.2).
            throw new PoisonMessageException("inspector id " + state.id() + " contains ',' or ':'");
        }
        if (!inbox.firstDelivery(INSPECTOR_CONSUMER, event.id())) {
            LOG.debugf("skipping duplicate delivery of %s", event.id());
            return;
        }
        jdbc.work(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(UPSERT_INSPECTOR)) {
                ps.setString(1, state.id());
                ps.setString(2, state.name() == null ? "" : state.name());
                ps.setString(3, state.certificateNumber());
                ps.setString(4, state.department());
                ps.setString(5, state.region());
                ps.setArray(6, Jdbc.textArray(connection, state.expertise()));
                ps.setString(7, state.status().name());
                ps.setString(8, json(state));
                return ps.executeUpdate();
            }
        });
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
