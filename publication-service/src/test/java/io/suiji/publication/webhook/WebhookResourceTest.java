package io.suiji.publication.webhook;

import static io.restassured.RestAssured.given;
import static io.suiji.publication.Fixtures.awaitDisclosure;
import static io.suiji.publication.Fixtures.closed;
import static io.suiji.publication.Fixtures.completed;
import static io.suiji.publication.Fixtures.entity;
import static io.suiji.publication.Fixtures.register;
import static io.suiji.publication.Fixtures.id;
import static io.suiji.publication.Fixtures.send;
import static io.suiji.publication.Fixtures.string;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.contracts.enforcement.InspectionClosed;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.registry.CodeKind;
import io.suiji.publication.MutableClock;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Component test: a sanction reaches a subscribed agency's local receiver, signed, after one retry. */
@QuarkusTest
class WebhookResourceTest {

    private static final String SECRET = "agency-shared-secret-0123456789";

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    @Inject
    MutableClock clock;

    @Inject
    WebhookDeliveries deliveries;

    record Received(String body, String signature, String idempotencyKey) {
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    @TestSecurity(user = "admin-city", roles = {"admin", "publisher"}, attributes = @SecurityAttribute(key = "region", value = "410400"))
    void aSanctionIsDeliveredSignedAndRetriedWithBackoff() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/sanctions", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(body, exchange.getRequestHeaders().getFirst("X-Suiji-Signature"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            byte[] answer = (calls.incrementAndGet() == 1 ? "busy" : "{\"receipt\":\"R-1\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(calls.get() == 1 ? 503 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
        String subscription = null;
        try {
            subscription = given().contentType(ContentType.JSON).body("""
                    {"agency":"平顶山市市场监督管理局","url":"http://127.0.0.1:%d/sanctions","secret":"%s"}"""
                    .formatted(receiver.getAddress().getPort(), SECRET))
                    .post("/api/v1/webhooks/subscriptions").then().statusCode(201).extract().path("id");
            given().contentType(ContentType.JSON).body("{\"agency\":\"x\",\"url\":\"ftp://x\",\"secret\":\"short\"}")
                    .post("/api/v1/webhooks/subscriptions").then().statusCode(422)
                    .body("errors.field", hasItem("url")).body("errors.field", hasItem("secret"));

            String task = id("T");
            String entity = java.util.UUID.randomUUID().toString();
            register(connector, em, entity(entity, CodeKind.USCC, "91410400MA40000005", "平顶山市某劳务有限公司"));
            InspectionClosed fined = closed(task, entity, Outcome.ADMINISTRATIVE_PENALTY, LocalDate.of(2020, 9, 22));
            send(connector, fined);
            send(connector, completed(task, LocalDate.of(2020, 9, 25)));
            String disclosure = awaitDisclosure(em, task, 1);
            clock.set(LocalDate.of(2020, 10, 20), LocalTime.of(10, 0));
            given().post("/api/v1/disclosures/" + disclosure + "/publish").then().statusCode(200);
            String sanctionId = string(em, "select cast(id as text) from sanction_push where inspection_id = ?1", fined.inspectionId());

            deliveries.deliverDue();                                   // 503: retried later
            assertEquals(1, received.size());
            deliveries.deliverDue();                                   // not yet: backing off
            assertEquals(1, received.size());
            clock.set(LocalDate.of(2020, 10, 20), LocalTime.of(10, 1)); // 60 s later, past the 30 s backoff
            deliveries.deliverDue();
            assertEquals(2, received.size());
            deliveries.deliverDue();                                   // delivered: never again
            assertEquals(2, received.size());

            for (Received r : received) {
                assertEquals(WebhookSignature.sign(SECRET, r.body()), r.signature());
                assertEquals(sanctionId, r.idempotencyKey());
                assertTrue(r.body().contains(fined.inspectionId()));
                assertTrue(r.body().contains("\"entityCode\":\"91410400MA40000005\""), r.body());
            }
            given().get("/api/v1/webhooks/deliveries?sanctionId=" + sanctionId).then().statusCode(200)
                    .body("[0].status", equalTo("DELIVERED"))
                    .body("[0].attempts", equalTo(2))
                    .body("[0].log[0].httpStatus", equalTo(503))
                    .body("[0].log[1].httpStatus", equalTo(200))
                    .body("[0].log[1].receipt", equalTo("{\"receipt\":\"R-1\"}"));
        } finally {
            if (subscription != null) {
                given().delete("/api/v1/webhooks/subscriptions/" + subscription).then().statusCode(200);
            }
            receiver.stop(0);
        }
    }

    /** Two replicas polling at once: each due delivery is sent by one of them only. */
    @Test
    void concurrentPollersSendEachDeliveryOnce() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/sanctions", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(300); // a slow agency: both pollers are surely at work at the same time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        receiver.start();
        java.util.UUID subscription = java.util.UUID.randomUUID();
        try {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("""
                        insert into webhook_subscription (id, agency, url, secret, created_by)
                        values (?1, '并发测试机构', ?2, ?3, 'test')""")
                        .setParameter(1, subscription)
                        .setParameter(2, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/sanctions")
                        .setParameter(3, SECRET).executeUpdate();
                for (int i = 0; i < 6; i++) {
                    em.createNativeQuery("""
                            insert into webhook_delivery (id, subscription_id, sanction_id, body, status, next_attempt_at)
                            values (gen_random_uuid(), ?1, ?2, '{}', 'PENDING', now() - interval '1 minute')""")
                            .setParameter(1, subscription).setParameter(2, "concurrent-" + subscription + "-" + i)
                            .executeUpdate();
                }
            });
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            var first = pool.submit(deliveries::deliverDue);
            var second = pool.submit(deliveries::deliverDue);
            int attempted = first.get() + second.get();
            pool.shutdown();

            assertEquals(6, attempted, "every due delivery attempted by one poller or the other");
            assertEquals(6, requests.get(), "and sent once");
            assertEquals(6L, ((Number) em.createNativeQuery("""
                    select count(*) from webhook_delivery where subscription_id = ?1 and status = 'DELIVERED' and attempts = 1""")
                    .setParameter(1, subscription).getSingleResult()).longValue());
        } finally {
            // Other tests' sanctions must not be queued for this receiver.
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update webhook_subscription set active = false where id = ?1").setParameter(1, subscription)
                    .executeUpdate());
            receiver.stop(0);
        }
    }

    @Test
    @TestSecurity(user = "publisher-city", roles = "publisher", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void onlyAdministratorsManageSubscriptions() {
        given().get("/api/v1/webhooks/subscriptions").then().statusCode(403);
    }
}
