package io.suiji.publication.webhook;

import io.suiji.platform.audit.AuditLog;
import io.suiji.platform.problem.Problem;
import io.suiji.platform.problem.ProblemException;
import io.suiji.platform.security.CallerScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Agencies subscribed to sanction pushes (联合惩戒) over webhooks, and the delivery log; admin only. */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "联合惩戒推送", description = "订阅失信惩戒信息的部门（HMAC-SHA256 签名的 webhook）及投递记录")
public class WebhookResource {

    private final CallerScope caller;
    private final Clock clock;
    private final AuditLog audit;

    @Inject
    public WebhookResource(CallerScope caller, Clock clock, AuditLog audit) {
        this.caller = caller;
        this.clock = clock;
        this.audit = audit;
    }

    /** Body of {@code POST /subscriptions}; the secret is never shown again. */
    public record SubscriptionRequest(String agency, String url, String secret) {
    }

    public record SubscriptionView(UUID id, String agency, String url, boolean active, String createdBy,
                                   OffsetDateTime createdAt) {
        static SubscriptionView of(WebhookSubscription s) {
            return new SubscriptionView(s.id, s.agency, s.url, s.active, s.createdBy, s.createdAt);
        }
    }

    public record AttemptView(OffsetDateTime attemptedAt, Integer httpStatus, String error, String receipt) {
    }

    public record DeliveryView(UUID id, UUID subscriptionId, String sanctionId, String status, int attempts,
                               OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt, List<AttemptView> log) {
    }

    @POST
    @Path("subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "新增订阅部门", description = "agency 名称、url（http/https）、secret（≥16 字符，用于 HMAC-SHA256 签名）")
    public Response subscribe(SubscriptionRequest body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body == null || body.agency() == null || body.agency().isBlank() || body.agency().length() > 200) {
            errors.add(new Problem.FieldError("agency", "required, at most 200 characters"));
        }
        if (body == null || !validUrl(body.url())) {
            errors.add(new Problem.FieldError("url", "an absolute http or https URL"));
        }
        if (body == null || body.secret() == null || body.secret().length() < 16 || body.secret().length() > 200) {
            errors.add(new Problem.FieldError("secret", "16–200 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.agency = body.agency().strip();
        s.url = body.url().strip();
        s.secret = body.secret();
        s.active = true;
        s.createdBy = caller.name();
        s.createdAt = OffsetDateTime.now(clock);
        s.persist();
        // The view leaves the secret out: the trail must not keep it.
        audit.append("webhook.subscribed", "webhook-subscription", s.id, null, SubscriptionView.of(s));
        return Response.status(201).entity(SubscriptionView.of(s)).build();
    }

    @GET
    @Path("subscriptions")
    public List<SubscriptionView> subscriptions() {
        return WebhookSubscription.<WebhookSubscription>list("order by createdAt").stream().map(SubscriptionView::of).toList();
    }

    @DELETE
    @Path("subscriptions/{id}")
    @Transactional
    @Operation(summary = "停用订阅（保留投递记录）")
    public SubscriptionView unsubscribe(@PathParam("id") String id) {
        WebhookSubscription s = parse(id) == null ? null : WebhookSubscription.findById(parse(id));
        if (s == null) {
            throw ProblemException.notFound("subscription", id);
        }
        SubscriptionView before = SubscriptionView.of(s);
        s.active = false;
        audit.append("webhook.unsubscribed", "webhook-subscription", s.id, before, SubscriptionView.of(s));
        return SubscriptionView.of(s);
    }

    @GET
    @Path("deliveries")
    @Transactional
    @Operation(summary = "投递记录", description = "sanctionId 可选；每次尝试的状态码与回执")
    public List<DeliveryView> deliveries(@QueryParam("sanctionId") String sanctionId) {
        if (sanctionId != null && sanctionId.length() > 100) {
            throw ProblemException.badParameter("sanctionId", "at most 100 characters");
        }
        List<WebhookDelivery> deliveries = sanctionId == null
                ? WebhookDelivery.<WebhookDelivery>find("order by createdAt desc").page(0, 200).list()
                : WebhookDelivery.list("sanctionId = ?1 order by createdAt", sanctionId);
        return deliveries.stream().map(d -> new DeliveryView(d.id, d.subscriptionId, d.sanctionId, d.status, d.attempts,
                d.nextAttemptAt, d.deliveredAt, WebhookAttempt.<WebhookAttempt>list("deliveryId = ?1 order by id", d.id)
                        .stream().map(a -> new AttemptView(a.attemptedAt, a.httpStatus, a.error, a.receipt)).toList()))
                .toList();
    }

    private static boolean validUrl(String url) {
        if (url == null || url.length() > 2000) {
            return false;
        }
        try {
            URI uri = URI.create(url.strip());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
