package io.suiji.platform.inbox;

import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes the records of one poll ({@code batch=true} on the channel) as one unit of work: the good
 * records are applied together — one transaction instead of one per record, which is what makes a
 * projection of tens of thousands of registry events take seconds rather than minutes — while each
 * record stays a message of its own, so that a poison record is nacked (the channel's failure strategy
 * sends it to the dead-letter topic with its reason) and the rest of its poll still goes through.
 *
 * <p>Transient failures of the whole unit are retried with back-off for up to a minute (as the
 * per-record consumers do); if it still fails, the records are applied one by one so that only those
 * that fail on their own are dead-lettered. On the in-memory connector of component tests, a message
 * carries one {@link ConsumerRecord}, or a list of them (or of messages carrying them) standing for one poll.
 */
public final class PolledRecords {

    private static final Logger LOG = Logger.getLogger(PolledRecords.class);
    private static final Duration RETRY_BUDGET = Duration.ofSeconds(60);
    private static final long FIRST_DELAY_MS = 250;

    private PolledRecords() {
    }

    /**
     * Applies the records of {@code poll}: {@code parse} turns a record into what {@code apply} takes (empty
     * for a record to pass over, e.g. another environment's event; {@link PoisonMessageException} for one
     * that can never be applied); {@code apply} applies a list in one transaction, in delivery order.
     */
    public static <T> CompletionStage<Void> consume(Message<?> poll, Function<ConsumerRecord<String, String>, Optional<T>> parse,
            Consumer<List<T>> apply) {
        List<Message<?>> messages = of(poll);
        List<Message<?>> applied = new ArrayList<>();
        List<T> items = new ArrayList<>();
        List<CompletionStage<Void>> outcomes = new ArrayList<>();
        for (Message<?> message : messages) {
            try {
                Optional<T> item = parse.apply(record(message));
                if (item.isPresent()) {
                    applied.add(message);
                    items.add(item.get());
                } else {
                    outcomes.add(message.ack());
                }
            } catch (PoisonMessageException poison) {
                outcomes.add(message.nack(poison));
            }
        }
        if (!items.isEmpty()) {
            try {
                withRetries(() -> apply.accept(items));
                applied.forEach(message -> outcomes.add(message.ack()));
            } catch (RuntimeException unitFailed) {
                LOG.warnf(unitFailed, "%d records failed together; applying them one by one", items.size());
                for (int i = 0; i < items.size(); i++) {
                    T item = items.get(i);
                    try {
                        apply.accept(List.of(item));
                        outcomes.add(applied.get(i).ack());
                    } catch (RuntimeException failed) {
                        outcomes.add(applied.get(i).nack(failed));
                    }
                }
            }
        }
        return CompletableFuture.allOf(outcomes.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new));
    }

    /** The individual record messages of {@code poll}, in the order Kafka delivered them. */
    static List<Message<?>> of(Message<?> poll) {
        if (poll instanceof KafkaRecordBatch<?, ?> batch) {
            return new ArrayList<>(batch.getRecords());
        }
        if (poll.getPayload() instanceof List<?> list) {
            return list.stream().<Message<?>>map(e -> e instanceof Message<?> m ? m : Message.of(e)).toList();
        }
        return List.of(poll);
    }

    /** The Kafka record behind one record message of {@link #of}. */
    @SuppressWarnings("unchecked")
    static ConsumerRecord<String, String> record(Message<?> message) {
        if (message.getPayload() instanceof ConsumerRecord<?, ?> record) {
            return (ConsumerRecord<String, String>) record;
        }
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<String, String>) metadata.getRecord())
                .orElseThrow(() -> new PoisonMessageException("a message without its Kafka record: " + message));
    }

    private static void withRetries(Runnable unit) {
        long deadline = System.nanoTime() + RETRY_BUDGET.toNanos();
        long delay = FIRST_DELAY_MS;
        while (true) {
            try {
                unit.run();
                return;
            } catch (PoisonMessageException poison) {
                throw poison;
            } catch (RuntimeException e) {
                if (System.nanoTime() + delay * 1_000_000 > deadline) {
                    throw e;
                }
                LOG.warnf("applying a poll failed (%s); retrying in %d ms", e, delay);
                sleep(delay);
                delay = Math.min(delay * 2, 5_000);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
