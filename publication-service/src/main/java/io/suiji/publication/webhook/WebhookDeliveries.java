package io.suiji.publication.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.publication.SanctionPushed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Delivers sanction pushes to subscribed agencies: queued in the publishing transaction, sent by a
 * scheduled job outside any transaction, signed (HMAC-SHA256), with the sanction id as idempotency
 * key, retried with exponential backoff, every attempt logged.
 */
@ApplicationScoped
public class WebhookDeliveries {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class);
    private static final int MAX_RECEIPT = 2000;
    /** Beyond the HTTP timeout: how long a claimed delivery stays with the instance attempting it. */
    private static final Duration LEASE_MARGIN = Duration.ofMinutes(1);

    private final WebhookConfig config;
    private final Clock clock;
    private final EntityManager em;
    private final HttpClient http;

    @Inject
    public WebhookDeliveries(WebhookConfig config, Clock clock, EntityManager em) {
        this.config = config;
        this.clock = clock;
        this.em = em;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Queues the sanction for every active subscription, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(SanctionPushed sanction) {
        String body;
        try {
            body = EventJson.mapper().writeValueAsString(sanction);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("sanction " + sanction.sanctionId() + " cannot be serialised", e);
        }
        List<WebhookSubscription> subscriptions = WebhookSubscription.list("active", true);
        for (WebhookSubscription subscription : subscriptions) {
            WebhookDelivery delivery = new WebhookDelivery();
            delivery.id = UUID.randomUUID();
            delivery.subscriptionId = subscription.id;
            delivery.sanctionId = sanction.sanctionId();
            delivery.body = body;
            delivery.status = WebhookDelivery.PENDING;
            delivery.nextAttemptAt = OffsetDateTime.now(clock);
            delivery.createdAt = OffsetDateTime.now(clock);
            delivery.persist();
        }
    }

    @Scheduled(every = "${suiji.publication.webhooks.poll-every:5s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        deliverDue();
    }

    /** Attempts every pending delivery whose time has come; returns how many were attempted. */
    public int deliverDue() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(this::claimDue);
        due.forEach(this::attempt);
        return due.size();
    }

    /**
     * Claims up to a page of due deliveries for this instance: rows another instance is claiming are
     * skipped, and the claimed ones are leased (their next attempt moved past the time an attempt can
     * take), so that several replicas never send the same delivery at once. The attempt's outcome
     * replaces the lease; if this instance dies mid-attempt, the lease runs out and another retries it
     * (the receiver de-duplicates by the Idempotency-Key).
     */
    @SuppressWarnings("unchecked")
    private List<UUID> claimDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<UUID> due = em.createNativeQuery("""
                        select id from webhook_delivery where status = 'PENDING' and next_attempt_at <= ?1
                        order by next_attempt_at limit 100 for update skip locked""", UUID.class)
                .setParameter(1, now).getResultList();
        if (!due.isEmpty()) {
            em.createNativeQuery("update webhook_delivery set next_attempt_at = ?1 where id = any(?2)")
                    .setParameter(1, now.plus(config.timeout()).plus(LEASE_MARGIN))
                    .setParameter(2, due.toArray(UUID[]::new))
                    .executeUpdate();
        }
        return due;
    }

    private void attempt(UUID deliveryId) {
        record Target(String url, String secret, String body, String sanctionId) {
        }
        Target target = QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery d = WebhookDelivery.findById(deliveryId);
            WebhookSubscription s = WebhookSubscription.findById(d.subscriptionId);
            return new Target(s.url, s.secret, d.body, d.sanctionId);
        });
        Integer status = null;
        String error = null;
        String receipt = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(target.url()))
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header(WebhookSignature.HEADER, WebhookSignature.sign(target.secret(), target.body()))
                    .header(WebhookSignature.IDEMPOTENCY_KEY, target.sanctionId())
                    .header("X-Suiji-Delivery", deliveryId.toString())
                    .POST(HttpRequest.BodyPublishers.ofString(target.body()))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            receipt = truncate(response.body());
        } catch (java.io.IOException | IllegalArgumentException e) {
            error = truncate(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        boolean delivered = status != null && status >= 200 && status < 300;
        Integer httpStatus = status;
        String failure = error;
        String answer = receipt;
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookDelivery d = WebhookDelivery.findById(deliveryId);
            OffsetDateTime now = OffsetDateTime.now(clock);
            WebhookAttempt attempt = new WebhookAttempt();
            attempt.deliveryId = deliveryId;
            attempt.attemptedAt = now;
            attempt.httpStatus = httpStatus;
            attempt.error = failure;
            attempt.receipt = answer;
            attempt.persist();
            d.attempts++;
            if (delivered) {
                d.status = WebhookDelivery.DELIVERED;
                d.deliveredAt = now;
            } else if (d.attempts >= config.maxAttempts()) {
                d.status = WebhookDelivery.FAILED;
                LOG.warnf("webhook delivery %s of sanction %s failed for good after %d attempts", deliveryId,
                        d.sanctionId, d.attempts);
            } else {
                d.nextAttemptAt = now.plus(WebhookSignature.backoff(d.attempts, config.backoffBase(), config.backoffCap()));
            }
        });
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_RECEIPT ? text : text.substring(0, MAX_RECEIPT);
    }
}
