package io.suiji.publication.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Webhook delivery of sanction pushes. */
@ConfigMapping(prefix = "suiji.publication.webhooks")
public interface WebhookConfig {

    /** Attempts before a delivery is given up (FAILED, kept in the log). */
    @WithDefault("8")
    int maxAttempts();

    /** Wait after the first failure; doubles after each further one. */
    @WithDefault("PT30S")
    Duration backoffBase();

    @WithDefault("PT6H")
    Duration backoffCap();

    @WithDefault("PT10S")
    Duration timeout();

    /** How often pending deliveries are looked at (a scheduler expression such as {@code 5s}). */
    @WithDefault("5s")
    String pollEvery();
}
