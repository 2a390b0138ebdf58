package io.suiji.systemtests;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the local Keycloak, through the direct-access grant of the local-only
 * {@code suiji-cli} client; every local user's throwaway password is its user name.
 */
public final class Tokens {

    private record Token(String value, long fetchedAt) {
    }

    private static final Map<String, Token> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** A token for {@code user}, reused for up to three minutes (tokens live fifteen). */
    public static String of(String user) {
        return CACHE.compute(user, (name, cached) -> cached != null
                && System.currentTimeMillis() - cached.fetchedAt() < 180_000
                ? cached : new Token(fetch(name), System.currentTimeMillis())).value();
    }

    private static String fetch(String user) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "suiji-cli")
                .formParam("username", user)
                .formParam("password", user)
                .post(Suite.KEYCLOAK + "/realms/suiji/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
