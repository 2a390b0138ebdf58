package io.suiji.contracts;

/**
 * CloudEvents 1.0 Kafka binary-mode header names (the JSON payload is the record value), and the
 * {@code ce_source} of each service.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    /** Always the Kafka key, i.e. {@link SuijiEvent#aggregateId()}. */
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String APPLICATION_JSON = "application/json";

    /** {@code ce_source} format; the argument is the service name, e.g. {@code catalog}. */
    public static final String SOURCE_FORMAT = "urn:suiji:%s-service";

    private CloudEventHeaders() {
    }

    /** {@code urn:suiji:<service>-service}, e.g. {@code urn:suiji:catalog-service}. */
    public static String source(String service) {
        return String.format(SOURCE_FORMAT, service);
    }
}
