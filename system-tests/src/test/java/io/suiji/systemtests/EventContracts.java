package io.suiji.systemtests;

import io.suiji.contracts.CloudEventHeaders;
import io.suiji.contracts.TopicSpec;
import io.suiji.contracts.Topics;
import io.suiji.contracts.testing.EventSchemas;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every suite topic from its first offset to its current end and checks each record the system
 * tests' services sent ({@code ce_source} ending in {@link ServiceProcess#ENVIRONMENT_SUFFIX}) against
 * the JSON Schema of the type its {@code ce_type} header names: what the services really sent, not
 * the contracts' hand-written examples. Records of another environment sharing the broker (a demo
 * run, perhaps by an older version) are not this build's to judge and are only counted.
 */
final class EventContracts {

    /** What was read: records per event type, and every violation found. */
    record Report(Map<String, Integer> recordsByType, List<String> violations, int otherEnvironments) {
        int records() {
            return recordsByType.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private EventContracts() {
    }

    /**
     * @param deliberatePoisonKeyPrefix keys of records a test put on a topic on purpose without
     *                                  headers (the dead-letter test); they are skipped
     */
    static Report check(String bootstrap, String deliberatePoisonKeyPrefix) {
        return check(bootstrap, deliberatePoisonKeyPrefix, (where, text) -> { });
    }

    /**
     * As {@link #check(String, String)}, and hands every record's key and value, the deliberate
     * poison records included, to {@code everyRecord} with where it was read (for the personal-data scan).
     */
    static Report check(String bootstrap, String deliberatePoisonKeyPrefix, BiConsumer<String, String> everyRecord) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-contract-check-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        Map<String, Integer> byType = new HashMap<>();
        List<String> violations = new ArrayList<>();
        int otherEnvironments = 0;
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (TopicSpec topic : Topics.all()) {
                consumer.partitionsFor(topic.name(), Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read the topics to their end within 2 minutes");
                }
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    String where = record.topic() + "-" + record.partition() + "@" + record.offset();
                    everyRecord.accept(where + " key", record.key());
                    everyRecord.accept(where, record.value());
                    if (record.value() == null
                            || record.key() != null && record.key().startsWith(deliberatePoisonKeyPrefix)) {
                        continue;
                    }
                    var source = record.headers().lastHeader(CloudEventHeaders.SOURCE);
                    if (source != null && !new String(source.value(), StandardCharsets.UTF_8)
                            .endsWith(ServiceProcess.ENVIRONMENT_SUFFIX)) {
                        otherEnvironments++;
                        continue;
                    }
                    var header = record.headers().lastHeader(CloudEventHeaders.TYPE);
                    if (header == null) {
                        violations.add(where + ": no " + CloudEventHeaders.TYPE + " header");
                        continue;
                    }
                    String type = new String(header.value(), StandardCharsets.UTF_8);
                    byType.merge(type, 1, Integer::sum);
                    try {
                        EventSchemas.violations(type, record.value())
                                .forEach(v -> violations.add(where + " " + type + ": " + v));
                    } catch (IllegalArgumentException unknown) {
                        violations.add(where + ": unknown event type " + type);
                    }
                }
            }
        }
        return new Report(byType, violations, otherEnvironments);
    }
}
