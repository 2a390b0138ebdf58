package io.suiji.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The kustomizations hold together: what they name exists, and nothing under deploy/k8s is left out. */
class KustomizationTest {

    @Test
    void everyKustomizationNamesExistingFilesAndPatchesExistingObjects() {
        List<String> problems = new ArrayList<>();
        List<Kustomization> all = Kustomization.all(Suite.K8S);
        assertTrue(all.size() >= 3, "base, dev and prod kustomizations: " + all);
        for (Kustomization k : all) {
            for (Path resource : k.resourcePaths()) {
                boolean ok = Files.isRegularFile(resource) || Files.isRegularFile(resource.resolve(Kustomization.FILE));
                if (!ok) {
                    problems.add(k + ": resource " + resource + " does not exist");
                }
            }
            List<Manifest> objects = k.objects();
            for (JsonNode patch : k.spec().path("patches")) {
                if (patch.hasNonNull("path")) {
                    Path file = k.dir().resolve(patch.get("path").asText());
                    if (!Files.isRegularFile(file)) {
                        problems.add(k + ": patch " + file + " does not exist");
                        continue;
                    }
                    for (JsonNode target : Manifest.documents(file)) {
                        String kind = target.path("kind").asText();
                        String name = target.at("/metadata/name").asText();
                        if (objects.stream().noneMatch(o -> o.is(kind) && o.name().equals(name))) {
                            problems.add(k + ": " + file.getFileName() + " patches " + kind + " " + name + ", which is not there");
                        }
                    }
                }
                JsonNode target = patch.path("target");
                if (target.hasNonNull("kind")) {
                    String kind = target.get("kind").asText();
                    String name = target.path("name").asText(null);
                    if (objects.stream().noneMatch(o -> o.is(kind) && (name == null || o.name().equals(name)))) {
                        problems.add(k + ": a patch targets " + kind + (name == null ? "" : " " + name) + ", which is not there");
                    }
                }
            }
            for (String generator : List.of("secretGenerator", "configMapGenerator")) {
                for (JsonNode g : k.spec().path(generator)) {
                    for (JsonNode env : g.path("envs")) {
                        Path file = k.dir().resolve(env.asText());
                        if (!Files.exists(file) && !(Files.exists(k.envFile(env.asText())) && ignoredByGit(file))) {
                            problems.add(k + ": " + g.get("name").asText() + " reads " + file
                                    + ", which exists neither itself nor as a committed .example beside a .gitignore that keeps it out");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyManifestUnderDeployK8sIsPartOfAKustomization() throws IOException {
        Set<Path> used = new HashSet<>();
        for (Kustomization k : Kustomization.all(Suite.K8S)) {
            used.add(k.dir().resolve(Kustomization.FILE));
            used.addAll(k.resourcePaths());
            used.addAll(k.patchPaths());
        }
        List<Path> unused;
        try (var files = Files.walk(Suite.K8S)) {
            unused = files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .map(Path::normalize).filter(f -> !used.contains(f)).sorted().toList();
        }
        assertEquals(List.of(), unused, "manifests no kustomization includes");
    }

    /** Whether a .gitignore in the file's folder keeps files with its extension out (the prod Secrets). */
    private static boolean ignoredByGit(Path file) {
        Path gitignore = file.getParent().resolve(".gitignore");
        if (!Files.exists(gitignore)) {
            return false;
        }
        String name = file.getFileName().toString();
        try {
            return Files.readAllLines(gitignore).stream().map(String::trim)
                    .anyMatch(p -> p.equals(name) || (p.startsWith("*") && name.endsWith(p.substring(1))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
