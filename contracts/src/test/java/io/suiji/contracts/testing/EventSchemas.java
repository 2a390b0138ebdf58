package io.suiji.contracts.testing;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.suiji.contracts.EventType;
import io.suiji.contracts.EventTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a payload against the JSON Schema published for its event type, with formats (date,
 * uuid, date-time) asserted. For tests of the contracts and of the events services really emit.
 */
public final class EventSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** What is wrong with {@code json} as an event of {@code type}; empty when it is valid. */
    public static List<String> violations(String type, String json) {
        EventType eventType = EventTypes.byType(type)
                .orElseThrow(() -> new IllegalArgumentException("no event type " + type));
        return violationsAgainst(schemaText(eventType), json);
    }

    /** What is wrong with {@code json} against the schema text itself (e.g. a stricter copy). */
    public static List<String> violationsAgainst(String schema, String json) {
        return REGISTRY.getSchema(schema)
                .validate(json, InputFormat.JSON, context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)))
                .stream().map(Object::toString).toList();
    }

    public static String schemaText(EventType type) {
        return TEXTS.computeIfAbsent(type.schemaResource(), resource -> {
            try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("no schema " + resource + " on the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
