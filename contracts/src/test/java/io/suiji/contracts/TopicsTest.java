package io.suiji.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void theTsvThatScriptsReadListsExactlyTheTopicsOfTopicsAll() throws IOException {
        List<String> lines;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("suiji/topics.tsv")) {
            assertNotNull(in, "suiji/topics.tsv is missing");
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertEquals("topic\tpartitions\tcleanup.policy", lines.get(0));
        List<TopicSpec> fromTsv = lines.subList(1, lines.size()).stream()
                .map(line -> line.split("\t", -1))
                .map(cells -> {
                    assertEquals(3, cells.length, String.join("|", cells));
                    return new TopicSpec(cells[0], Integer.parseInt(cells[1]), CleanupPolicy.ofKafkaValue(cells[2]));
                })
                .toList();
        assertEquals(Topics.all(), fromTsv);
    }

    @Test
    void everyTopicConstantIsListedOnce() throws IllegalAccessException {
        Set<String> constants = new java.util.HashSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().equals("DEAD_LETTER_SUFFIX")) {
                constants.add((String) field.get(null));
            }
        }
        List<String> names = Topics.all().stream().map(TopicSpec::name).toList();
        assertEquals(names.size(), Set.copyOf(names).size(), "duplicate topic in Topics.all()");
        assertEquals(constants, Set.copyOf(names));
    }

    @Test
    void onlyTheFullStateTopicsAreCompacted() {
        Set<String> compacted = Topics.all().stream()
                .filter(t -> t.cleanupPolicy() == CleanupPolicy.COMPACT)
                .map(TopicSpec::name)
                .collect(Collectors.toSet());
        assertEquals(Set.of(Topics.CATALOG_MATTERS, Topics.REGISTRY_ENTITIES, Topics.REGISTRY_INSPECTORS), compacted);
        assertEquals(Set.of("compact", "delete"),
                Arrays.stream(CleanupPolicy.values()).map(CleanupPolicy::kafkaValue).collect(Collectors.toSet()));
    }

    @Test
    void deadLetterTopicsAppendDlq() {
        assertEquals("sampling.selections.dlq", Topics.deadLetter(Topics.SAMPLING_SELECTIONS));
    }
}
