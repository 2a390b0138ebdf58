package io.suiji.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A kustomization as far as the checks need it: the objects of its resources (bases included,
 * patches not applied) and the Secrets and ConfigMaps its generators make, with their keys.
 */
record Kustomization(Path dir, JsonNode spec) {

    static final String FILE = "kustomization.yaml";

    static Kustomization at(Path dir) {
        List<JsonNode> documents = Manifest.documents(dir.resolve(FILE));
        if (documents.size() != 1) {
            throw new AssertionError(dir.resolve(FILE) + ": expected one document");
        }
        return new Kustomization(dir, documents.get(0));
    }

    /** The kustomizations under {@code root}, in a stable order. */
    static List<Kustomization> all(Path root) {
        try (var files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().equals(FILE)).sorted()
                    .map(f -> at(f.getParent())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> list(String field) {
        List<String> values = new ArrayList<>();
        spec.path(field).forEach(v -> values.add(v.asText()));
        return values;
    }

    /** Resource entries resolved against this directory. */
    List<Path> resourcePaths() {
        return list("resources").stream().map(r -> dir.resolve(r).normalize()).toList();
    }

    /** Patch files (entries with a path) resolved against this directory. */
    List<Path> patchPaths() {
        List<Path> paths = new ArrayList<>();
        spec.path("patches").forEach(p -> {
            if (p.hasNonNull("path")) {
                paths.add(dir.resolve(p.get("path").asText()).normalize());
            }
        });
        return paths;
    }

    /** The objects of this kustomization's resources, recursively through bases. */
    List<Manifest> objects() {
        List<Manifest> objects = new ArrayList<>();
        for (Path resource : resourcePaths()) {
            if (Files.isDirectory(resource)) {
                objects.addAll(at(resource).objects());
            } else {
                objects.addAll(Manifest.read(resource));
            }
        }
        return objects;
    }

    List<Manifest> objects(String kind) {
        return objects().stream().filter(m -> m.is(kind)).toList();
    }

    /** Secrets (or ConfigMaps) by name with their keys: declared objects and generated ones, bases included. */
    Map<String, Set<String>> available(String kind) {
        Map<String, Set<String>> available = new LinkedHashMap<>();
        for (Manifest m : objects(kind)) {
            Set<String> keys = new LinkedHashSet<>();
            m.at("/data").fieldNames().forEachRemaining(keys::add);
            m.at("/stringData").fieldNames().forEachRemaining(keys::add);
            available.put(m.name(), keys);
        }
        if (kind.equals("Secret")) {
            available.putAll(operatorSecrets());
        }
        String generator = kind.equals("Secret") ? "secretGenerator" : "configMapGenerator";
        for (Kustomization k : withBases()) {
            k.spec.path(generator).forEach(g -> available.put(g.get("name").asText(), k.generatedKeys(g)));
        }
        return available;
    }

    /**
     * Secrets the operators write for the resources here, with the keys they document: Strimzi's User
     * Operator one per SCRAM {@code KafkaUser} (its name), its Cluster Operator the cluster CA certificate.
     */
    Map<String, Set<String>> operatorSecrets() {
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        for (Manifest user : objects("KafkaUser")) {
            if (user.at("/spec/authentication/type").asText().startsWith("scram-sha-")) {
                secrets.put(user.name(), Set.of("password", "sasl.jaas.config"));
            }
        }
        for (Manifest kafka : objects("Kafka")) {
            secrets.put(kafka.name() + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
        }
        return secrets;
    }

    /** This kustomization and every kustomization it includes as a resource. */
    List<Kustomization> withBases() {
        List<Kustomization> all = new ArrayList<>();
        all.add(this);
        for (Path resource : resourcePaths()) {
            if (Files.isDirectory(resource)) {
                all.addAll(at(resource).withBases());
            }
        }
        return all;
    }

    /**
     * The keys of a generator: from its literals, and from its env files — or, for a file kept out of
     * the repository, from the committed {@code <file>.example} that lists the keys without values.
     */
    Set<String> generatedKeys(JsonNode generator) {
        Set<String> keys = new LinkedHashSet<>();
        generator.path("literals").forEach(l -> keys.add(l.asText().split("=", 2)[0]));
        generator.path("envs").forEach(e -> {
            Path file = envFile(e.asText());
            try {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        keys.add(line.split("=", 2)[0].trim());
                    }
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        return keys;
    }

    /** The env file itself when present, else its committed example. */
    Path envFile(String entry) {
        Path file = dir.resolve(entry);
        return Files.exists(file) ? file : dir.resolve(entry + ".example");
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
