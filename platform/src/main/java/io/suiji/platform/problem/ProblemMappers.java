package io.suiji.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into problem+json (DESIGN §7): bad input is a 4xx naming the field, never a
 * 5xx; an unexpected error is a 500 with an error id to quote, never a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper(priority = 1)
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(ProblemException.invalid(errors).toProblem(path(uri)));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            return respond(new Problem(Problem.type("malformed-request"), "Malformed request", 400,
                    "the body is not valid JSON: " + e.getOriginalMessage(), path(uri), List.of()));
        }
        String field = jsonPath(mapping);
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (e instanceof InvalidFormatException invalid) {
            message = "value " + invalid.getValue() + " is not a valid " + describe(invalid.getTargetType());
        } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            message = "expected " + describe(mismatched.getTargetType());
        } else {
            message = e.getOriginalMessage();
        }
        return respond(ProblemException.invalid(field.isEmpty() ? "body" : field, message).toProblem(path(uri)));
    }

    // Quarkus ships mappers for these exact types; a mapper for the nearest type wins, so name them.
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unparsableJson(JsonParseException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.type("forbidden"), "Forbidden", 403,
                "your roles do not allow this operation", path(uri), List.of()));
    }

    @ServerExceptionMapper(priority = 1)
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadableJson(json, uri);
            }
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        String slug = reason.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        return respond(new Problem(Problem.type(slug), reason, status, e.getMessage(), path(uri), List.of()));
    }

    @ServerExceptionMapper(priority = 10)
    public Response unexpected(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", errorId, path(uri));
        return respond(new Problem(Problem.type("internal-error"), "Internal error", 500,
                "an unexpected error occurred; quote error id " + errorId + " to the operators", path(uri), List.of()));
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"suiji\"")
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.type("unauthenticated"), "Unauthenticated", 401,
                        "a valid bearer token is required", path(uri), List.of()))
                .build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    // "create.request.ratio.percent" -> "ratio.percent": clients know the body's fields, not our methods.
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new java.util.ArrayList<>();
        for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, PARAMETER, RETURN_VALUE, CROSS_PARAMETER -> { }
                default -> names.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName());
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return type.getSimpleName() + " (one of " + java.util.Arrays.toString(type.getEnumConstants()) + ")";
        }
        return type.getSimpleName();
    }
}
