package io.suiji.contracts;

/** Kafka {@code cleanup.policy} of a topic. */
public enum CleanupPolicy {
    /** The topic carries full state per key; the latest record per key is kept forever. */
    COMPACT,
    /** The topic carries facts; old segments expire by retention. */
    DELETE;

    /** The value of the topic config {@code cleanup.policy}. */
    public String kafkaValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses {@link #kafkaValue()}. */
    public static CleanupPolicy ofKafkaValue(String value) {
        for (CleanupPolicy policy : values()) {
            if (policy.kafkaValue().equals(value)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("unknown cleanup.policy: " + value);
    }
}
