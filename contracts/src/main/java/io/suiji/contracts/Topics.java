package io.suiji.contracts;

import java.util.List;

/**
 * The suite's Kafka topics. Channel name = topic name, so these constants go straight into
 * {@code @Incoming}/{@code @Channel}.
 *
 * <p>{@code src/main/resources/suiji/topics.tsv} repeats {@link #all()} for the scripts that
 * create topics without a JVM; a unit test keeps the two equal.
 */
public final class Topics {

    public static final String CATALOG_MATTERS = "catalog.matters";
    public static final String REGISTRY_ENTITIES = "registry.entities";
    public static final String REGISTRY_INSPECTORS = "registry.inspectors";
    public static final String SAMPLING_PLANS = "sampling.plans";
    public static final String SAMPLING_DRAWS = "sampling.draws";
    public static final String SAMPLING_SELECTIONS = "sampling.selections";
    public static final String ENFORCEMENT_INSPECTIONS = "enforcement.inspections";
    public static final String PUBLICATION_DISCLOSURES = "publication.disclosures";
    /** The feed other agencies consume for joint punishment (联合惩戒). */
    public static final String PUBLICATION_SANCTIONS = "publication.sanctions";

    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private static final int PARTITIONS = 3;

    // Catalog and registry topics carry full state per key so a new consumer can rebuild its read
    // model from offset 0; everything else is a stream of facts.
    private static final List<TopicSpec> ALL = List.of(
            new TopicSpec(CATALOG_MATTERS, PARTITIONS, CleanupPolicy.COMPACT),
            new TopicSpec(REGISTRY_ENTITIES, PARTITIONS, CleanupPolicy.COMPACT),
            new TopicSpec(REGISTRY_INSPECTORS, PARTITIONS, CleanupPolicy.COMPACT),
            new TopicSpec(SAMPLING_PLANS, PARTITIONS, CleanupPolicy.DELETE),
            new TopicSpec(SAMPLING_DRAWS, PARTITIONS, CleanupPolicy.DELETE),
            new TopicSpec(SAMPLING_SELECTIONS, PARTITIONS, CleanupPolicy.DELETE),
            new TopicSpec(ENFORCEMENT_INSPECTIONS, PARTITIONS, CleanupPolicy.DELETE),
            new TopicSpec(PUBLICATION_DISCLOSURES, PARTITIONS, CleanupPolicy.DELETE),
            new TopicSpec(PUBLICATION_SANCTIONS, PARTITIONS, CleanupPolicy.DELETE));

    private Topics() {
    }

    /** The dead-letter topic of {@code topic}, where its poison messages go with the error. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** Every topic of the suite (dead-letter topics excluded), in a stable order. */
    public static List<TopicSpec> all() {
        return ALL;
    }
}
