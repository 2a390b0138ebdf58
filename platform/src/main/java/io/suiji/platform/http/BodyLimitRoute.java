package io.suiji.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.suiji.platform.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a too-large body with 413 problem+json before it is read. Quarkus' own check (the next
 * route) would answer a bare 413 with no body, which clients cannot tell from a proxy's.
 */
@ApplicationScoped
public class BodyLimitRoute {

    // Quarkus' default when a service sets no limit of its own.
    private static final long QUARKUS_DEFAULT = 10_240L * 1024;

    @Inject
    HttpLimitsConfig config;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> uploadLimit;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        BodyLimit limit = new BodyLimit(config.maxBodySize().asLongValue(),
                uploadLimit.map(MemorySize::asLongValue).orElse(QUARKUS_DEFAULT));
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(ctx -> check(ctx, limit));
    }

    private void check(RoutingContext ctx, BodyLimit limit) {
        Optional<Problem> refusal = limit.refusal(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE),
                ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH), ctx.request().path());
        if (refusal.isEmpty()) {
            ctx.next();
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(refusal.get());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The unread body would follow on this connection: close it, as Quarkus does.
        ctx.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(ignored -> ctx.request().connection().close())
                .end(body);
    }
}
