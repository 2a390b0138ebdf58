package io.suiji.contracts;

/** How a topic is to be created. */
public record TopicSpec(String name, int partitions, CleanupPolicy cleanupPolicy) {
}
