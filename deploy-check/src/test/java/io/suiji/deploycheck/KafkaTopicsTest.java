package io.suiji.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.suiji.contracts.CleanupPolicy;
import io.suiji.contracts.TopicSpec;
import io.suiji.contracts.Topics;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Strimzi topics are the contract's topics: io.suiji.contracts.Topics is the single source. */
class KafkaTopicsTest {

    /** What a topic must look like: partitions and cleanup.policy. */
    record Shape(int partitions, String cleanupPolicy) {
    }

    // Dead-letter topics as deploy/local/suite creates them: 3 partitions, facts that expire.
    static final Shape DEAD_LETTER = new Shape(3, CleanupPolicy.DELETE.kafkaValue());

    @Test
    void everyContractTopicAndItsDeadLetterTopicHasAKafkaTopicAndNoOtherTopicExists() {
        Map<String, Shape> expected = new TreeMap<>();
        for (TopicSpec topic : Topics.all()) {
            expected.put(topic.name(), new Shape(topic.partitions(), topic.cleanupPolicy().kafkaValue()));
            expected.put(Topics.deadLetter(topic.name()), DEAD_LETTER);
        }
        Kustomization base = Kustomization.at(Suite.BASE);
        Set<String> clusters = base.objects("Kafka").stream().map(Manifest::name).collect(Collectors.toSet());
        Map<String, Shape> actual = new TreeMap<>();
        for (Manifest topic : base.objects("KafkaTopic")) {
            String name = topic.at("/spec/topicName").asText(topic.name());
            actual.put(name, new Shape(topic.at("/spec/partitions").asInt(), topic.at("/spec/config/cleanup.policy").asText()));
            assertEquals(true, clusters.contains(topic.tree().at("/metadata/labels/strimzi.io~1cluster").asText()),
                    topic + ": strimzi.io/cluster must name the Kafka resource " + clusters);
        }
        assertEquals(expected, actual);
    }
}
