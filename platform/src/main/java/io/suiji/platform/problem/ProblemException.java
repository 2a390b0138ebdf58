package io.suiji.platform.problem;

import java.util.List;

/** Thrown by services to answer with a problem; build it through the factories, which fix the types. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** 422: the request body was well-formed but breaks a rule; names every offending field. */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ProblemException(422, "validation-failed", "Invalid input", detail, errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    /**
     * 400: a query or path parameter that cannot be used (malformed, out of range, too long); names
     * every offending parameter. Bodies that break a rule are {@link #invalid} (422) instead — the
     * one rule of docs/api.md.
     */
    public static ProblemException badParameters(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " parameters are invalid";
        return new ProblemException(400, "invalid-parameter", "Bad request", detail, errors);
    }

    public static ProblemException badParameter(String name, String message) {
        return badParameters(List.of(new Problem.FieldError(name, message)));
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist", List.of());
    }

    /** 409: the request conflicts with the current state (duplicate, wrong lifecycle step). */
    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail, List.of());
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(slug), title, status, getMessage(), instance, errors);
    }

    public int status() {
        return status;
    }
}
