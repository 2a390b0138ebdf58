package io.suiji.registry.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.EventType;
import io.suiji.contracts.EventTypes;
import io.suiji.contracts.SuijiEvent;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import io.suiji.registry.TimeOrderedIds;
import org.postgresql.PGConnection;

/**
 * The bulk path into the platform's outbox: the same rows {@code Outbox#publish} writes (event id,
 * topic, key, CloudEvents type, JSON payload), written with one COPY per chunk in the import's own
 * transaction, so that a million events cost one statement per few thousand instead of one each.
 * Nothing is sent from here: the relay publishes them once the transaction commits.
 */
final class OutboxCopy {

    private static final String COPY = "copy outbox_event (event_id, topic, aggregate_id, event_type, payload, occurred_at) from stdin";

    private CopyText rows = new CopyText();

    void add(SuijiEvent event) {
        rows.line(line(event));
    }

    /** A ready row, as {@link #line(SuijiEvent)} made it. */
    void addLine(String line) {
        rows.line(line);
    }

    /** The outbox row of one event, in COPY text format (can be made ahead, on another thread). */
    static String line(SuijiEvent event) {
        EventType type = EventTypes.of(event.getClass());
        String json;
        try {
            json = EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.getClass().getSimpleName() + " cannot be serialised", e);
        }
        return new CopyText(json.length() + 200).field(TimeOrderedIds.next()).field(type.topic()).field(event.aggregateId())
                .field(type.type()).field(json).field(OffsetDateTime.now(ZoneOffset.UTC)).endRow().text();
    }

    int size() {
        return rows.rows();
    }

    /** Writes what was added and starts over. */
    void flush(Connection connection) throws SQLException {
        if (rows.rows() == 0) {
            return;
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(rows.text()));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY into outbox_event failed", e);
        }
        rows = new CopyText();
    }
}
