package io.suiji.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.EventType;
import io.suiji.contracts.EventTypes;
import io.suiji.contracts.SuijiEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * The bulk path into the outbox: the same rows {@link Outbox#publish} writes (event id, topic, key,
 * CloudEvents type, JSON payload), written with one COPY per few thousand events on the caller's
 * plain JDBC connection and in its transaction — so a million events cost a few hundred statements
 * instead of a million. Nothing is sent from here: the relay publishes the events once the
 * transaction commits; call {@link OutboxRelay#wakeUp()} after the commit to start it at once.
 */
public final class OutboxCopy {

    private static final String COPY = "copy outbox_event (event_id, topic, aggregate_id, event_type, payload, occurred_at) from stdin";
    private static final int ROWS_PER_COPY = 5000;

    private CopyText rows = new CopyText();

    /** Writes {@code events} into the outbox in the connection's current transaction. */
    public static void write(Connection connection, Iterable<? extends SuijiEvent> events) throws SQLException {
        OutboxCopy copy = new OutboxCopy();
        for (SuijiEvent event : events) {
            copy.add(event);
            if (copy.size() == ROWS_PER_COPY) {
                copy.flush(connection);
            }
        }
        copy.flush(connection);
    }

    public void add(SuijiEvent event) {
        rows.line(line(UUID.randomUUID(), event));
    }

    /** A ready row, as {@link #line} made it. */
    public void addLine(String line) {
        rows.line(line);
    }

    /**
     * The outbox row of one event in COPY text format, made ahead (on another thread, say).
     * A time-ordered {@code eventId} (UUIDv7) appends to the event id index instead of scattering
     * over it, which a million-event load notices.
     */
    public static String line(UUID eventId, SuijiEvent event) {
        return line(eventId, EventTypes.of(event.getClass()).topic(), event);
    }

    /** As {@link #line(UUID, SuijiEvent)}, on {@code topic} instead of the event's contract topic (a benchmark's own). */
    public static String line(UUID eventId, String topic, SuijiEvent event) {
        EventType type = EventTypes.of(event.getClass());
        String json;
        try {
            json = EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.getClass().getSimpleName() + " cannot be serialised", e);
        }
        return new CopyText(json.length() + 200).field(eventId).field(topic).field(event.aggregateId())
                .field(type.type()).field(json).field(OffsetDateTime.now(ZoneOffset.UTC)).endRow().text();
    }

    public int size() {
        return rows.rows();
    }

    /** The rows added since the last flush, as COPY text; {@link #flush} or this starts over. */
    public String take() {
        String text = rows.text();
        rows = new CopyText();
        return text;
    }

    /** Writes what was added and starts over. */
    public void flush(Connection connection) throws SQLException {
        if (rows.rows() == 0) {
            return;
        }
        copyIn(connection, take().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes rows made by {@link #line}, joined and encoded ahead (UTF-8), with one COPY. */
    public static void copyIn(Connection connection, byte[] lines) throws SQLException {
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new ByteArrayInputStream(lines), 1 << 16);
        } catch (IOException e) {
            throw new SQLException("COPY into outbox_event failed", e);
        }
    }
}
