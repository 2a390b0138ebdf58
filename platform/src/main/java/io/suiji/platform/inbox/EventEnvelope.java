package io.suiji.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.suiji.contracts.CloudEventHeaders;
import io.suiji.contracts.EventJson;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/** A received event: the CloudEvents binary-mode headers and the JSON body of one Kafka record. */
public record EventEnvelope(String id, String type, String source, String key, String body) {

    private static final Logger LOG = Logger.getLogger(EventEnvelope.class);

    public static EventEnvelope from(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new PoisonMessageException("record at " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " lacks the ce_id or ce_type header");
        }
        if (record.value() == null) {
            throw new PoisonMessageException("event " + id + " has no body");
        }
        return new EventEnvelope(id, type, header(record, CloudEventHeaders.SOURCE), record.key(), record.value());
    }

    /**
     * The event, or nothing when another environment sharing the broker sent it (see
     * {@link Environments}): such a record is passed over, neither applied nor a dead letter.
     */
    public static Optional<EventEnvelope> received(ConsumerRecord<String, String> record) {
        EventEnvelope event = from(record);
        if (Environments.sameEnvironment(event.source(), Environments.ownSuffix())) {
            return Optional.of(event);
        }
        LOG.debugf("passing over %s from %s: another environment", event.id(), event.source());
        return Optional.empty();
    }

    /** The body read as the given contract record. */
    public <T> T payload(Class<T> type) {
        try {
            return EventJson.mapper().readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("event " + id + " (" + this.type + ") is not a valid "
                    + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
