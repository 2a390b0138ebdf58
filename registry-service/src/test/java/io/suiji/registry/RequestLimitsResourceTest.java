package io.suiji.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue #9's bounds on what a caller may send the registry: search texts of at most 100 characters
 * (400 naming the parameter), JSON bodies of at most 1 MiB (413) whether their length is declared or
 * they come chunked, while imports — multipart uploads — keep their large limit. Real test database;
 * the caller comes from {@code @TestSecurity} (it applies to the raw socket requests too).
 */
@QuarkusTest
@TestSecurity(user = "registrar-city", roles = "registrar", attributes = @SecurityAttribute(key = "region", value = "410400"))
class RequestLimitsResourceTest {

    private static final int ONE_MIB = 1024 * 1024;
    private static final int CHUNK = 8 * 1024;

    @Test
    void aSearchTextOverOneHundredCharactersIs400NamingTheParameter() {
        given().queryParam("q", "某".repeat(100)).get("/api/v1/entities").then().statusCode(200);
        given().queryParam("q", "某".repeat(101)).get("/api/v1/entities").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:invalid-parameter"))
                .body("errors[0].field", equalTo("q"));
        given().queryParam("department", "科".repeat(101)).get("/api/v1/inspectors").then()
                .statusCode(400).body("errors[0].field", equalTo("department"));
    }

    @Test
    void aJsonBodyOverOneMebibyteIs413ProblemJson() {
        String body = "{\"name\":\"" + "x".repeat(ONE_MIB) + "\"}";
        given().contentType(ContentType.JSON).body(body).post("/api/v1/entities").then()
                .statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:payload-too-large"))
                .body("errors.field", hasItem("body"));
    }

    @Test
    void aChunkedJsonBodyOverOneMebibyteIs413ProblemJsonThoughTheUploadLimitIsAGibibyte() throws IOException {
        String body = "{\"name\":\"" + "x".repeat(ONE_MIB) + "\"}";
        RawAnswer answer = postChunked("/api/v1/entities", body);
        assertEquals(413, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.headers().get("content-type"));
        JsonPath problem = JsonPath.from(answer.body());
        assertEquals("urn:suiji:problem:payload-too-large", problem.getString("type"));
        assertEquals(List.of("body"), problem.getList("errors.field"));
    }

    @Test
    void aChunkedJsonBodyWithinTheLimitIsReadWhole() throws IOException {
        String code = Fixtures.uscc();
        // Padded past one chunk and the REST layer's 10 KiB input buffer: JSON allows the whitespace.
        String body = Fixtures.entityJson(code, "分块传输测试企业", "410402", "企业") + " ".repeat(200_000);
        RawAnswer answer = postChunked("/api/v1/entities", body);
        assertEquals(201, answer.status(), answer.body());
        given().get("/api/v1/entities/" + JsonPath.from(answer.body()).getString("id")).then().statusCode(200)
                .body("code", equalTo(code)).body("name", equalTo("分块传输测试企业"));
    }

    @Test
    void anImportFileOfSeveralMebibytesIsStillReadAndJudgedOnItsContent() {
        byte[] file = ("代码,单位,类型\n" + "x,y,z\n".repeat(2 * ONE_MIB / 6)).getBytes(StandardCharsets.UTF_8);
        given().multiPart("file", "e.csv", file, "text/csv").post("/api/v1/imports").then()
                .statusCode(422).body("type", equalTo("urn:suiji:problem:wrong-headers"));
    }

    /**
     * POSTs {@code body} as HTTP/1.1 chunks of 8 KiB with no Content-Length, as a streaming client does
     * (RestAssured always declares the length), and returns the answer read to the end.
     */
    private static RawAnswer postChunked(String path, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            try {
                for (int at = 0; at < bytes.length; at += CHUNK) {
                    int n = Math.min(CHUNK, bytes.length - at);
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(bytes, at, n);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (SocketException closedEarly) {
                // The service answered and closed before the whole body was sent: its answer is still there to read.
            }
            return RawAnswer.parse(socket.getInputStream().readAllBytes());
        }
    }

    private record RawAnswer(int status, Map<String, String> headers, String body) {

        static RawAnswer parse(byte[] raw) {
            int headEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
            String[] head = new String(raw, 0, headEnd, StandardCharsets.US_ASCII).split("\r\n");
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).strip());
            }
            byte[] rest = Arrays.copyOfRange(raw, headEnd + 4, raw.length);
            byte[] body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? dechunk(rest) : rest;
            return new RawAnswer(Integer.parseInt(head[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] dechunk(byte[] chunked) {
            var body = new ByteArrayOutputStream();
            byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
            int at = 0;
            while (true) {
                int lineEnd = indexOf(chunked, crlf, at);
                int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).strip(), 16);
                if (size == 0) {
                    return body.toByteArray();
                }
                body.write(chunked, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
        }

        private static int indexOf(byte[] bytes, byte[] part, int from) {
            for (int i = from; i <= bytes.length - part.length; i++) {
                if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                    return i;
                }
            }
            throw new IllegalStateException("not an HTTP answer: " + new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
