package io.suiji.platform.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The digest of a record's state kept in the audit trail: SHA-256 of its canonical JSON — the JSON the
 * service's mapper writes, with every object's keys sorted (by UTF-16 code unit, i.e. Java's string
 * order), no whitespace, timestamps in UTC rounded to the microsecond and decimals without trailing
 * zeros. Only the digest is kept, never the state: the trail is append-only, and
 * personal data must not live forever in it.
 */
public final class StateDigest {

    private final ObjectMapper mapper;

    public StateDigest(ObjectMapper mapper) {
        this.mapper = mapper.copy().registerModule(asStored());
    }

    /** The digest of {@code state}, or null for no state (before a creation, after a deletion). */
    public String of(Object state) {
        return state == null ? null : AuditChain.sha256Hex(canonicalJson(state).getBytes(StandardCharsets.UTF_8));
    }

    public String canonicalJson(Object state) {
        JsonNode tree = state instanceof JsonNode node ? node : mapper.valueToTree(state);
        try {
            return mapper.writer().without(SerializationFeature.INDENT_OUTPUT)
                    .with(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN.mappedFeature())
                    .writeValueAsString(sorted(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("state of type " + state.getClass().getSimpleName() + " cannot be written as JSON", e);
        }
    }

    /*
     * Values as PostgreSQL gives them back, so that a record digested right after a write and digested
     * again when read for the next write agree: instants in UTC rounded to the microsecond (timestamptz
     * keeps no more, nor the offset), decimals without trailing zeros (numeric(5,2) reads 10 back as 10.00).
     */
    private static SimpleModule asStored() {
        var module = new SimpleModule("audit-state-as-stored");
        module.addSerializer(Instant.class, new InstantSerializer<>(Instant.class, i -> i));
        module.addSerializer(OffsetDateTime.class, new InstantSerializer<>(OffsetDateTime.class, OffsetDateTime::toInstant));
        module.addSerializer(ZonedDateTime.class, new InstantSerializer<>(ZonedDateTime.class, ZonedDateTime::toInstant));
        module.addSerializer(BigDecimal.class, new StdSerializer<>(BigDecimal.class) {
            @Override
            public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeNumber(value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros());
            }
        });
        return module;
    }

    private static final class InstantSerializer<T> extends StdSerializer<T> {
        private final Function<T, Instant> instant;

        InstantSerializer(Class<T> type, Function<T, Instant> instant) {
            super(type);
            this.instant = instant;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            // Rounded half up, as the JDBC driver rounds a timestamp it sends to PostgreSQL.
            gen.writeString(AuditChain.TIMESTAMP.format(instant.apply(value).plusNanos(500).truncatedTo(ChronoUnit.MICROS)));
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            fields.addAll(object.properties());
            fields.sort(Map.Entry.comparingByKey());
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            fields.forEach(field -> copy.set(field.getKey(), sorted(field.getValue())));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            array.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
