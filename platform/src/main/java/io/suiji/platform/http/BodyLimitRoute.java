package io.suiji.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.suiji.platform.problem.Problem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a too-large body with 413 problem+json: a declared length before the body is read, a
 * chunked JSON body as soon as it passes the limit. Quarkus' own checks (the next route, and the
 * REST layer's input stream for chunked bodies) would answer a bare 413 with no body, which clients
 * cannot tell from a proxy's — and would let a chunked JSON body reach the upload limit.
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
        HttpServerRequest request = ctx.request();
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        String contentLength = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        Optional<Problem> refusal = limit.refusal(contentType, contentLength, request.path());
        if (refusal.isPresent()) {
            refuse(ctx, refusal.get());
            return;
        }
        OptionalLong counted = limit.limitWhileReading(contentType, contentLength,
                request.getHeader(HttpHeaders.TRANSFER_ENCODING));
        if (counted.isPresent() && !request.isEnded()) {
            readCounting(ctx, limit, counted.getAsLong());
            return;
        }
        ctx.next();
    }

    /*
     * Reads the chunked body here, as Vert.x' BodyHandler would, and hands it on as the routing
     * context's body, which the REST layer reads instead of the request. At most the body limit
     * (1 MiB) is held per request.
     */
    private void readCounting(RoutingContext ctx, BodyLimit limit, long max) {
        HttpServerRequest request = ctx.request();
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > max) {
                refused[0] = true;
                refuse(ctx, limit.tooLargeWhileReading(max, request.path()));
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(ended -> {
            if (!refused[0]) {
                ctx.setBody(body);
                ctx.next();
            }
        });
        request.exceptionHandler(ctx::fail);
        request.resume();
    }

    private void refuse(RoutingContext ctx, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
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
