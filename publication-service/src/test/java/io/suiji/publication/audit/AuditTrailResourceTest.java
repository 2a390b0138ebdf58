package io.suiji.publication.audit;

import static io.restassured.RestAssured.given;
import static io.suiji.publication.Fixtures.awaitDisclosure;
import static io.suiji.publication.Fixtures.completed;
import static io.suiji.publication.Fixtures.id;
import static io.suiji.publication.Fixtures.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.publication.MutableClock;
import io.suiji.publication.deadline.DeadlineWatch;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Component test of the audit trail (全程留痕) of publication-service on the real PostgreSQL test
 * database: an administrator's writes (caller faked by {@code @TestSecurity}) and a scheduled job's,
 * with inspection events fed through the in-memory connector and a controlled clock.
 */
@QuarkusTest
class AuditTrailResourceTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    @Inject
    MutableClock clock;

    @Inject
    DeadlineWatch watch;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    @TestSecurity(user = "admin-city", roles = "admin", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void subscriptionWritesAreRecordedAgainstTheAdministratorAndARefusedOneIsNot() {
        String id = given().contentType(ContentType.JSON)
                .body("{\"agency\":\"留痕测试局\",\"url\":\"http://127.0.0.1:9/sanctions\",\"secret\":\"0123456789abcdef\"}")
                .post("/api/v1/webhooks/subscriptions").then().statusCode(201).extract().path("id");
        long entries = count();
        given().contentType(ContentType.JSON).body("{\"agency\":\"x\",\"url\":\"ftp://x\",\"secret\":\"short\"}")
                .post("/api/v1/webhooks/subscriptions").then().statusCode(422);
        assertEquals(entries, count(), "a refused subscription leaves no entry");
        given().delete("/api/v1/webhooks/subscriptions/" + id).then().statusCode(200);

        List<Object[]> rows = rows("webhook-subscription", id);
        assertEquals(2, rows.size());
        assertEquals(List.of("admin-city", "admin", "410400", "webhook.subscribed"),
                List.of(rows.get(0)[0], rows.get(0)[1], rows.get(0)[2], rows.get(0)[3]));
        assertNull(rows.get(0)[4]);
        assertEquals("webhook.unsubscribed", rows.get(1)[3]);
        assertEquals(rows.get(0)[5], rows.get(1)[4], "the subscription read back is the subscription recorded");
    }

    @Test
    void aScheduledJobsWarningIsRecordedAgainstTheSystem() {
        String task = id("T");
        send(connector, completed(task, LocalDate.of(2021, 9, 24)));  // due 2021-10-27
        String disclosure = awaitDisclosure(em, task, 0);
        clock.set(LocalDate.of(2021, 11, 30), LocalTime.of(9, 0));
        watch.check();

        List<Object[]> rows = rows("disclosure", disclosure);
        assertEquals(1, rows.size());
        assertEquals(List.of("system:deadline-watch", "", "disclosure.overdue-warned"),
                List.of(rows.get(0)[0], rows.get(0)[1], rows.get(0)[3]));
        assertNull(rows.get(0)[2], "a job has no region");
    }

    private long count() {
        return ((Number) em.createNativeQuery("select count(*) from audit_log").getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String type, String id) {
        return em.createNativeQuery("""
                        select actor, roles, region, action, before_digest, after_digest
                        from audit_log where target_type = ?1 and target_id = ?2 order by sequence""")
                .setParameter(1, type).setParameter(2, id).getResultList();
    }
}
