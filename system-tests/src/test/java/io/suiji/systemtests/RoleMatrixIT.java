package io.suiji.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #9's role × endpoint matrix, with real Keycloak tokens: every endpoint of every service, as
 * its OpenAPI document lists it, has a row in {@code security/role-matrix.csv}, and every cell —
 * anonymous and one city user per role — answers as the row says. The public site's pages and the
 * supervision page are JAX-RS resources too, so their OpenAPI entries keep them in the table; only
 * Quarkus's own {@code /q/*} endpoints (health, metrics, OpenAPI, Swagger UI) are left out: they
 * are infrastructure, not API, and the documents do not list them. A user without any Suiji role
 * ({@code nobody}) is checked on every row as well: 403 where anonymous gets 401, else the same.
 *
 * <p>Requests change nothing: path ids are fresh random UUIDs (an allowed caller gets 404), a JSON
 * body is an array where every endpoint expects an object (an allowed caller gets 400 before any
 * effect), and a multipart body lacks the {@code file} part (422). That keeps the run harmless to
 * the other system tests — among the endpoints are a read-model rebuild and the calendar loader.
 */
@ExtendWith(Suite.class)
class RoleMatrixIT {

    static final String MATRIX = "/security/role-matrix.csv";

    /** Who calls for each role column: the city (410400) user of that role. */
    static final Map<String, String> CALLERS = callers();
    /** The realm's user with a valid token and a region but no Suiji role. */
    static final String NO_ROLE = "nobody";

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    record Row(String service, String method, String path, Map<String, String> expected) {

        String endpoint() {
            return service + " " + method + " " + path;
        }
    }

    private static Map<String, String> callers() {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        for (String role : List.of("planner", "registrar", "publisher", "supervisor", "auditor")) {
            callers.put(role, role + "-city");
        }
        callers.put("inspector", "inspector-city-1");
        callers.put("admin", "admin");
        return callers;
    }

    @Test
    void everyEndpointHasARowAndEveryRowAnEndpoint() throws Exception {
        List<Row> rows = matrix();
        Set<String> listed = new TreeSet<>();
        for (Row row : rows) {
            assertTrue(listed.add(row.endpoint()), "listed twice in " + MATRIX + ": " + row.endpoint());
        }
        Set<String> served = new TreeSet<>();
        for (ServiceProcess service : Suite.all()) {
            served.addAll(openApiEndpoints(service).keySet());
        }
        Set<String> withoutRow = new TreeSet<>(served);
        withoutRow.removeAll(listed);
        Set<String> withoutEndpoint = new TreeSet<>(listed);
        withoutEndpoint.removeAll(served);
        assertEquals("", describe("endpoints without a row in " + MATRIX, withoutRow)
                + describe("rows of " + MATRIX + " without an endpoint", withoutEndpoint));
    }

    @Test
    void everyCallerGetsTheStatusItsRowSays() throws Exception {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        for (ServiceProcess service : Suite.all()) {
            operations.putAll(openApiEndpoints(service));
        }
        Map<String, String> tokens = new LinkedHashMap<>();
        CALLERS.forEach((role, user) -> tokens.put(role, user == null ? null : Tokens.of(user)));
        tokens.put(NO_ROLE, Tokens.of(NO_ROLE));

        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Row row : matrix()) {
            String url = Suite.service(row.service()).url() + concrete(row.path());
            Map<String, String> cellsOfRow = new LinkedHashMap<>(row.expected());
            String anonymous = row.expected().get("anonymous");
            cellsOfRow.put(NO_ROLE, "401".equals(anonymous) ? "403" : anonymous);
            for (var cell : cellsOfRow.entrySet()) {
                HttpResponse<String> response = send(row.method(), url, operations.get(row.endpoint()),
                        tokens.get(cell.getKey()));
                cells++;
                if (!matches(cell.getValue(), response.statusCode())) {
                    wrong.add("%s as %s: expected %s, got %d %s".formatted(row.method() + " " + url, cell.getKey(),
                            cell.getValue(), response.statusCode(), abbreviated(response.body())));
                }
            }
        }
        assertEquals("", describe(wrong.size() + " of " + cells + " cells differ", wrong));
    }

    /** {@code ok}: authorised — neither 401 nor 403, and no server error; else the exact status. */
    static boolean matches(String expected, int status) {
        if (status >= 500) {
            return false;
        }
        return "ok".equals(expected) ? status != 401 && status != 403 : Integer.parseInt(expected) == status;
    }

    static List<Row> matrix() throws IOException {
        List<String> lines;
        try (InputStream in = RoleMatrixIT.class.getResourceAsStream(MATRIX)) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
        List<String> header = Arrays.asList(lines.get(0).split(","));
        assertEquals(List.of("service", "method", "path"), header.subList(0, 3), MATRIX + " header");
        assertEquals(CALLERS.keySet(), new java.util.LinkedHashSet<>(header.subList(3, header.size())),
                MATRIX + ": one column per caller");
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertEquals(header.size(), cells.length, MATRIX + ": " + line);
            Map<String, String> expected = new LinkedHashMap<>();
            for (int i = 3; i < cells.length; i++) {
                assertTrue(cells[i].matches("ok|\\d{3}"), MATRIX + ": cell '" + cells[i] + "' in " + line);
                expected.put(header.get(i), cells[i]);
            }
            assertTrue(Suite.service(cells[0]) != null, MATRIX + ": unknown service in " + line);
            rows.add(new Row(cells[0], cells[1], cells[2], expected));
        }
        return rows;
    }

    /** "service METHOD /path" → the OpenAPI operation, without Quarkus's own {@code /q/*} paths. */
    static Map<String, JsonNode> openApiEndpoints(ServiceProcess service) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(service.url() + "/q/openapi?format=json")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), service.name() + " OpenAPI document");
        Map<String, JsonNode> endpoints = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> paths = JSON.readTree(response.body()).path("paths").fields();
        while (paths.hasNext()) {
            var path = paths.next();
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            path.getValue().fields().forEachRemaining(operation -> {
                if (METHODS.contains(operation.getKey())) {
                    endpoints.put(service.name() + " " + operation.getKey().toUpperCase() + " " + path.getKey(),
                            operation.getValue());
                }
            });
        }
        return endpoints;
    }

    /** Fills the path's parameters with values that name nothing that exists. */
    static String concrete(String template) {
        Matcher parameter = PATH_PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String value = switch (parameter.group(1)) {
                case "code" -> "IT-NO-SUCH-MATTER";
                case "version", "ordinal" -> "1";
                case "year" -> "1901";
                case "kind" -> "ENTITIES";
                default -> UUID.randomUUID().toString();
            };
            parameter.appendReplacement(path, value);
        }
        return parameter.appendTail(path).toString();
    }

    private static HttpResponse<String> send(String method, String url, JsonNode operation, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        JsonNode content = operation == null ? null : operation.path("requestBody").path("content");
        if (content != null && content.has("multipart/form-data")) {
            String boundary = "suiji-role-matrix";
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary);
            request.method(method, HttpRequest.BodyPublishers.ofString("--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"not-the-file\"\r\n\r\nx\r\n--" + boundary + "--\r\n"));
        } else if (content != null && content.has("application/json")) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString("[]"));
        } else if (content != null && content.fieldNames().hasNext()) {
            request.header("Content-Type", content.fieldNames().next());
            request.method(method, HttpRequest.BodyPublishers.ofString(""));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviated(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }

    private static String describe(String what, java.util.Collection<String> items) {
        return items.isEmpty() ? "" : what + ":\n  " + String.join("\n  ", items) + "\n";
    }
}
