package io.suiji.publication.disclosure;

import static io.restassured.RestAssured.given;
import static io.suiji.publication.Fixtures.await;
import static io.suiji.publication.Fixtures.awaitDisclosure;
import static io.suiji.publication.Fixtures.closed;
import static io.suiji.publication.Fixtures.completed;
import static io.suiji.publication.Fixtures.entity;
import static io.suiji.publication.Fixtures.register;
import static io.suiji.publication.Fixtures.count;
import static io.suiji.publication.Fixtures.id;
import static io.suiji.publication.Fixtures.record;
import static io.suiji.publication.Fixtures.send;
import static io.suiji.publication.Fixtures.string;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.contracts.enforcement.InspectionClosed;
import io.suiji.contracts.enforcement.TaskCompleted;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.registry.CodeKind;
import io.suiji.contracts.testing.EventSchemas;
import io.suiji.publication.Fixtures;
import io.suiji.publication.MutableClock;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Component test: disclosures on the real test database, {@code enforcement.inspections} on the
 * in-memory connector, the service clock under the test's control.
 */
@QuarkusTest
@TestSecurity(user = "publisher-city", roles = "publisher", attributes = @SecurityAttribute(key = "region", value = "410400"))
class DisclosureResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry meters;

    @Inject
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private double duplicates() {
        var counter = meters.find("suiji.inbox.duplicates").tag("consumer", DisclosureProjection.CONSUMER).counter();
        return counter == null ? 0 : counter.count();
    }

    private String item(String disclosureId, String inspectionId) {
        return string(em, "select cast(id as text) from result_item where inspection_id = ?1", inspectionId);
    }

    @Test
    void taskCompletedOpensADisclosureDueTwentyWorkingDaysLaterEvenWhenDeliveredTwice() {
        String task = id("T");
        InspectionClosed early = closed(task, id("E"), Outcome.NO_PROBLEM, LocalDate.of(2020, 9, 20));
        var completion = record(UUID.randomUUID().toString(), completed(task, LocalDate.of(2020, 9, 25)));
        var earlyRecord = record(early);
        double before = duplicates();

        connector.source(Fixtures.INSPECTIONS).send(earlyRecord);          // a result before the completion
        connector.source(Fixtures.INSPECTIONS).send(completion);
        connector.source(Fixtures.INSPECTIONS).send(completion);           // redelivered
        connector.source(Fixtures.INSPECTIONS).send(earlyRecord);          // redelivered
        send(connector, closed(task, id("E"), Outcome.CORRECTED, LocalDate.of(2020, 9, 24))); // and one after
        String disclosure = awaitDisclosure(em, task, 2);
        await("two duplicates counted", () -> duplicates() >= before + 2);

        given().get("/api/v1/disclosures/" + disclosure).then().statusCode(200)
                .body("disclosure.taskId", equalTo(task))
                .body("disclosure.completedOn", equalTo("2020-09-25"))
                .body("disclosure.dueDate", equalTo("2020-10-29"))
                .body("disclosure.dueProvisional", equalTo(false))
                .body("disclosure.status", equalTo("OPEN"))
                .body("items", hasSize(2))
                .body("items.outcomeLabel", hasItem("未发现问题"));
        given().get("/api/v1/disclosures?status=OPEN").then().statusCode(200).body("id", hasItem(disclosure));
        assertEquals(1, count(em, "select count(*) from disclosure where task_id = ?1", task));
        assertEquals(before + 2, duplicates());
    }

    @Test
    void theSameTaskIdInAnotherYearsPlanGetsItsOwnDisclosureWithOnlyItsOwnResults() {
        String task = id("T");
        InspectionClosed first = closed(task, id("E"), Outcome.NO_PROBLEM, LocalDate.of(2020, 9, 20));
        send(connector, first);
        send(connector, completed(task, LocalDate.of(2020, 9, 25)));
        String disclosure2020 = awaitDisclosure(em, task, 1);
        InspectionClosed c = closed(task, id("E"), Outcome.CORRECTED, LocalDate.of(2021, 9, 20));
        InspectionClosed next = new InspectionClosed(c.inspectionId(), c.assignmentId(), "D-2021-" + task, c.caseId(),
                c.taskId(), c.batch(), c.entityId(), c.entityRegion(), c.matterCode(), c.outcome(), c.penalty(),
                c.inspectorIds(), c.startedOn(), c.closedOn(), c.department());
        send(connector, next);
        TaskCompleted done = completed(task, LocalDate.of(2021, 9, 24));
        send(connector, new TaskCompleted(task, 1, "D-2021-" + task, done.region(), done.department(), 1, done.completedOn()));
        Fixtures.await("the 2021 disclosure", () -> Fixtures.count(em,
                "select count(*) from disclosure where task_id = ?1", task) == 2);
        String disclosure2021 = Fixtures.string(em, "select cast(id as text) from disclosure where draw_id = ?1", "D-2021-" + task);

        given().get("/api/v1/disclosures/" + disclosure2020).then().statusCode(200)
                .body("items.inspectionId", equalTo(java.util.List.of(first.inspectionId())));
        given().get("/api/v1/disclosures/" + disclosure2021).then().statusCode(200)
                .body("disclosure.completedOn", equalTo("2021-09-24"))
                .body("items.inspectionId", equalTo(java.util.List.of(next.inspectionId())));
        given().contentType(ContentType.JSON).body("{\"exempt\":true,\"legalGround\":\"条例第十四条\"}")
                .put("/api/v1/disclosures/" + disclosure2021 + "/items/" + item(disclosure2020, first.inspectionId()) + "/exemption")
                .then().statusCode(404);
    }

    @Test
    void anExemptionNeedsItsLegalGround() {
        String task = id("T");
        InspectionClosed result = closed(task, id("E"), Outcome.NO_PROBLEM, LocalDate.of(2020, 9, 20));
        send(connector, result);
        send(connector, completed(task, LocalDate.of(2020, 9, 25)));
        String disclosure = awaitDisclosure(em, task, 1);
        String item = item(disclosure, result.inspectionId());

        given().contentType(ContentType.JSON).body("{\"exempt\":true}")
                .put("/api/v1/disclosures/" + disclosure + "/items/" + item + "/exemption")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", hasItem("legalGround"));
        given().contentType(ContentType.JSON).body("{\"exempt\":true,\"legalGround\":\"   \"}")
                .put("/api/v1/disclosures/" + disclosure + "/items/" + item + "/exemption")
                .then().statusCode(422).contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body("{\"exempt\":true,\"legalGround\":\"《中华人民共和国政府信息公开条例》第十五条\"}")
                .put("/api/v1/disclosures/" + disclosure + "/items/" + item + "/exemption")
                .then().statusCode(200)
                .body("exempt", equalTo(true))
                .body("exemptionGround", containsString("第十五条"))
                .body("exemptedBy", equalTo("publisher-city"));
        given().contentType(ContentType.JSON).body("{\"exempt\":true,\"legalGround\":\"x\"}")
                .put("/api/v1/disclosures/" + disclosure + "/items/" + UUID.randomUUID() + "/exemption")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void publishingEmitsTheResultAndOneSanctionPushPerSanctionedItemAndOnlyOnce() {
        String task = id("T");
        LocalDate on = LocalDate.of(2020, 9, 22);
        InspectionClosed clean = closed(task, id("E"), Outcome.NO_PROBLEM, on);
        String company = UUID.randomUUID().toString();
        String person = UUID.randomUUID().toString();
        register(connector, em, entity(company, CodeKind.USCC, "91410400MA40000001", "平顶山市某建筑有限公司"));
        register(connector, em, entity(person, CodeKind.RESIDENT_ID_HASH, "hmac:0f3a", "欧阳娜娜"));
        InspectionClosed fined = closed(task, company, Outcome.ADMINISTRATIVE_PENALTY, on);
        InspectionClosed dishonest = closed(task, person, Outcome.SERIOUS_DISHONESTY_LISTED, on);
        InspectionClosed listedButExempt = closed(task, id("E"), Outcome.ABNORMAL_OPERATION_LISTED, on);
        for (InspectionClosed c : new InspectionClosed[] {clean, fined, dishonest, listedButExempt}) {
            send(connector, c);
        }
        send(connector, completed(task, LocalDate.of(2020, 9, 25)));
        String disclosure = awaitDisclosure(em, task, 4);
        given().contentType(ContentType.JSON).body("{\"exempt\":true,\"legalGround\":\"涉及国家秘密\"}")
                .put("/api/v1/disclosures/" + disclosure + "/items/" + item(disclosure, listedButExempt.inspectionId()) + "/exemption")
                .then().statusCode(200);

        clock.set(LocalDate.of(2020, 10, 29), LocalTime.of(17, 30)); // the due date itself: on time
        given().post("/api/v1/disclosures/" + disclosure + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("onTime", equalTo(true))
                .body("itemCount", equalTo(3))
                .body("exemptCount", equalTo(1));

        assertEquals(1, count(em, "select count(*) from outbox_event where aggregate_id = ?1 and event_type = ?2",
                disclosure, "io.suiji.publication.ResultPublished.v1"));
        assertEquals("true|3|1|2020-10-29", string(em, """
                select concat_ws('|', payload->>'onTime', payload->>'itemCount', payload->>'exemptCount', payload->>'dueDate')
                from outbox_event where aggregate_id = ?1 and event_type = 'io.suiji.publication.ResultPublished.v1'""",
                disclosure));
        String sanctions = """
                select count(*) from outbox_event where event_type = 'io.suiji.publication.SanctionPushed.v1'
                and payload->>'inspectionId' = ?1 and payload->>'kind' = ?2""";
        assertEquals(1, count(em, sanctions, fined.inspectionId(), "ADMINISTRATIVE_PENALTY"));
        assertEquals(1, count(em, sanctions, dishonest.inspectionId(), "SERIOUS_DISHONESTY_LIST"));
        assertEquals("5000.00", string(em, """
                select payload->>'amount' from outbox_event where event_type = 'io.suiji.publication.SanctionPushed.v1'
                and payload->>'inspectionId' = ?1""", fined.inspectionId()));
        assertEquals(0, count(em, "select count(*) from outbox_event where payload->>'inspectionId' in (?1, ?2)",
                clean.inspectionId(), listedButExempt.inspectionId()));
        // Other agencies match on the code; a person goes out as the keyed hash with the name masked.
        String pushed = """
                select concat_ws('|', payload->>'entityCode', payload->>'entityName') from outbox_event
                where event_type = 'io.suiji.publication.SanctionPushed.v1' and payload->>'inspectionId' = ?1""";
        assertEquals("91410400MA40000001|平顶山市某建筑有限公司", string(em, pushed, fined.inspectionId()));
        assertEquals("hmac:0f3a|欧***", string(em, pushed, dishonest.inspectionId()));
        for (InspectionClosed c : new InspectionClosed[] {fined, dishonest}) {
            assertEquals(List.of(), EventSchemas.violations("io.suiji.publication.SanctionPushed.v1", string(em, """
                    select cast(payload as text) from outbox_event
                    where event_type = 'io.suiji.publication.SanctionPushed.v1' and payload->>'inspectionId' = ?1""",
                    c.inspectionId())), "the pushed event keeps its published schema");
        }

        given().post("/api/v1/disclosures/" + disclosure + "/publish").then().statusCode(409).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body("{\"exempt\":false}")
                .put("/api/v1/disclosures/" + disclosure + "/items/" + item(disclosure, clean.inspectionId()) + "/exemption")
                .then().statusCode(409).contentType(PROBLEM);
        assertEquals(1, count(em, "select count(*) from outbox_event where aggregate_id = ?1", disclosure));
        assertEquals(2, count(em, "select count(*) from sanction_push where disclosure_id = cast(?1 as uuid)", disclosure));
    }

    @Test
    void aSanctionIsNotPushedWithoutTheEntitysCodeAndNothingIsPublishedUntilItArrives() {
        String task = id("T");
        String unknown = UUID.randomUUID().toString();
        InspectionClosed fined = closed(task, unknown, Outcome.ADMINISTRATIVE_PENALTY, LocalDate.of(2020, 9, 22));
        send(connector, fined);
        send(connector, completed(task, LocalDate.of(2020, 9, 25)));
        String disclosure = awaitDisclosure(em, task, 1);

        given().post("/api/v1/disclosures/" + disclosure + "/publish").then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString(unknown));
        assertEquals(0, count(em, "select count(*) from outbox_event where aggregate_id = ?1", disclosure));
        assertEquals(0, count(em, "select count(*) from sanction_push where disclosure_id = cast(?1 as uuid)", disclosure));
        assertEquals("OPEN", string(em, "select status from disclosure where id = cast(?1 as uuid)", disclosure));

        register(connector, em, entity(unknown, CodeKind.USCC, "91410400MA40000009", "平顶山市迟到登记有限公司"));
        given().post("/api/v1/disclosures/" + disclosure + "/publish").then().statusCode(200);
        assertEquals(1, count(em, "select count(*) from sanction_push where disclosure_id = cast(?1 as uuid)", disclosure));
    }

    @Test
    void publishingAfterTheDueDateIsLate() {
        String task = id("T");
        send(connector, closed(task, id("E"), Outcome.NO_PROBLEM, LocalDate.of(2020, 9, 22)));
        send(connector, completed(task, LocalDate.of(2020, 9, 25)));
        String disclosure = awaitDisclosure(em, task, 1);
        clock.set(LocalDate.of(2020, 10, 30), LocalTime.of(8, 0));
        given().post("/api/v1/disclosures/" + disclosure + "/publish").then().statusCode(200).body("onTime", equalTo(false));
    }

    @Test
    @TestSecurity(user = "publisher-county", roles = "publisher", attributes = @SecurityAttribute(key = "region", value = "410403"))
    void anotherCountyNeitherSeesNorPublishesTheDisclosure() {
        String task = id("T");
        send(connector, completed(task, LocalDate.of(2020, 9, 25)));
        String disclosure = awaitDisclosure(em, task, 0);
        given().get("/api/v1/disclosures").then().statusCode(200).body("id", not(hasItem(disclosure)));
        given().get("/api/v1/disclosures/" + disclosure).then().statusCode(404).contentType(PROBLEM);
        given().post("/api/v1/disclosures/" + disclosure + "/publish").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "inspector-1", roles = "inspector", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void inspectorsDoNotSeeDisclosures() {
        given().get("/api/v1/disclosures").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void garbageIdsAndParametersAreProblemsNotErrors() {
        given().get("/api/v1/disclosures/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
        given().get("/api/v1/disclosures?status=NOPE&page=-1").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("status"));
    }
}
