package io.suiji.bench.assignments;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * enforcement-service run from its packaged {@code quarkus-app} jar, as the local suite runs it
 * (same heap), but in an environment of its own: database {@code suiji_enforcement_bench}, consumer
 * group and event source ending in {@code -bench}, and every incoming channel on a {@code bench.}
 * copy of its topic, so that neither the development suite nor the system tests see its records.
 * OIDC is off: the benchmark calls no API, so Keycloak need not run.
 */
final class EnforcementProcess {

    static final String ENVIRONMENT_SUFFIX = "-bench";
    static final String TOPIC_PREFIX = "bench.";
    /** The service's incoming channels (channel name = topic name). */
    static final List<String> CHANNELS = List.of("sampling.selections", "sampling.draws", "catalog.matters",
            "registry.inspectors");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path jar;
    private final Path workDir;
    private final int port;
    private Process process;

    EnforcementProcess(Path jar, Path workDir, int port) {
        this.jar = jar;
        this.workDir = workDir;
        this.port = port;
    }

    /** Starts the service; {@code clean} has Flyway wipe its database first. */
    void start(boolean clean) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package enforcement-service first (bench/run does)");
        }
        Files.createDirectories(workDir);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms64m", "-Xmx384m",
                "-Dquarkus.http.port=" + port,
                "-Dsuiji.db.suffix=_bench",
                "-Dsuiji.kafka.group-suffix=" + ENVIRONMENT_SUFFIX,
                "-Dquarkus.oidc.tenant-enabled=false",
                "-Dsuiji.evidence.directory=" + workDir.resolve("evidence")));
        for (String channel : CHANNELS) {
            String prefix = "-Dmp.messaging.incoming.\"" + channel + "\".";
            command.add(prefix + "topic=" + TOPIC_PREFIX + channel);
            command.add(prefix + "dead-letter-queue.topic=" + TOPIC_PREFIX + channel + ".dlq");
        }
        if (clean) {
            command.add("-Dquarkus.flyway.clean-at-start=true");
            command.add("-Dquarkus.flyway.clean-disabled=false");
        }
        command.addAll(List.of("-jar", jar.toString()));
        process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
    }

    /** Waits for {@code /q/health/ready}; returns the seconds it took. */
    double awaitReady(Duration timeout) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long end = start + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("enforcement-service exited with " + process.exitValue() + "; see " + log());
            }
            if (ready()) {
                return (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("enforcement-service not ready after " + timeout + "; see " + log());
    }

    /** A crash: SIGKILL, no shutdown hooks, no offset commit. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("enforcement-service survived kill -9 for 30 s");
        }
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill9();
            }
        }
    }

    long pid() {
        return process.pid();
    }

    /**
     * The inbox's {@code suiji.inbox.duplicates} counter of {@code consumer} since this process
     * started (Prometheus), if the service has counted any.
     */
    OptionalLong duplicatesSkipped(String consumer) throws IOException, InterruptedException {
        String metrics = get("/q/metrics").body();
        for (String line : metrics.split("\n")) {
            if (line.startsWith("suiji_inbox_duplicates_total{") && line.contains("consumer=\"" + consumer + "\"")) {
                return OptionalLong.of((long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        return OptionalLong.empty();
    }

    Path log() {
        return workDir.resolve("enforcement-service.log");
    }

    private boolean ready() throws InterruptedException {
        try {
            return get("/q/health/ready").statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
