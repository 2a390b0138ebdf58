package io.suiji.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The overlays' {@code KeycloakRealmImport}s, built from the realm file the local suite imports
 * ({@code deploy/keycloak/suiji-realm.json}): dev embeds it exactly; prod leaves out the throwaway
 * users, takes every confidential client's secret from Secret {@value #CLIENT_SECRETS} and sends
 * browsers back to the public site instead of loopback addresses.
 */
final class RealmImports {

    static final Path REALM_FILE = Suite.ROOT.resolve("deploy/keycloak/suiji-realm.json");
    static final String CLIENT_SECRETS = "suiji-oidc-clients";
    static final String KEYCLOAK = "suiji-keycloak";
    static final String PRODUCTION_PASSWORD_POLICY = "hashAlgorithm(argon2) and length(12) and notUsername";

    /** The public site's origin in the prod overlay (ingress-hosts.yaml). */
    static final String PUBLIC_ORIGIN = "https://www.suiji.example";
    private static final String[] LOOPBACK = {"http://127.0.0.1", "http://localhost"};

    private RealmImports() {
    }

    static JsonNode realmFile() {
        try {
            return new ObjectMapper().readTree(REALM_FILE.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode dev() {
        return realmImport(realmFile().deepCopy(), null);
    }

    static ObjectNode prod() {
        ObjectNode realm = realmFile().deepCopy();
        realm.remove("users");
        realm.put("sslRequired", "external");
        // The local realm's cheap hashing is for tests and the demo; production keeps Keycloak's default
        // (Argon2) and asks for long passwords that are not the user name.
        realm.put("passwordPolicy", PRODUCTION_PASSWORD_POLICY);
        ((ObjectNode) realm.path("attributes")).put("_comment", "Production realm, built from "
                + "deploy/keycloak/suiji-realm.json by deploy-check: no users (the bureau's accounts are created or "
                + "federated in Keycloak), confidential clients' secrets from Secret " + CLIENT_SECRETS + ".");
        ObjectNode placeholders = JsonNodeFactory.instance.objectNode();
        for (JsonNode node : realm.path("clients")) {
            ObjectNode client = (ObjectNode) node;
            String clientId = client.get("clientId").asText();
            if (client.hasNonNull("secret")) {
                String placeholder = placeholder(clientId);
                client.put("secret", "${" + placeholder + "}");
                placeholders.putObject(placeholder).putObject("secret").put("name", CLIENT_SECRETS).put("key", clientId);
            }
            if (client.path("directAccessGrantsEnabled").asBoolean(false)) {
                // The password grant serves local tests and the demo only.
                client.put("directAccessGrantsEnabled", false);
            }
            if (client.has("redirectUris")) {
                client.set("redirectUris", publicUris((ArrayNode) client.get("redirectUris")));
            }
            JsonNode logout = client.path("attributes").path("post.logout.redirect.uris");
            if (logout.isTextual()) {
                Set<String> uris = Arrays.stream(logout.asText().split("##")).map(RealmImports::publicUri)
                        .collect(Collectors.toCollection(LinkedHashSet::new));
                ((ObjectNode) client.get("attributes")).put("post.logout.redirect.uris", String.join("##", uris));
            }
        }
        return realmImport(realm, placeholders);
    }

    /** The placeholder of a client's secret, e.g. CATALOG_SERVICE_SECRET. */
    static String placeholder(String clientId) {
        return clientId.toUpperCase(Locale.ROOT).replace('-', '_') + "_SECRET";
    }

    private static ArrayNode publicUris(ArrayNode uris) {
        ArrayNode mapped = JsonNodeFactory.instance.arrayNode();
        Set<String> seen = new LinkedHashSet<>();
        uris.forEach(u -> seen.add(publicUri(u.asText())));
        seen.forEach(mapped::add);
        return mapped;
    }

    private static String publicUri(String uri) {
        for (String loopback : LOOPBACK) {
            if (uri.startsWith(loopback)) {
                return PUBLIC_ORIGIN + uri.substring(loopback.length());
            }
        }
        return uri;
    }

    private static ObjectNode realmImport(JsonNode realm, ObjectNode placeholders) {
        ObjectNode resource = JsonNodeFactory.instance.objectNode();
        resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        resource.put("kind", "KeycloakRealmImport");
        resource.putObject("metadata").put("name", realm.get("realm").asText());
        ObjectNode spec = resource.putObject("spec");
        spec.set("keycloakCRName", TextNode.valueOf(KEYCLOAK));
        if (placeholders != null) {
            spec.set("placeholders", placeholders);
        }
        spec.set("realm", realm);
        return resource;
    }

    /** The YAML to commit, with a header that says where it comes from. */
    static String yaml(ObjectNode resource, String overlay) {
        try {
            String body = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS).build().writeValueAsString(resource);
            return "# GENERATED from deploy/keycloak/suiji-realm.json (" + overlay + "); deploy-check fails while it differs\n"
                    + "# (RealmImportTest writes the expected file to deploy-check/target/expected/). Edit the realm file.\n"
                    + body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
