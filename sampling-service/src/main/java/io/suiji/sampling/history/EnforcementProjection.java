package io.suiji.sampling.history;

import io.suiji.contracts.EventTypes;
import io.suiji.contracts.enforcement.CaseClosed;
import io.suiji.contracts.enforcement.CaseOpened;
import io.suiji.contracts.enforcement.InspectionClosed;
import io.suiji.platform.inbox.EventEnvelope;
import io.suiji.platform.inbox.Inbox;
import io.suiji.platform.inbox.PoisonMessageException;
import io.suiji.sampling.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import org.jboss.logging.Logger;

/**
 * Keeps what the draw needs from enforcement's facts, once each (inbox): targeted cases (an entity
 * under an open case is excluded) and closed inspections (exclusion window, annual cap, inspector
 * rotation). A case closed before its opening arrives stays closed: the opening only fills in
 * what the closing did not say.
 */
@ApplicationScoped
public class EnforcementProjection {

    public static final String CONSUMER = "sampling.enforcement-history";
    private static final Logger LOG = Logger.getLogger(EnforcementProjection.class);

    private static final String OPEN = """
            insert into case_view (case_id, entity_id, matter_code, source, opened_on) values (?, ?, ?, ?, ?)
            on conflict (case_id) do update set entity_id = excluded.entity_id, matter_code = excluded.matter_code,
                source = excluded.source, opened_on = excluded.opened_on, updated_at = now()""";
    private static final String CLOSE = """
            insert into case_view (case_id, entity_id, closed_on) values (?, ?, ?)
            on conflict (case_id) do update set closed_on = excluded.closed_on, updated_at = now()""";
    private static final String INSPECTION = """
            insert into inspection_history (inspection_id, entity_id, matter_code, draw_id, case_id, department,
                outcome, inspector_ids, started_on, closed_on)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (inspection_id) do nothing""";

    private final Inbox inbox;
    private final Jdbc jdbc;

    @Inject
    public EnforcementProjection(Inbox inbox, Jdbc jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @Transactional
    public void apply(EventEnvelope event) {
        switch (event.type()) {
            case "io.suiji.enforcement.CaseOpened.v1" -> opened(event, event.payload(CaseOpened.class));
            case "io.suiji.enforcement.CaseClosed.v1" -> closed(event, event.payload(CaseClosed.class));
            case "io.suiji.enforcement.InspectionClosed.v1" -> inspected(event, event.payload(InspectionClosed.class));
            default -> {
                // The topic is a stream of several facts; those sampling does not need are skipped.
                if (EventTypes.byType(event.type()).isEmpty()) {
                    throw new PoisonMessageException("unexpected event type " + event.type()
                            + " on enforcement.inspections");
                }
            }
        }
    }

    private void opened(EventEnvelope event, CaseOpened c) {
        if (blank(c.caseId()) || blank(c.entityId())) {
            throw new PoisonMessageException("event " + event.id() + " carries no case or entity id");
        }
        if (!first(event)) {
            return;
        }
        jdbc.work(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(OPEN)) {
                ps.setString(1, c.caseId());
                ps.setString(2, c.entityId());
                ps.setString(3, c.matterCode());
                ps.setString(4, c.source() == null ? null : c.source().name());
                Jdbc.setDate(ps, 5, c.openedOn());
                return ps.executeUpdate();
            }
        });
    }

    private void closed(EventEnvelope event, CaseClosed c) {
        if (blank(c.caseId()) || c.closedOn() == null) {
            throw new PoisonMessageException("event " + event.id() + " carries no case id or closing date");
        }
        if (!first(event)) {
            return;
        }
        jdbc.work(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(CLOSE)) {
                ps.setString(1, c.caseId());
                ps.setString(2, c.entityId());
                Jdbc.setDate(ps, 3, c.closedOn());
                return ps.executeUpdate();
            }
        });
    }

    private void inspected(EventEnvelope event, InspectionClosed i) {
        if (blank(i.inspectionId()) || blank(i.entityId()) || i.closedOn() == null) {
            throw new PoisonMessageException("event " + event.id() + " carries no inspection id, entity id or closing date");
        }
        if (!first(event)) {
            return;
        }
        jdbc.work(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(INSPECTION)) {
                ps.setString(1, i.inspectionId());
                ps.setString(2, i.entityId());
                ps.setString(3, i.matterCode());
                ps.setString(4, i.drawId());
                ps.setString(5, i.caseId());
                ps.setString(6, i.department());
                ps.setString(7, i.outcome() == null ? null : i.outcome().name());
                ps.setArray(8, Jdbc.textArray(connection, i.inspectorIds()));
                Jdbc.setDate(ps, 9, i.startedOn());
                Jdbc.setDate(ps, 10, i.closedOn());
                return ps.executeUpdate();
            }
        });
    }

    private boolean first(EventEnvelope event) {
        if (!inbox.firstDelivery(CONSUMER, event.id())) {
            LOG.debugf("skipping duplicate delivery of %s", event.id());
            return false;
        }
        return true;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
