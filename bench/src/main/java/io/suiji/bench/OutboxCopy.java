package io.suiji.bench;

import io.suiji.contracts.EventJson;
import io.suiji.contracts.EventTypes;
import io.suiji.contracts.SuijiEvent;
import java.io.StringReader;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.postgresql.PGConnection;

/**
 * Writes events into a platform {@code outbox_event} table in one {@code COPY} — the rows the
 * platform's {@code Outbox} would write one INSERT each, for a benchmark to fill an outbox fast.
 */
public final class OutboxCopy {

    private OutboxCopy() {
    }

    /** The events, each on its contract topic. */
    public static void copy(Connection db, List<? extends SuijiEvent> events) throws Exception {
        copy(db, events, UnaryOperator.identity());
    }

    /** The events, each on {@code topic} applied to its contract topic (a benchmark's own topics). */
    public static void copy(Connection db, List<? extends SuijiEvent> events, UnaryOperator<String> topic) throws Exception {
        StringBuilder rows = new StringBuilder(events.size() * 512);
        String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        for (SuijiEvent event : events) {
            var type = EventTypes.of(event.getClass());
            rows.append(UUID.randomUUID()).append('\t').append(text(topic.apply(type.topic()))).append('\t')
                    .append(text(event.aggregateId())).append('\t').append(type.type()).append('\t')
                    .append(text(EventJson.mapper().writeValueAsString(event))).append('\t').append(now).append('\n');
        }
        db.unwrap(PGConnection.class).getCopyAPI().copyIn("copy outbox_event (event_id, topic, aggregate_id, event_type,"
                + " payload, occurred_at) from stdin", new StringReader(rows.toString()));
    }

    /** {@code value} escaped for COPY's text format. */
    public static String text(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
