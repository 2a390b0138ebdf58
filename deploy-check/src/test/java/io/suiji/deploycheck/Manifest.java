package io.suiji.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One Kubernetes object read from a manifest: the fabric8 model object (typed for the built-in kinds,
 * {@link GenericKubernetesResource} for the operators' resources) and its JSON tree for field access.
 */
record Manifest(HasMetadata object, JsonNode tree, Path file) {

    static final ObjectMapper YAML = new YAMLMapper();
    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();

    /** Every document of a (multi-document) YAML file, each parsed as a Kubernetes object. */
    static List<Manifest> read(Path file) {
        List<Manifest> manifests = new ArrayList<>();
        for (JsonNode document : documents(file)) {
            if (!document.hasNonNull("kind") || !document.hasNonNull("apiVersion")) {
                throw new AssertionError(file + ": a document without apiVersion and kind");
            }
            HasMetadata object = KUBERNETES.unmarshal(document.toString(), HasMetadata.class);
            manifests.add(new Manifest(object, document, file));
        }
        return manifests;
    }

    /** The non-empty YAML documents of a file, as trees. */
    static List<JsonNode> documents(Path file) {
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            List<JsonNode> documents = new ArrayList<>();
            var values = YAML.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    String kind() {
        return object.getKind();
    }

    String name() {
        return object.getMetadata().getName();
    }

    boolean is(String kind) {
        return kind().equals(kind);
    }

    <T> T as(Class<T> type) {
        return type.cast(object);
    }

    /** A field of the tree by path; a missing node when absent. */
    JsonNode at(String pointer) {
        return tree.at(pointer);
    }

    @Override
    public String toString() {
        return kind() + " " + name() + " (" + file.getFileName() + ")";
    }
}
