package io.suiji.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.MatterPublished;
import io.suiji.contracts.catalog.MatterState;
import io.suiji.contracts.catalog.MatterStatus;
import io.suiji.contracts.catalog.SamplingRatio;
import io.suiji.contracts.sampling.DrawCommitted;
import io.suiji.contracts.sampling.TargetSelected;
import io.suiji.contracts.testing.EventSchemas;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The payload records, their JSON mapping and the JSON Schemas describe the same contract. */
class EventSchemaTest {

    private static final ObjectMapper JSON = EventJson.mapper();

    @Test
    void thereIsOneExamplePerEventType() {
        List<Class<?>> examples = ExampleEvents.all().stream().<Class<?>>map(Object::getClass).toList();
        List<Class<?>> types = EventTypes.all().stream().<Class<?>>map(EventType::payload).toList();
        assertEquals(types, examples);
    }

    @Test
    void everyEventTypeHasASchemaWhoseIdIsTheTypeName() throws IOException {
        for (EventType type : EventTypes.all()) {
            JsonNode schema = JSON.readTree(schemaText(type));
            assertEquals("urn:suiji:schema:" + type.type(), schema.path("$id").asText(), type.type());
            assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText(), type.type());
        }
    }

    @Test
    void everySchemaFileBelongsToAnEventType() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(getClass().getClassLoader().getResource("schemas")).toURI());
        Set<String> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        Set<String> expected = EventTypes.all().stream().map(t -> t.type() + ".json").collect(Collectors.toSet());
        assertEquals(expected, files);
    }

    @TestFactory
    Stream<DynamicTest> everyExampleValidatesAgainstItsSchemaAndRoundTrips() {
        return ExampleEvents.all().stream().map(event -> DynamicTest.dynamicTest(event.getClass().getSimpleName(), () -> {
            EventType type = EventTypes.of(event.getClass());
            String json = JSON.writeValueAsString(event);

            assertEquals(List.of(), validate(schemaText(type), json), json);
            // With additionalProperties=false everywhere, a field the record writes but the schema
            // forgot (or misspelt) shows up here.
            assertEquals(List.of(), validate(closed(schemaText(type)), json), "undeclared property in " + json);
            assertFalse(JSON.readTree(json).has("aggregateId"), "the key is not repeated in the payload");

            SuijiEvent back = JSON.readValue(json, type.payload());
            assertEquals(event, back);
            assertEquals(event.aggregateId(), back.aggregateId());
        }));
    }

    @Test
    void aMissingRequiredFieldFailsValidation() throws IOException {
        ObjectNode matter = (ObjectNode) JSON.valueToTree(ExampleEvents.all().get(0));
        ((ObjectNode) matter.get("matter")).remove("code");
        List<String> errors = validate(schemaText(EventTypes.of(MatterPublished.class)), matter.toString());
        assertFalse(errors.isEmpty(), "a matter without code must be rejected");
        assertTrue(errors.toString().contains("code"), errors.toString());

        ObjectNode commit = (ObjectNode) JSON.valueToTree(ExampleEvents.drawCommitted());
        commit.remove("commitment");
        assertFalse(validate(schemaText(EventTypes.of(DrawCommitted.class)), commit.toString()).isEmpty());
    }

    @Test
    void wrongValuesFailValidation() throws IOException {
        assertInvalid(ExampleEvents.inspectionClosed(), n -> n.set("outcome", TextNode.valueOf("罚款")));
        assertInvalid(ExampleEvents.inspectionClosed(), n -> n.set("closedOn", TextNode.valueOf("2020/07/20")));
        assertInvalid(ExampleEvents.targetSelected(), n -> n.set("entityRegion", TextNode.valueOf("平顶山")));
        assertInvalid(ExampleEvents.drawCommitted(), n -> n.set("commitment", TextNode.valueOf("ABC")));
        assertInvalid(ExampleEvents.sanctionPushed(), n -> n.putNull("entityName"));
    }

    @Test
    void aMatterWithOnlyCodeNameCategoryAndRatioIsValid() throws IOException {
        var matter = new MatterState("RSJ-2020-08", 1, null, "养老保险稽核", null, null, null, MatterCategory.GENERAL,
                null, new SamplingRatio(null, 200), null, null, null, null, null, MatterStatus.PUBLISHED, null);
        String json = JSON.writeValueAsString(new MatterPublished(matter));
        assertEquals(List.of(), validate(schemaText(EventTypes.of(MatterPublished.class)), json), json);
        assertEquals(List.of(), matter.legalBases(), "absent lists arrive empty, never null");
    }

    @Test
    void sharedDefinitionsAreTheSameInEverySchema() throws IOException {
        Map<String, JsonNode> seen = new HashMap<>();
        for (EventType type : EventTypes.all()) {
            JsonNode defs = JSON.readTree(schemaText(type)).path("$defs");
            for (var def : defs.properties()) {
                JsonNode first = seen.putIfAbsent(def.getKey(), def.getValue());
                assertTrue(first == null || first.equals(def.getValue()),
                        "$defs/" + def.getKey() + " of " + type.type() + " differs from the other schemas'");
            }
        }
    }

    @Test
    void theMapperWritesIsoDatesPlainAmountsAndNulls() throws IOException {
        JsonNode closed = JSON.valueToTree(ExampleEvents.inspectionClosed());
        assertEquals("2020-07-20", closed.get("closedOn").textValue());
        assertTrue(closed.has("caseId") && closed.get("caseId").isNull());
        assertTrue(JSON.writeValueAsString(ExampleEvents.inspectionClosed()).contains("\"amount\":20000.00,"));
        assertEquals("\"2020-07-21T01:00:00Z\"", JSON.writeValueAsString(ExampleEvents.sanctionPushed().pushedAt()));
        assertEquals("{\"amount\":10000}", JSON.writeValueAsString(Map.of("amount", new BigDecimal("1E+4"))));
    }

    @Test
    void theMapperIgnoresPropertiesAddedByANewerProducer() throws IOException {
        ObjectNode node = JSON.valueToTree(ExampleEvents.targetSelected());
        node.put("addedInALaterRelease", "忽略");
        assertEquals(ExampleEvents.targetSelected(), JSON.treeToValue(node, TargetSelected.class));
    }

    private static void assertInvalid(SuijiEvent event, Consumer<ObjectNode> breakIt) throws IOException {
        ObjectNode node = JSON.valueToTree(event);
        breakIt.accept(node);
        assertFalse(validate(schemaText(EventTypes.of(event.getClass())), node.toString()).isEmpty(),
                "accepted " + node);
    }

    static List<String> validate(String schema, String json) {
        return EventSchemas.violationsAgainst(schema, json);
    }

    static String schemaText(EventType type) {
        return EventSchemas.schemaText(type);
    }

    private static String closed(String schema) throws IOException {
        JsonNode root = JSON.readTree(schema);
        close(root);
        return root.toString();
    }

    private static void close(JsonNode node) {
        if (node instanceof ObjectNode object && object.path("properties").isObject()) {
            object.put("additionalProperties", false);
        }
        node.forEach(EventSchemaTest::close);
    }
}
