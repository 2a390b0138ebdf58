package io.suiji.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Suiji service run from its built {@code quarkus-app} jar, as in production, on its own
 * system-test port and {@code _it} database. Tests can stop it gracefully or {@code kill -9} it.
 */
public final class ServiceProcess {

    /** The system tests' environment on a shared broker: consumer groups and ce_source end with it. */
    static final String ENVIRONMENT_SUFFIX = "-it";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path jar;
    private final Path log;
    private final List<String> extraProperties = new ArrayList<>();
    // Where this run's output begins: the log file is appended to from one run to the next.
    private long logStart = -1;
    private Process process;

    ServiceProcess(String name, int port, Path root) {
        this.name = name;
        this.port = port;
        this.jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        this.log = root.resolve("system-tests/target/services").resolve(name + ".log");
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Adds a {@code -Dkey=value} for the next starts (e.g. to widen a commit interval). */
    public ServiceProcess with(String key, String value) {
        extraProperties.add("-D" + key + "=" + value);
        return this;
    }

    /** Starts the service; {@code clean} wipes its {@code _it} database first (first start only). */
    public void start(boolean clean) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw -B verify does)");
        }
        Files.createDirectories(log.getParent());
        if (logStart < 0) {
            logStart = Files.exists(log) ? Files.size(log) : 0;
        }
        List<String> command = new ArrayList<>(List.of(
                javaExecutable(), "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
                "-Dquarkus.http.port=" + port,
                "-Dsuiji.db.suffix=_it",
                "-Dsuiji.kafka.group-suffix=" + ENVIRONMENT_SUFFIX));
        if (clean) {
            command.add("-Dquarkus.flyway.clean-at-start=true");
            command.add("-Dquarkus.flyway.clean-disabled=false");
        }
        command.addAll(extraProperties);
        command.addAll(List.of("-jar", jar.toString()));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** Waits for {@code /q/health/ready} to answer 200; on timeout, fails with the log's tail. */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            if (ready()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + tail());
    }

    public boolean ready() {
        try {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Simulates a crash: SIGKILL, no shutdown hooks, no offset commits. */
    public void kill9() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Everything the service wrote to its log since this test run first started it. */
    public String logOfThisRun() throws IOException {
        if (logStart < 0 || !Files.exists(log)) {
            return "";
        }
        try (var in = Files.newInputStream(log)) {
            in.skipNBytes(logStart);
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
