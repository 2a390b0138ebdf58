package io.suiji.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The payload of an event on one of the suite's topics. Implementations are immutable records;
 * {@link EventTypes} maps each one to its CloudEvents type and topic.
 */
public interface SuijiEvent {

    /**
     * The Kafka record key and CloudEvents {@code ce_subject}: the id of the aggregate the event is
     * about. Events with the same key stay in one partition, in order; on compacted topics the
     * last event per key is the current state.
     */
    @JsonIgnore
    String aggregateId();
}
