package io.suiji.contracts;

/**
 * One event of the contract.
 *
 * @param type    CloudEvents {@code ce_type}, {@code io.suiji.<service>.<EventName>.v<N>}
 * @param topic   where it is published
 * @param service the producing service: catalog, registry, sampling, enforcement or publication
 * @param payload the record carried as the JSON body
 */
public record EventType(String type, String topic, String service, Class<? extends SuijiEvent> payload) {

    /** The producer's CloudEvents {@code ce_source}. */
    public String source() {
        return CloudEventHeaders.source(service);
    }

    /** Classpath location of the payload's JSON Schema. */
    public String schemaResource() {
        return "schemas/" + type + ".json";
    }
}
