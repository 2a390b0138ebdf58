package io.suiji.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keycloak's realm on the cluster is the realm the local suite imports (deploy/keycloak/suiji-realm.json). */
class RealmImportTest {

    static final String FILE = "keycloak-realm-import.yaml";

    @Test
    void eachOverlayImportsTheRealmBuiltFromTheRealmFile() throws IOException {
        List<String> stale = new ArrayList<>();
        for (String overlay : Suite.OVERLAYS) {
            ObjectNode expected = overlay.equals("prod") ? RealmImports.prod() : RealmImports.dev();
            Kustomization k = Suite.overlay(overlay);
            Path committed = k.dir().resolve(FILE);
            assertTrue(k.resourcePaths().contains(committed), overlay + ": includes " + FILE);
            List<Manifest> imports = k.objects("KeycloakRealmImport");
            if (imports.size() == 1 && expected.equals(imports.get(0).tree())) {
                Manifest actual = imports.get(0);
                assertTrue(k.objects("Keycloak").stream().anyMatch(m -> m.name().equals(actual.at("/spec/keycloakCRName").asText())),
                        overlay + ": keycloakCRName names the Keycloak resource");
            } else {
                Path file = Suite.ROOT.resolve("deploy-check/target/expected/" + overlay + "/" + FILE);
                Files.createDirectories(file.getParent());
                Files.writeString(file, RealmImports.yaml(expected, overlay));
                stale.add("cp " + Suite.ROOT.relativize(file) + " " + Suite.ROOT.relativize(committed));
            }
        }
        assertEquals(List.of(), stale, "realm imports differ from the realm file");
    }

    @Test
    void prodRealmHasTheRolesAndClientsButNoThrowawayUsersOrSecrets() {
        JsonNode file = RealmImports.realmFile();
        Manifest prod = Suite.overlay("prod").objects("KeycloakRealmImport").get(0);
        JsonNode realm = prod.at("/spec/realm");
        assertEquals(file.at("/roles"), realm.at("/roles"), "realm roles");
        assertEquals(clientIds(file), clientIds(realm), "clients");
        assertFalse(realm.has("users"), "the throwaway users stay out of production");
        String policy = realm.path("passwordPolicy").asText();
        assertFalse(policy.contains("hashIterations") || policy.contains("pbkdf2"), "no weakened hashing in production: " + policy);
        assertTrue(policy.contains("hashAlgorithm(argon2)"), "production hashes with Argon2: " + policy);
        for (JsonNode client : realm.path("clients")) {
            JsonNode secret = client.path("secret");
            if (!secret.isMissingNode()) {
                String placeholder = RealmImports.placeholder(client.get("clientId").asText());
                assertEquals("${" + placeholder + "}", secret.asText(), client.get("clientId") + ": secret from a placeholder");
                assertEquals(RealmImports.CLIENT_SECRETS, prod.at("/spec/placeholders/" + placeholder + "/secret/name").asText());
                assertEquals(client.get("clientId").asText(), prod.at("/spec/placeholders/" + placeholder + "/secret/key").asText());
            }
            String uris = List.of("/redirectUris", "/webOrigins", "/rootUrl", "/baseUrl", "/attributes/post.logout.redirect.uris")
                    .stream().map(p -> client.at(p).toString()).reduce("", String::concat);
            assertFalse(uris.contains("127.0.0.1") || uris.contains("localhost"),
                    client.get("clientId") + ": no loopback redirect in production: " + uris);
        }
    }

    private static List<String> clientIds(JsonNode realm) {
        List<String> ids = new ArrayList<>();
        realm.path("clients").forEach(c -> ids.add(c.get("clientId").asText()));
        return ids;
    }
}
