package io.suiji.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The supervision dashboard page behind a real browser login: a client that keeps cookies and
 * follows redirects, as a browser does, is sent to the realm's Keycloak login form, signs in as
 * the city's supervisor and comes back to the page with its region's figures.
 */
@ExtendWith(Suite.class)
class SupervisionLoginIT {

    /**
     * Cookies as a browser keeps them for 127.0.0.1: Keycloak marks its login cookies Secure, and
     * browsers treat the loopback address as a secure context, while the JDK's manager would only
     * send them over https.
     */
    private static final class LoopbackCookies extends CookieHandler {

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            return cookies.get(asSecure(uri), headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            cookies.put(asSecure(uri), headers);
        }

        private static URI asSecure(URI uri) {
            try {
                return "127.0.0.1".equals(uri.getHost())
                        ? new URI("https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null)
                        : uri;
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(uri.toString(), e);
            }
        }
    }

    private static final Pattern FORM = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    @Test
    void aSupervisorSignsInAtKeycloakAndSeesTheDashboardPage() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new LoopbackCookies())
                .followRedirects(HttpClient.Redirect.ALWAYS).build();
        String page = Suite.service("publication-service").url() + "/supervision/dashboard?year=2020";

        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(page)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(login.uri().toString().startsWith(Suite.KEYCLOAK + "/realms/suiji/"), "sent to Keycloak: " + login.uri());
        Matcher form = FORM.matcher(login.body());
        assertTrue(form.find(), "Keycloak's login form");

        String credentials = "username=supervisor-city&password=" + URLEncoder.encode("supervisor-city", StandardCharsets.UTF_8);
        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(form.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(credentials)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, back.statusCode(), back.body());
        assertEquals(page, back.uri().toString(), "back on the page asked for");
        assertTrue(back.body().contains("考核督查：2020 年度"), back.body());
        assertTrue(back.body().contains("supervisor-city（410400）"), "the region claim came through the login");

        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(Suite.service("publication-service").url() + "/api/v1/dashboard?year=2020")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, api.statusCode(), "the JSON API still wants a bearer token, not a login page");
    }
}
