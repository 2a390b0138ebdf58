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
     * Keycloak admin would when the registry is loaded: new accounts in one partial import, accounts
     * linked to another registry id updated, as the master realm's local bootstrap admin; returns how
     * many accounts were created or re-linked.
     */
    int provisionInspectors(List<InspectorAccount> accounts, String prefix) {
        String admin = http.form(base + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .path("access_token").asText();
        // Accounts already linked to the same registry id are kept; an account linked to another id (the
        // registry was rebuilt) is re-linked in place: an overwriting import would delete and re-create it,
        // which costs Keycloak several times as much as an update.
        Map<String, JsonNode> existing = new java.util.HashMap<>();
        for (JsonNode user : http.get(base + "/admin/realms/suiji/users?search=" + prefix + "&max=100000&briefRepresentation=false", admin)) {
            existing.put(user.path("username").asText(), user);
        }
        List<Map<String, Object>> created = new ArrayList<>();
        int relinked = 0;
        for (InspectorAccount a : accounts) {
            JsonNode user = existing.get(a.username());
            if (user == null) {
                Map<String, Object> account = new java.util.LinkedHashMap<>(profile(a));
                account.put("username", a.username());
                account.put("credentials", List.of(Map.of("type", "password", "value", a.username(), "temporary", false)));
                account.put("realmRoles", List.of("default-roles-suiji", "inspector"));
                created.add(account);
            } else if (!a.inspectorId().equals(user.path("attributes").path("inspector_id").path(0).asText())) {
                http.put(base + "/admin/realms/suiji/users/" + user.path("id").asText(), admin, profile(a));
                tokens.remove(a.username());
                relinked++;
            }
        }
        if (!created.isEmpty()) {
            http.postSlow(base + "/admin/realms/suiji/partialImport", admin, Map.of("ifResourceExists", "OVERWRITE", "users", created));
        }
        return created.size() + relinked;
    }

    /** What the account says of the inspector; the user name, password and roles are set once, at creation. */
    private static Map<String, Object> profile(InspectorAccount a) {
        return Map.of(
                "enabled", true,
                "emailVerified", true,
                "firstName", a.name(),
                "lastName", "执法检查人员",
                "email", a.username() + "@example.com",
                "attributes", Map.of("region", List.of(a.region()), "department", List.of(a.department()),
                        "inspector_id", List.of(a.inspectorId())));
    }

    /** An inspector's account: user name from the 执法证号, linked to the registry id. */
    record InspectorAccount(String username, String inspectorId, String name, String region, String department) {
    }
}
