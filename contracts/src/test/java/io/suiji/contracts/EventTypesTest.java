package io.suiji.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.suiji.contracts.publication.SanctionPushed;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventTypesTest {

    private static final Pattern TYPE =
            Pattern.compile("io\\.suiji\\.(catalog|registry|sampling|enforcement|publication)\\.([A-Z][A-Za-z]+)\\.v([1-9][0-9]*)");

    @Test
    void typeNamesAreUniqueAndFollowThePattern() {
        List<String> types = EventTypes.all().stream().map(EventType::type).toList();
        assertEquals(types.size(), Set.copyOf(types).size(), "duplicate type name");
        for (EventType type : EventTypes.all()) {
            Matcher m = TYPE.matcher(type.type());
            assertTrue(m.matches(), type.type());
            assertEquals(type.service(), m.group(1), type.type());
            assertEquals(type.payload().getSimpleName(), m.group(2), type.type());
        }
        assertEquals(23, types.size());
    }

    @Test
    void eachServicePublishesItsOwnRecordsOnItsOwnTopics() {
        Set<String> topics = Topics.all().stream().map(TopicSpec::name).collect(Collectors.toSet());
        for (EventType type : EventTypes.all()) {
            assertTrue(type.payload().isRecord(), type.type());
            assertEquals("io.suiji.contracts." + type.service(), type.payload().getPackageName(), type.type());
            assertTrue(topics.contains(type.topic()), type.type() + " on unknown topic " + type.topic());
            assertTrue(type.topic().startsWith(type.service() + "."), type.type() + " on " + type.topic());
        }
        assertTrue(topics.stream().allMatch(t -> EventTypes.all().stream().anyMatch(e -> e.topic().equals(t))),
                "a topic nobody publishes to");
    }

    @Test
    void lookupsByClassAndByTypeAgree() {
        for (EventType type : EventTypes.all()) {
            assertEquals(type, EventTypes.of(type.payload()));
            assertEquals(Optional.of(type), EventTypes.byType(type.type()));
        }
        EventType sanction = EventTypes.of(SanctionPushed.class);
        assertEquals("io.suiji.publication.SanctionPushed.v1", sanction.type());
        assertEquals(Topics.PUBLICATION_SANCTIONS, sanction.topic());
        assertEquals("urn:suiji:publication-service", sanction.source());
        assertEquals(Optional.empty(), EventTypes.byType("io.suiji.publication.SanctionPushed.v2"));
    }

    @Test
    void anUnregisteredPayloadIsRefused() {
        record Stray(String id) implements SuijiEvent {
            @Override
            public String aggregateId() {
                return id;
            }
        }
        assertThrows(IllegalArgumentException.class, () -> EventTypes.of(Stray.class));
    }
}
