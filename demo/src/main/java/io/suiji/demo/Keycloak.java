package io.suiji.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real tokens from the local realm {@code suiji}, and accounts for the registry's inspectors.
 *
 * <p>Passwords are the local development realm's throwaway convention (password = user name,
 * deploy/keycloak/README.md): this class is for the local suite and its tests only.
 */
final class Keycloak {

    private record Token(String value, long expiresAtMillis) {
    }

    private final Http http;
    private final String base;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    Keycloak(Http http, String base) {
        this.http = http;
        this.base = base;
    }

    /** A valid access token of {@code username} (password grant on the CLI client), reused until near expiry. */
    String token(String username) {
        Token t = tokens.get(username);
        if (t == null || t.expiresAtMillis() < System.currentTimeMillis() + 20_000) {
            long now = System.currentTimeMillis();
            JsonNode answer = http.form(base + "/realms/suiji/protocol/openid-connect/token", Map.of(
                    "grant_type", "password", "client_id", "suiji-cli", "username", username, "password", username));
            t = new Token(answer.path("access_token").asText(), now + answer.path("expires_in").asLong(60) * 1000);
            tokens.put(username, t);
        }
        return t.value();
    }

    /**
     * Creates or replaces the accounts of inspectors, each linked to its registry id through the
     * {@code inspector_id} attribute, with the realm role {@code inspector} — as a bureau's
     * Keycloak admin would when the registry is loaded. One partial import, as the master realm's
     * local bootstrap admin; returns how many accounts were created or re-linked.
     */
    int provisionInspectors(List<InspectorAccount> accounts, String prefix) {
        String admin = http.form(base + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .path("access_token").asText();
        // Accounts already linked to the same registry id are kept: hashing a password costs Keycloak
        // about half a second, and a second run of the demo finds them all in place.
        Map<String, String> linked = new java.util.HashMap<>();
        for (JsonNode user : http.get(base + "/admin/realms/suiji/users?search=" + prefix + "&max=100000&briefRepresentation=false", admin)) {
            linked.put(user.path("username").asText(), user.path("attributes").path("inspector_id").path(0).asText());
        }
        List<Map<String, Object>> users = new ArrayList<>();
        for (InspectorAccount a : accounts) {
            if (a.inspectorId().equals(linked.get(a.username()))) {
                continue;
            }
            users.add(Map.of(
                    "username", a.username(),
                    "enabled", true,
                    "emailVerified", true,
                    "firstName", a.name(),
                    "lastName", "执法检查人员",
                    "email", a.username() + "@example.com",
                    "attributes", Map.of("region", List.of(a.region()), "department", List.of(a.department()),
                            "inspector_id", List.of(a.inspectorId())),
                    "credentials", List.of(Map.of("type", "password", "value", a.username(), "temporary", false)),
                    "realmRoles", List.of("default-roles-suiji", "inspector")));
        }
        if (!users.isEmpty()) {
            http.postSlow(base + "/admin/realms/suiji/partialImport", admin, Map.of("ifResourceExists", "OVERWRITE", "users", users));
            accounts.forEach(a -> tokens.remove(a.username()));
        }
        return users.size();
    }

    /** An inspector's account: user name from the 执法证号, linked to the registry id. */
    record InspectorAccount(String username, String inspectorId, String name, String region, String department) {
    }
}
