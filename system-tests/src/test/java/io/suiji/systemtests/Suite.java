package io.suiji.systemtests;

import io.suiji.platform.testing.LocalInfrastructure;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The five services, started once for the whole system-test run (real PostgreSQL, Kafka and
 * Keycloak are brought up before by {@link LocalInfrastructure}) and stopped when the run ends.
 * System-test ports are the DESIGN §8 ports + 10000, so a suite running on the normal ports is
 * not disturbed; databases are the {@code _it} ones.
 */
public final class Suite implements BeforeAllCallback {

    public static final Path ROOT = LocalInfrastructure.repositoryRoot();
    private static final Map<String, ServiceProcess> SERVICES = new LinkedHashMap<>();

    static {
        for (var entry : Map.of("catalog-service", 18081, "registry-service", 18082, "sampling-service", 18083,
                "enforcement-service", 18084, "publication-service", 18085).entrySet()) {
            SERVICES.put(entry.getKey(), new ServiceProcess(entry.getKey(), entry.getValue(), ROOT));
        }
    }

    public static final String KEYCLOAK = "http://127.0.0.1:8180";
    public static final String KAFKA = "127.0.0.1:9092";

    private static boolean started;
    private static Exception startFailure;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (Suite.class) {
            if (started) {
                if (startFailure != null) {
                    throw new IllegalStateException("the suite did not start: " + startFailure.getMessage(), startFailure);
                }
                return;
            }
            started = true;
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .put(Suite.class, (ExtensionContext.Store.CloseableResource) Suite::stopAll);
            try {
                for (ServiceProcess service : SERVICES.values()) {
                    service.start(true);
                }
                for (ServiceProcess service : SERVICES.values()) {
                    service.awaitReady(Duration.ofSeconds(180));
                }
            } catch (Exception e) {
                startFailure = e;
                throw e;
            }
        }
    }

    /** The Maven process running this test JVM: what the infrastructure's watchdog waits on. */
    public static long buildPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(ProcessHandle.current().pid());
    }

    public static ServiceProcess service(String name) {
        return SERVICES.get(name);
    }

    public static ServiceProcess catalog() {
        return SERVICES.get("catalog-service");
    }

    public static ServiceProcess sampling() {
        return SERVICES.get("sampling-service");
    }

    public static List<ServiceProcess> all() {
        return List.copyOf(SERVICES.values());
    }

    /** Runs {@code deploy/local/suite} with the given arguments, failing on a non-zero exit. */
    public static void suiteCommand(String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(List.of("bash", ROOT.resolve("deploy/local/suite").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
    }

    private static void stopAll() {
        for (ServiceProcess service : SERVICES.values()) {
            try {
                service.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
