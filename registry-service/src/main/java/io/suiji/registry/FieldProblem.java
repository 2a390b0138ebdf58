package io.suiji.registry;

/** One invalid field of a request (its JSON name) or of an import row (its column), and why. */
public record FieldProblem(String field, String message) {
}
