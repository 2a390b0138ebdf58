package io.suiji.deploycheck;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** The repository as the checks see it: where things are, and each service's own configuration. */
final class Suite {

    static final Path ROOT = root();
    static final Path K8S = ROOT.resolve("deploy/k8s");
    static final Path BASE = K8S.resolve("base");
    static final List<String> OVERLAYS = List.of("dev", "prod");
    static final Properties PLATFORM = properties(ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));

    private Suite() {
    }

    /** One service as its application.properties and the platform's shared settings describe it. */
    record Service(String name, Properties config) {

        /** {@code suiji.service}, e.g. catalog. */
        String shortName() {
            return config.getProperty("suiji.service");
        }

        int httpPort() {
            return Integer.parseInt(config.getProperty("quarkus.http.port"));
        }

        Path module() {
            return ROOT.resolve(name);
        }

        /** The database of {@code quarkus.datasource.jdbc.url}, outside tests (no suffix). */
        String database() {
            String url = PLATFORM.getProperty("quarkus.datasource.jdbc.url");
            return url.substring(url.lastIndexOf('/') + 1)
                    .replace("${suiji.service}", shortName())
                    .replace("${suiji.db.suffix}", "");
        }

        /** The OIDC client id ({@code quarkus.oidc.client-id}), e.g. catalog-service. */
        String clientId() {
            return PLATFORM.getProperty("quarkus.oidc.client-id").replace("${suiji.service}", shortName());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Every {@code *-service} module of the repository. */
    static List<Service> services() {
        try (var dirs = Files.list(ROOT)) {
            return dirs.filter(d -> d.getFileName().toString().endsWith("-service"))
                    .filter(d -> Files.exists(d.resolve("src/main/resources/application.properties")))
                    .sorted()
                    .map(d -> new Service(d.getFileName().toString(),
                            properties(d.resolve("src/main/resources/application.properties"))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static Kustomization overlay(String name) {
        return Kustomization.at(K8S.resolve("overlays").resolve(name));
    }

    private static Path root() {
        String configured = System.getProperty("suiji.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "deploy/k8s"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/k8s"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no deploy/k8s above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
