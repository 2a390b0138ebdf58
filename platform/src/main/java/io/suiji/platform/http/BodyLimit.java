package io.suiji.platform.http;

import io.suiji.platform.problem.Problem;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How large a request body may be. File uploads ({@code multipart/form-data}: registry and catalogue
 * imports, evidence) may reach the service's upload limit; every other body (JSON) only the much
 * smaller body limit, so that a JSON endpoint of the registry does not accept the gigabyte its
 * imports may have. Decided from the declared {@code Content-Length} before a byte is read.
 *
 * @param maxBody   largest non-multipart body, bytes
 * @param maxUpload largest multipart body, bytes ({@code quarkus.http.limits.max-body-size})
 */
public record BodyLimit(long maxBody, long maxUpload) {

    /** The 413 problem for a body of the declared length, or empty when it may be read. */
    public Optional<Problem> refusal(String contentType, String contentLength, String path) {
        if (contentLength == null) {
            // Chunked: Quarkus itself stops reading at the upload limit.
            return Optional.empty();
        }
        long length;
        try {
            length = Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            return Optional.empty(); // the HTTP layer rejects a malformed Content-Length itself
        }
        boolean upload = contentType != null
                && contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
        long limit = upload ? maxUpload : Math.min(maxBody, maxUpload);
        if (length <= limit) {
            return Optional.empty();
        }
        String message = "at most " + limit + " bytes" + (upload ? "" : " (larger files: a multipart/form-data upload "
                + "where the API offers one)");
        return Optional.of(new Problem(Problem.type("payload-too-large"), "Payload too large", 413,
                "the request body has " + length + " bytes; " + message, path,
                List.of(new Problem.FieldError("body", message))));
    }
}
