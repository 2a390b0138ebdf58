package io.suiji.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/** What happens to each record of a poll: applied together, passed over, or dead-lettered alone. */
class PolledRecordsTest {

    private final Map<String, String> outcome = new ConcurrentHashMap<>();

    private Message<?> message(String value) {
        var record = new ConsumerRecord<String, String>("t", 0, 0L, "k", value);
        return Message.of(record, () -> {
            outcome.put(value, "acked");
            return CompletableFuture.completedFuture(null);
        }, reason -> {
            outcome.put(value, "nacked: " + reason.getMessage());
            return CompletableFuture.completedFuture(null);
        });
    }

    private static Optional<String> parse(ConsumerRecord<String, String> record) {
        if (record.value().startsWith("poison")) {
            throw new PoisonMessageException("cannot read " + record.value());
        }
        return record.value().startsWith("other") ? Optional.empty() : Optional.of(record.value());
    }

    private Message<?> poll(String... values) {
        List<Message<?>> messages = new ArrayList<>();
        for (String value : values) {
            messages.add(message(value));
        }
        // A poll of the in-memory connector: each element keeps its own ack and nack.
        return new PollOf(messages);
    }

    @Test
    void goodRecordsAreAppliedTogetherInOrderAndPoisonIsDeadLetteredAlone() {
        List<List<String>> units = new ArrayList<>();
        PolledRecords.consume(poll("a", "poison-1", "b", "other-env", "c"), PolledRecordsTest::parse, units::add).toCompletableFuture().join();

        assertEquals(List.of(List.of("a", "b", "c")), units);
        assertEquals("acked", outcome.get("a"));
        assertEquals("acked", outcome.get("c"));
        assertEquals("acked", outcome.get("other-env"));
        assertEquals("nacked: cannot read poison-1", outcome.get("poison-1"));
    }

    @Test
    void aTransientFailureIsRetriedAsAWhole() {
        AtomicInteger attempts = new AtomicInteger();
        List<List<String>> units = new ArrayList<>();
        PolledRecords.consume(poll("a", "b"), PolledRecordsTest::parse, items -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("connection reset");
            }
            units.add(items);
        }).toCompletableFuture().join();

        assertEquals(3, attempts.get());
        assertEquals(List.of(List.of("a", "b")), units);
        assertEquals("acked", outcome.get("b"));
    }

    @Test
    void whenTheUnitCannotBeAppliedOnlyTheRecordsThatFailAloneAreDeadLettered() {
        List<List<String>> units = new ArrayList<>();
        PolledRecords.consume(poll("a", "bad", "c"), PolledRecordsTest::parse, items -> {
            if (items.contains("bad")) {
                throw new PoisonMessageException("entity bad refers to nothing");
            }
            units.add(items);
        }).toCompletableFuture().join();

        assertEquals(List.of(List.of("a"), List.of("c")), units);
        assertEquals("acked", outcome.get("a"));
        assertEquals("nacked: entity bad refers to nothing", outcome.get("bad"));
        assertEquals("acked", outcome.get("c"));
    }

    /** A poll as the in-memory connector of component tests carries it: a list of record messages. */
    private record PollOf(List<Message<?>> messages) implements Message<List<Message<?>>> {
        @Override
        public List<Message<?>> getPayload() {
            return messages;
        }
    }
}
