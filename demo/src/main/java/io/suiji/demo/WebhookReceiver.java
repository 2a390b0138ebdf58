package io.suiji.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiving agency on this machine (e.g. the market regulator's 国家企业信用信息公示系统 feed):
 * accepts sanction pushes whose {@code X-Suiji-Signature} is right, counts each sanction once by
 * its {@code Idempotency-Key}, and counts repeats and bad signatures separately.
 */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final String secret;
    private final Map<String, Integer> deliveries = new ConcurrentHashMap<>();
    private final AtomicInteger badSignatures = new AtomicInteger();

    WebhookReceiver(String secret) throws IOException {
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sanctions", this::receive);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sanctions";
    }

    /** Distinct sanctions received with a valid signature. */
    int sanctions() {
        return deliveries.size();
    }

    /** Deliveries of a sanction already received (retries are allowed; the key makes them harmless). */
    int repeats() {
        return deliveries.values().stream().mapToInt(n -> n - 1).sum();
    }

    int badSignatures() {
        return badSignatures.get();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("X-Suiji-Signature");
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (signature == null || key == null || !MessageDigest.isEqual(
                    signature.getBytes(StandardCharsets.UTF_8), sign(body).getBytes(StandardCharsets.UTF_8))) {
                badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            deliveries.merge(key, 1, Integer::sum);
            byte[] answer = "{\"received\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
