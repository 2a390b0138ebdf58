package io.suiji.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness includes the path to Kafka: DOWN once the relay has failed continuously for longer
 * than {@code suiji.outbox.unhealthy-after} (a short broker restart does not flap it). Writes are
 * still accepted meanwhile — events wait in the outbox — which is the point of the outbox.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final OutboxRelay relay;
    private final OutboxConfig config;

    @Inject
    public OutboxHealthCheck(OutboxRelay relay, OutboxConfig config) {
        this.relay = relay;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("outbox relay").withData("pending", relay.pending())
                .withData("oldestPendingSeconds", relay.oldestPendingSeconds());
        if (!relay.enabled()) {
            return response.withData("relay", "disabled").up().build();
        }
        long since = relay.failingSince();
        if (since == 0) {
            return response.up().build();
        }
        response.withData("failingSince", Instant.ofEpochMilli(since).toString())
                .withData("lastError", String.valueOf(relay.lastError()));
        boolean tooLong = Duration.ofMillis(System.currentTimeMillis() - since).compareTo(config.unhealthyAfter()) > 0;
        return tooLong ? response.down().build() : response.up().build();
    }
}
