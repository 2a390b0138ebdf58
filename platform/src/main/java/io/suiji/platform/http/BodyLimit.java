package io.suiji.platform.http;

import io.suiji.platform.problem.Problem;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How large a request body may be. File uploads ({@code multipart/form-data}: registry and catalogue
 * imports, evidence) may reach the service's upload limit; every other body (JSON) only the much
 * smaller body limit, so that a JSON endpoint of the registry does not accept the gigabyte its
 * imports may have. Decided from the declared {@code Content-Length} before a byte is read, or, for a
 * chunked body, by counting its bytes as they arrive.
 *
 * @param maxBody   largest non-multipart body, bytes
 * @param maxUpload largest multipart body, bytes ({@code quarkus.http.limits.max-body-size})
 */
public record BodyLimit(long maxBody, long maxUpload) {

    /** The 413 problem for a body of the declared length, or empty when it may be read. */
    public Optional<Problem> refusal(String contentType, String contentLength, String path) {
        if (contentLength == null) {
            return Optional.empty(); // chunked: see limitWhileReading
        }
        long length;
        try {
            length = Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            return Optional.empty(); // the HTTP layer rejects a malformed Content-Length itself
        }
        boolean upload = isUpload(contentType);
        long limit = limitFor(upload);
        if (length <= limit) {
            return Optional.empty();
        }
        return Optional.of(tooLarge("the request body has " + length + " bytes", limit, upload, path));
    }

    /**
     * The limit to count a chunked body (no declared length) against while it is read, when it is not
     * an upload. Empty otherwise: a declared length is judged before reading ({@link #refusal}), and a
     * chunked upload is cut off by Quarkus itself at the upload limit.
     */
    public OptionalLong limitWhileReading(String contentType, String contentLength, String transferEncoding) {
        boolean chunked = transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked");
        if (contentLength != null || !chunked || isUpload(contentType)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(limitFor(false));
    }

    /** The 413 problem for a chunked body that grew past {@code limit} bytes while it was read. */
    public Problem tooLargeWhileReading(long limit, String path) {
        return tooLarge("the chunked request body has more than " + limit + " bytes", limit, false, path);
    }

    private long limitFor(boolean upload) {
        return upload ? maxUpload : Math.min(maxBody, maxUpload);
    }

    private static boolean isUpload(String contentType) {
        return contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    private static Problem tooLarge(String what, long limit, boolean upload, String path) {
        String message = "at most " + limit + " bytes" + (upload ? "" : " (larger files: a multipart/form-data upload "
                + "where the API offers one)");
        return new Problem(Problem.type("payload-too-large"), "Payload too large", 413, what + "; " + message, path,
                List.of(new Problem.FieldError("body", message)));
    }
}
