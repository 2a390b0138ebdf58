package io.suiji.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the outbox relay; the defaults suit one machine. */
@ConfigMapping(prefix = "suiji.outbox")
public interface OutboxConfig {

    /** Whether this instance relays at all (component tests that do not need Kafka turn it off). */
    @WithDefault("true")
    boolean enabled();

    /** Rows claimed per transaction. */
    @WithDefault("1000")
    int batchSize();

    /** How long the relay sleeps when it found nothing and nobody woke it. */
    @WithDefault("PT0.5S")
    Duration pollInterval();

    /** Upper bound of the back-off after a failed batch (broker or database unreachable). */
    @WithDefault("PT10S")
    Duration maxBackoff();

    /** How long the relay may fail continuously before readiness reports DOWN. */
    @WithDefault("PT30S")
    Duration unhealthyAfter();

    /** Published rows are kept this long for audit and replay, then deleted. */
    @WithDefault("P7D")
    Duration retention();

    /** The CloudEvents {@code ce_source} of this service, e.g. {@code urn:suiji:catalog-service}. */
    String source();
}
