package io.suiji.platform.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Brings up the real local infrastructure a module's tests need, once per test JVM, through the
 * project's own {@code deploy/local/suite infra up}. Which components: the {@code suiji.infra}
 * system property (comma-separated, e.g. {@code postgres} for component tests,
 * {@code postgres,kafka,keycloak} for system tests; {@code none} to skip).
 *
 * <p>Whatever this starts is tied to the build's Maven process ({@code --watch-pid}): it stays up
 * for the next module's tests and is stopped when the build ends, even if the build fails.
 * Whatever was already running is used and left alone.
 */
public class LocalInfrastructure implements LauncherSessionListener {

    private static boolean done;

    @Override
    public synchronized void launcherSessionOpened(LauncherSession session) {
        if (done) {
            return;
        }
        done = true;
        String components = System.getProperty("suiji.infra", "postgres");
        if (components.isBlank() || components.equals("none")) {
            return;
        }
        Path suite = repositoryRoot().resolve("deploy/local/suite");
        List<String> command = new ArrayList<>(List.of("bash", suite.toString(), "infra", "up"));
        command.addAll(List.of(components.split(",")));
        long buildPid = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(ProcessHandle.current().pid());
        command.addAll(List.of("--watch-pid", String.valueOf(buildPid)));
        run(command);
    }

    /** The repository root: {@code suiji.root} as set by the build, else found upwards from here. */
    public static Path repositoryRoot() {
        String configured = System.getProperty("suiji.root");
        if (configured != null && Files.exists(Path.of(configured, "deploy/local/suite"))) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("deploy/local/suite"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find deploy/local/suite above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("failed (exit " + process.exitValue() + "): " + String.join(" ", command)
                        + " — the tests need this infrastructure; see the output above");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }
}
