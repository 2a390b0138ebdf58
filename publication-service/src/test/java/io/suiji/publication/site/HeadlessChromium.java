package io.suiji.publication.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real browser for tests: Debian's {@code chromium}, headless, driven over the DevTools protocol
 * (a WebSocket, JDK client only). Installs the package when it is absent and the tests run as root
 * with apt; otherwise fails saying how to install it.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on ws://127\\.0\\.0\\.1:(\\d+)/");

    private final Process process;
    private final WebSocket page;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, WebSocket page) {
        this.process = process;
        this.page = page;
    }

    static HeadlessChromium start(Path profile) throws Exception {
        String binary = binary();
        Files.createDirectories(profile);
        Process process = new ProcessBuilder(binary, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--remote-debugging-port=0", "--user-data-dir=" + profile,
                "--window-size=1280,1400", "about:blank").redirectErrorStream(true).start();
        int port = devToolsPort(process);
        HttpClient http = HttpClient.newHttpClient();
        JsonNode target = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/new?about:blank"))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body());
        CompletableFuture<HeadlessChromium> self = new CompletableFuture<>();
        Listener listener = new Listener(self);
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(target.path("webSocketDebuggerUrl").asText()), listener)
                .get(30, TimeUnit.SECONDS);
        HeadlessChromium browser = new HeadlessChromium(process, socket);
        self.complete(browser);
        browser.call("Page.enable", JSON.createObjectNode());
        return browser;
    }

    /** Opens {@code url} and waits until the document has loaded. */
    void open(String url) throws Exception {
        ObjectNode params = JSON.createObjectNode().put("url", url);
        call("Page.navigate", params);
        awaitPage(url.replaceAll("^https?://[^/]+", "").replaceAll("\\?.*$", ""));
    }

    /** Runs a script in the page and returns its value. */
    JsonNode evaluate(String script) throws Exception {
        ObjectNode params = JSON.createObjectNode().put("expression", script).put("returnByValue", true);
        return call("Runtime.evaluate", params).path("result").path("value");
    }

    /** Waits until the page at {@code path} (a prefix) has loaded, after a click or a form submission. */
    void awaitPage(String path) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            JsonNode state = evaluate("location.pathname + ' ' + document.readyState");
            String[] parts = state.asText().split(" ");
            if (parts.length == 2 && parts[0].startsWith(path) && parts[1].equals("complete")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the browser did not reach " + path + " (at " + evaluate("location.href").asText() + ")");
    }

    String html() throws Exception {
        return evaluate("document.documentElement.outerHTML").asText();
    }

    void screenshot(Path file) throws Exception {
        JsonNode shot = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    private JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        page.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
        JsonNode answer = reply.get(30, TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IllegalStateException(method + ": " + answer.get("error"));
        }
        return answer.path("result");
    }

    @Override
    public void close() {
        page.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int devToolsPort(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String line;
        while (System.nanoTime() < end && (line = out.readLine()) != null) {
            Matcher m = DEVTOOLS.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "chromium-output");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
            seen.append(line).append('\n');
        }
        process.destroyForcibly();
        throw new IllegalStateException("chromium did not open its DevTools port:\n" + seen);
    }

    /** The chromium binary, installed from Debian's package if absent and possible. */
    static String binary() throws Exception {
        boolean apt = "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/apt-get"));
        if (apt && !Files.isDirectory(Path.of("/usr/share/fonts/truetype/wqy"))) {
            // A Chinese font, so that the screenshots show characters rather than empty boxes.
            run("apt-get", "install", "-y", "-qq", "fonts-wqy-microhei");
        }
        for (String candidate : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        if (apt) {
            if (run("apt-get", "install", "-y", "-qq", "chromium") != 0) {
                run("apt-get", "update", "-qq");
                run("apt-get", "install", "-y", "-qq", "chromium");
            }
            if (Files.isExecutable(Path.of("/usr/bin/chromium"))) {
                return "/usr/bin/chromium";
            }
        }
        throw new IllegalStateException("the browser test needs Debian's chromium package: sudo apt-get install chromium");
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    /** Routes DevTools replies to their callers; events (no id) are ignored. */
    private static final class Listener implements WebSocket.Listener {

        private final CompletableFuture<HeadlessChromium> browser;
        private final StringBuilder partial = new StringBuilder();

        Listener(CompletableFuture<HeadlessChromium> browser) {
            this.browser = browser;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode message = JSON.readTree(text);
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> reply = browser.join().pending.remove(message.get("id").asInt());
                        if (reply != null) {
                            reply.complete(message);
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("unreadable DevTools message: " + text, e);
                }
            }
            socket.request(1);
            return null;
        }
    }
}
