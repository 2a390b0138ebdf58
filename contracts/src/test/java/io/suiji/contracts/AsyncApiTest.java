package io.suiji.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code asyncapi.yaml} describes exactly the topics and events of {@link Topics} and {@link EventTypes}. */
class AsyncApiTest {

    private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
    private static JsonNode doc;
    private static final Map<String, JsonNode> channelsByAddress = new HashMap<>();

    @BeforeAll
    static void read() throws IOException {
        doc = new ObjectMapper(new YAMLFactory()).readTree(MODULE.resolve("asyncapi.yaml").toFile());
        doc.path("channels").forEach(channel -> {
            JsonNode previous = channelsByAddress.put(channel.path("address").asText(), channel);
            assertEquals(null, previous, "two channels for " + channel.path("address").asText());
        });
    }

    @Test
    void isAnAsyncApi3DocumentWithABilingualTitle() {
        assertEquals("3.0.0", doc.path("asyncapi").asText());
        assertTrue(doc.path("info").path("title").asText().matches(".*[A-Za-z].*[\\u4e00-\\u9fff].*"));
    }

    @Test
    void hasAChannelForEveryTopicAndForNoOther() {
        Set<String> topics = Topics.all().stream().map(TopicSpec::name).collect(Collectors.toSet());
        assertEquals(topics, channelsByAddress.keySet());
        for (TopicSpec topic : Topics.all()) {
            JsonNode kafka = channelsByAddress.get(topic.name()).path("bindings").path("kafka");
            assertEquals(topic.name(), kafka.path("topic").asText());
            assertEquals(topic.partitions(), kafka.path("partitions").asInt());
            assertEquals(List.of(topic.cleanupPolicy().kafkaValue()),
                    texts(kafka.path("topicConfiguration").path("cleanup.policy")));
        }
        assertTrue(channelsByAddress.get(Topics.PUBLICATION_SANCTIONS).path("description").asText().contains("联合惩戒"));
    }

    @Test
    void hasAMessageForEveryEventTypeOnItsTopicsChannel() {
        JsonNode messages = doc.path("components").path("messages");
        Set<String> expected = new HashSet<>();
        for (EventType type : EventTypes.all()) {
            String name = type.payload().getSimpleName();
            expected.add(name);
            JsonNode message = messages.path(name);
            assertTrue(message.isObject(), "no message " + name);
            assertEquals(type.type(), message.at("/headers/allOf/1/properties/ce_type/const").asText(), name);
            assertEquals(type.source(), message.at("/headers/allOf/1/properties/ce_source/const").asText(), name);
            assertEquals("./src/main/resources/" + type.schemaResource(), message.at("/payload/$ref").asText(), name);
            assertTrue(Files.isRegularFile(MODULE.resolve(message.at("/payload/$ref").asText())), name);
            assertNotNull(message.at("/bindings/kafka/key/description").textValue(), name + " has no key description");
            assertEquals("#/components/messages/" + name,
                    channelsByAddress.get(type.topic()).path("messages").path(name).path("$ref").asText(),
                    name + " is not on the channel of " + type.topic());
        }
        Set<String> documented = new HashSet<>();
        messages.fieldNames().forEachRemaining(documented::add);
        assertEquals(expected, documented);
        int onChannels = 0;
        for (JsonNode channel : channelsByAddress.values()) {
            onChannels += channel.path("messages").size();
        }
        assertEquals(EventTypes.all().size(), onChannels, "a message is on more than one channel");
    }

    @Test
    void documentsTheCloudEventsBinaryModeHeaders() {
        JsonNode headers = doc.at("/components/schemas/CloudEventHeaders");
        List<String> names = List.of(CloudEventHeaders.ID, CloudEventHeaders.SOURCE, CloudEventHeaders.TYPE,
                CloudEventHeaders.SUBJECT, CloudEventHeaders.TIME, CloudEventHeaders.SPEC_VERSION,
                CloudEventHeaders.CONTENT_TYPE);
        assertEquals(Set.copyOf(names), Set.copyOf(texts(headers.path("required"))));
        names.forEach(name -> assertTrue(headers.path("properties").has(name), name));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
