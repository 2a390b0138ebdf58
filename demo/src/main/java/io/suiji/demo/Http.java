package io.suiji.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * JSON over HTTP as the demo needs it: every call carries a bearer token (or none, for the public
 * endpoints), and any answer outside 2xx becomes an {@link ApiException} quoting the service's
 * problem+json, so that a failing step says which call failed and why.
 */
final class Http {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    // HTTP/1.1, not the h2c upgrade: over HTTP/2 every call's bearer token travels Huffman-coded and never
    // indexed (HPACK treats Authorization as sensitive), and decoding it was ~14 % of enforcement-service's
    // CPU in a profile of the inspection step.
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    ObjectMapper json() {
        return json;
    }

    JsonNode get(String url, String token) {
        return parse(send(request(url, token).GET()));
    }

    String text(String url, String token) {
        return send(request(url, token).GET()).body();
    }

    JsonNode post(String url, String token, Object body) {
        return parse(send(request(url, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body)))));
    }

    /** A POST that may take minutes, e.g. a Keycloak partial import: it hashes a password per account. */
    JsonNode postSlow(String url, String token, Object body) {
        return parse(send(request(url, token).timeout(Duration.ofMinutes(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body)))));
    }

    JsonNode put(String url, String token, Object body) {
        return parse(send(request(url, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body)))));
    }

    JsonNode delete(String url, String token) {
        return parse(send(request(url, token).DELETE()));
    }

    /** {@code application/x-www-form-urlencoded}, as Keycloak's token endpoint wants it. */
    JsonNode form(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return parse(send(request(url, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    /** One file as the multipart field {@code field}. */
    JsonNode upload(String url, String token, String field, Path file, String contentType) {
        String boundary = "suiji-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        try {
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                    HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail));
            return parse(send(request(url, token).timeout(Duration.ofMinutes(10))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code url} answers 200 (for polling read models). */
    boolean ok(String url, String token) {
        try {
            return client.send(request(url, token).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", "application/json, */*");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ApiException(request.method(), request.uri().toString(), 0, "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new ApiException(request.method(), request.uri().toString(), response.statusCode(), response.body());
        }
        return response;
    }

    private JsonNode parse(HttpResponse<String> response) {
        String body = response.body();
        try {
            return body == null || body.isBlank() ? json.nullNode() : json.readTree(body);
        } catch (IOException e) {
            throw new ApiException(response.request().method(), response.request().uri().toString(), response.statusCode(),
                    "not JSON: " + body);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A call that did not succeed, with the service's own explanation. */
    static final class ApiException extends RuntimeException {
        final int status;

        ApiException(String method, String url, int status, String body) {
            super(method + " " + url + " -> " + (status == 0 ? "" : "HTTP " + status + " ")
                    + (body == null ? "" : body.length() > 800 ? body.substring(0, 800) + "…" : body));
            this.status = status;
        }
    }
}
