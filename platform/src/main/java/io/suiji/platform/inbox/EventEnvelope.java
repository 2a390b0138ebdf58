package io.suiji.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.suiji.contracts.CloudEventHeaders;
import io.suiji.contracts.EventJson;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A received event: the CloudEvents binary-mode headers and the JSON body of one Kafka record. */
public record EventEnvelope(String id, String type, String source, String key, String body) {

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
