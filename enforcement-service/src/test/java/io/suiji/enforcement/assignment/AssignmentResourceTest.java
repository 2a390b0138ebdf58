package io.suiji.enforcement.assignment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.contracts.catalog.MatterPublished;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.sampling.DrawCancelled;
import io.suiji.enforcement.Caller;
import io.suiji.enforcement.Fixtures;
import io.suiji.enforcement.TestChannels;
import io.suiji.platform.testing.InMemoryChannels;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Assignments from sampling's events (once per event), the inspectors' record of an inspection,
 * the two-person rule, and the events closing emits through the outbox.
 */
@QuarkusTest
@WithTestResource(value = InMemoryChannels.class, initArgs = @ResourceArg(name = "incoming", value = TestChannels.INCOMING))
class AssignmentResourceTest {

    private static final Caller LI = new Caller(Fixtures.LI, true, false, null, null);
    private static final Caller ZHANG = new Caller(Fixtures.ZHANG, true, false, null, null);
    private static final Map<String, Object> FINDINGS = Map.of("method", "ON_SITE", "findings", Map.of(
            "1", Map.of("result", "COMPLIANT", "notes", "工资支付台账齐全"),
            "2", Map.of("result", "NOT_APPLICABLE")));

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    @Inject
    AssignmentService service;

    @Test
    @TestSecurity(user = Fixtures.ZHANG, roles = "inspector")
    void oneAssignmentPerEventWhateverTheDeliveries() {
        String drawId = Fixtures.id("draw");
        String taskId = Fixtures.id("task");
        var selected = Fixtures.record(UUID.randomUUID().toString(), "io.suiji.sampling.TargetSelected.v1",
                Fixtures.selection(drawId, taskId, 1, Fixtures.COUNTY, List.of(Fixtures.ZHANG, Fixtures.LI)));
        var source = connector.source("sampling.selections");
        source.send(selected);
        source.send(selected);
        source.send(Fixtures.record(UUID.randomUUID().toString(), "io.suiji.sampling.TargetSelected.v1",
                Map.of("drawId", drawId)));
        // The same selection under a new event id (a producer retry) is still one assignment.
        source.send(Fixtures.record(Fixtures.selection(drawId, taskId, 1, Fixtures.COUNTY, List.of(Fixtures.ZHANG, Fixtures.LI))));
        source.send(Fixtures.record(Fixtures.selection(drawId, taskId, 2, Fixtures.COUNTY, List.of(Fixtures.ZHANG, Fixtures.LI))));

        Fixtures.await("second selection", () -> Fixtures.count(em,
                "select count(*) from assignment where draw_id = ?1 and ordinal = 2", drawId) == 1);
        assertEquals(2, Fixtures.count(em, "select count(*) from assignment where draw_id = ?1", drawId));
        assertEquals(4, Fixtures.count(em, "select count(*) from assignment_member m join assignment a "
                + "on a.id = m.assignment_id where a.draw_id = ?1", drawId));

        given().queryParam("taskId", taskId).get("/api/v1/assignments").then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].status", equalTo("ASSIGNED"))
                .body("[0].group.inspectorId", containsInAnyOrder(Fixtures.ZHANG, Fixtures.LI))
                .body("[0].matterCode", equalTo("M01"))
                .body("[0].batchEnd", equalTo(io.suiji.enforcement.Clock.today().plusDays(20).toString()));
    }

    @Test
    void onePollIsOneUnitYetEverySelectionIsOneAssignment() {
        String drawId = Fixtures.id("draw");
        String taskId = Fixtures.id("task");
        List<String> group = List.of(Fixtures.ZHANG, Fixtures.LI);
        var first = Fixtures.record(UUID.randomUUID().toString(), "io.suiji.sampling.TargetSelected.v1",
                Fixtures.selection(drawId, taskId, 1, Fixtures.COUNTY, group));
        var source = connector.source("sampling.selections");
        // One poll (batch=true) holding a redelivery, the same selection under a new event id and a new one.
        source.send(List.of(first, first, Fixtures.record(Fixtures.selection(drawId, taskId, 1, Fixtures.COUNTY, group)),
                Fixtures.record(Fixtures.selection(drawId, taskId, 2, Fixtures.COUNTY, group))));
        // A poll with poison: its good records still go through, one by one.
        source.send(List.of(Fixtures.record(UUID.randomUUID().toString(), "io.suiji.sampling.TargetSelected.v1",
                Map.of("drawId", drawId)), first, Fixtures.record(Fixtures.selection(drawId, taskId, 3, Fixtures.COUNTY, group))));

        Fixtures.await("third selection", () -> Fixtures.count(em,
                "select count(*) from assignment where draw_id = ?1 and ordinal = 3", drawId) == 1);
        assertEquals(3, Fixtures.count(em, "select count(*) from assignment where draw_id = ?1", drawId));
        assertEquals(6, Fixtures.count(em, "select count(*) from assignment_member m join assignment a "
                + "on a.id = m.assignment_id where a.draw_id = ?1", drawId));
    }

    @Test
    @TestSecurity(user = "insp-wang", roles = "inspector")
    void anInspectorOutsideTheGroupLearnsNothing() {
        UUID id = Fixtures.draw(connector, em, Fixtures.id("draw"), Fixtures.id("task"), 1, Fixtures.COUNTY).get(0);
        given().get("/api/v1/assignments/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:suiji:problem:not-found"));
        given().contentType(ContentType.JSON).body(FINDINGS).put("/api/v1/assignments/" + id + "/findings")
                .then().statusCode(404);
        given().post("/api/v1/assignments/" + id + "/confirm").then().statusCode(404);
        given().get("/api/v1/assignments").then().statusCode(200).body("id", not(hasItem(id.toString())));
    }

    @Test
    @TestSecurity(user = "sup-city", roles = "supervisor", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void aSupervisorReadsTheRegionButDoesNotRecord() {
        String taskId = Fixtures.id("task");
        UUID id = Fixtures.draw(connector, em, Fixtures.id("draw"), taskId, 1, Fixtures.COUNTY).get(0);
        UUID elsewhere = Fixtures.draw(connector, em, Fixtures.id("draw"), taskId, 1, "411100").get(0);
        given().get("/api/v1/assignments/" + id).then().statusCode(200).body("entityRegion", equalTo(Fixtures.COUNTY));
        given().get("/api/v1/assignments/" + elsewhere).then().statusCode(404);
        given().queryParam("taskId", taskId).get("/api/v1/assignments").then().statusCode(200)
                .body("id", equalTo(List.of(id.toString())));
        given().contentType(ContentType.JSON).body(FINDINGS).put("/api/v1/assignments/" + id + "/findings")
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = Fixtures.ZHANG, roles = "inspector")
    void aPenaltyWithoutItsDecisionIsRefusedNamingEachMissingField() {
        UUID id = Fixtures.draw(connector, em, Fixtures.id("draw"), Fixtures.id("task"), 1, Fixtures.COUNTY).get(0);
        given().contentType(ContentType.JSON).body(Map.of("outcome", "ADMINISTRATIVE_PENALTY"))
                .put("/api/v1/assignments/" + id + "/outcome").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("penalty.decisionNumber", "penalty.amount", "penalty.legalBasis"));
        given().contentType(ContentType.JSON).body(Map.of("outcome", "ADMINISTRATIVE_PENALTY",
                        "penalty", Map.of("decisionNumber", "平人社监罚〔2020〕3号", "amount", 20000)))
                .put("/api/v1/assignments/" + id + "/outcome").then().statusCode(422)
                .body("errors.field", equalTo(List.of("penalty.legalBasis")));
        given().contentType(ContentType.JSON).body(Map.of("outcome", "行政处罚"))
                .put("/api/v1/assignments/" + id + "/outcome").then().statusCode(422)
                .body("errors[0].field", equalTo("outcome"));
        assertEquals(0, Fixtures.count(em, "select count(*) from assignment where id = ?1 and outcome is not null", id));

        given().contentType(ContentType.JSON).body(Map.of("outcome", "ADMINISTRATIVE_PENALTY",
                        "penalty", Map.of("decisionNumber", "平人社监罚〔2020〕3号", "amount", 20000,
                                "legalBasis", "《保障农民工工资支付条例》第五十五条")))
                .put("/api/v1/assignments/" + id + "/outcome").then().statusCode(200)
                .body("outcomeLabel", equalTo("行政处罚"))
                .body("penalty.amount", equalTo(20000))
                .body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    @TestSecurity(user = Fixtures.ZHANG, roles = "inspector")
    void closingNeedsEveryCheckItemAnswered() {
        UUID id = Fixtures.draw(connector, em, Fixtures.id("draw"), Fixtures.id("task"), 1, Fixtures.COUNTY).get(0);
        given().post("/api/v1/assignments/" + id + "/start").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("startedBy", equalTo(Fixtures.ZHANG));
        // Items unknown: at least one answer is required.
        given().post("/api/v1/assignments/" + id + "/confirm").then().statusCode(422)
                .body("errors.field", hasItem("findings"))
                .body("errors.field", hasItem("outcome"));

        // Items known (the matter version's check items): every one must be answered.
        Fixtures.execute(em, "update assignment set check_items = '[\"1\",\"2\",\"3\"]' where id = ?1", id);
        given().contentType(ContentType.JSON).body(Map.of("method", "ON_SITE", "findings", Map.of("9", Map.of("result", "COMPLIANT"))))
                .put("/api/v1/assignments/" + id + "/findings").then().statusCode(422)
                .body("errors[0].field", equalTo("findings.9"));
        given().contentType(ContentType.JSON).body(FINDINGS).put("/api/v1/assignments/" + id + "/findings")
                .then().statusCode(200).body("unanswered", equalTo(List.of("3")));
        given().contentType(ContentType.JSON).body(Map.of("outcome", "NO_PROBLEM"))
                .put("/api/v1/assignments/" + id + "/outcome").then().statusCode(200);
        given().post("/api/v1/assignments/" + id + "/confirm").then().statusCode(422)
                .body("errors.field", equalTo(List.of("findings.3")))
                .body("errors[0].message", containsString("unanswered"));
        assertEquals(0, Fixtures.count(em, "select count(*) from assignment_member where assignment_id = ?1 "
                + "and confirmed_at is not null", id));
    }

    @Test
    @TestSecurity(user = Fixtures.ZHANG, roles = "inspector")
    void assignmentsCarryTheMattersCheckItemsWhicheverArrivesFirst() {
        String matter = Fixtures.id("M");
        String late = Fixtures.id("M");
        String drawId = Fixtures.id("draw");
        String taskId = Fixtures.id("task");
        connector.source("catalog.matters").send(Fixtures.record(new MatterPublished(Fixtures.matter(matter,
                List.of("工资支付台账", "按月足额支付", "农民工工资专用账户")))));
        Fixtures.await("check items", () -> Fixtures.count(em, "select count(*) from matter_check_items where code = ?1", matter) == 1);
        var source = connector.source("sampling.selections");
        source.send(Fixtures.record(Fixtures.selection(drawId, taskId, 1, Fixtures.COUNTY, List.of(Fixtures.ZHANG, Fixtures.LI), matter)));
        source.send(Fixtures.record(Fixtures.selection(drawId, taskId, 2, Fixtures.COUNTY, List.of(Fixtures.ZHANG, Fixtures.LI), late)));
        Fixtures.await("assignments", () -> Fixtures.count(em, "select count(*) from assignment where draw_id = ?1", drawId) == 2);
        connector.source("catalog.matters").send(Fixtures.record(new MatterPublished(Fixtures.matter(late, List.of("社会保险登记")))));
        Fixtures.await("back-filled items", () -> Fixtures.count(em,
                "select count(*) from assignment where matter_code = ?1 and check_items is not null", late) == 1);

        given().queryParam("taskId", taskId).get("/api/v1/assignments").then().statusCode(200)
                .body("[0].checkItems", equalTo(List.of("1", "2", "3")))
                .body("[0].items.number", equalTo(List.of("1", "2", "3")))
                .body("[0].items.text", equalTo(List.of("工资支付台账", "按月足额支付", "农民工工资专用账户")))
                .body("[0].unanswered", equalTo(List.of("1", "2", "3")))
                .body("[1].checkItems", equalTo(List.of("1")))
                .body("[1].items.text", equalTo(List.of("社会保险登记")));
    }

    @Test
    @TestSecurity(user = Fixtures.ZHANG, roles = "inspector")
    void theMethodRecordedMustBeOneOfTheMatters() {
        String matter = Fixtures.id("M");
        Fixtures.publishMatter(connector, em, matter, List.of("工资支付台账", "按月足额支付"));
        String drawId = Fixtures.id("draw");
        connector.source("sampling.selections").send(Fixtures.record(Fixtures.selection(drawId, Fixtures.id("task"), 1,
                Fixtures.COUNTY, List.of(Fixtures.ZHANG, Fixtures.LI), matter)));
        Fixtures.await("assignment", () -> Fixtures.count(em, "select count(*) from assignment where draw_id = ?1", drawId) == 1);
        UUID id = Fixtures.assignments(em, drawId).get(0);
        given().get("/api/v1/assignments/" + id).then().statusCode(200)
                .body("methods", equalTo(List.of("ON_SITE")))
                .body("items[1].text", equalTo("按月足额支付"));

        Map<String, Object> byPost = Map.of("method", "DOCUMENT_REVIEW", "findings", Map.of(
                "1", Map.of("result", "COMPLIANT"), "2", Map.of("result", "COMPLIANT")));
        given().contentType(ContentType.JSON).body(byPost).put("/api/v1/assignments/" + id + "/findings")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("method")))
                .body("errors[0].message", containsString("ON_SITE (现场检查)"));
        assertEquals(0, Fixtures.count(em, "select count(*) from assignment where id = ?1 and method is not null", id));
        given().contentType(ContentType.JSON).body(Map.of("method", "ON_SITE", "findings", byPost.get("findings")))
                .put("/api/v1/assignments/" + id + "/findings").then().statusCode(200)
                .body("method", equalTo("ON_SITE")).body("unanswered", equalTo(List.of()));
    }

    @Test
    @TestSecurity(user = Fixtures.ZHANG, roles = "inspector")
    void theSecondConfirmationClosesAndEmitsInspectionClosed() {
        UUID id = Fixtures.draw(connector, em, Fixtures.id("draw"), Fixtures.id("task"), 1, Fixtures.COUNTY).get(0);
        given().contentType(ContentType.JSON).body(FINDINGS).put("/api/v1/assignments/" + id + "/findings")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("outcome", "ORDERED_TO_CORRECT", "notes", "限期十日改正"))
                .put("/api/v1/assignments/" + id + "/outcome").then().statusCode(200);
        given().post("/api/v1/assignments/" + id + "/confirm").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("group.find { it.inspectorId == 'insp-zhang' }.confirmed", equalTo(true))
                .body("group.find { it.inspectorId == 'insp-li' }.confirmed", equalTo(false));
        assertEquals(0, Fixtures.outbox(em, "InspectionClosed", id.toString()));

        AssignmentView closed = service.confirm(LI, id);

        assertEquals("CLOSED", closed.status());
        assertEquals(1, Fixtures.outbox(em, "InspectionClosed", id.toString()));
        String payload = Fixtures.text(em, "select cast(payload as text) from outbox_event where aggregate_id = ?1", id.toString());
        assertTrue(payload.contains("\"outcome\":\"ORDERED_TO_CORRECT\""), payload);
        assertTrue(payload.contains(Fixtures.LI) && payload.contains(Fixtures.ZHANG), payload);
        given().post("/api/v1/assignments/" + id + "/confirm").then().statusCode(409);
        given().get("/api/v1/assignments/" + id).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closedOn", equalTo(io.suiji.enforcement.Clock.today().toString()));
    }

    @Test
    @TestSecurity(user = Fixtures.ZHANG, roles = "inspector")
    void aWholeRecordSentAtOnceWithConfirmNeedsOnlyTheOtherMembersConfirmation() {
        UUID id = Fixtures.draw(connector, em, Fixtures.id("draw"), Fixtures.id("task"), 1, Fixtures.COUNTY).get(0);
        Fixtures.execute(em, "update assignment set check_items = '[\"1\",\"2\"]' where id = ?1", id);
        given().contentType(ContentType.JSON).body(Map.of("method", "ON_SITE", "findings", Map.of("9", Map.of("result", "COMPLIANT")),
                        "outcome", "ADMINISTRATIVE_PENALTY", "confirm", true))
                .put("/api/v1/assignments/" + id + "/record").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("findings.9")).body("errors.field", hasItem("penalty.decisionNumber"));
        assertEquals(0, Fixtures.count(em, "select count(*) from assignment where id = ?1 and (method is not null "
                + "or outcome is not null)", id), "a refused submission changes nothing");

        Map<String, Object> whole = new java.util.HashMap<>(FINDINGS);
        whole.putAll(Map.of("outcome", "ORDERED_TO_CORRECT", "notes", "限期十日改正", "confirm", true));
        given().contentType(ContentType.JSON).body(whole).put("/api/v1/assignments/" + id + "/record").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("outcome", equalTo("ORDERED_TO_CORRECT"))
                .body("method", equalTo("ON_SITE"))
                .body("group.find { it.inspectorId == 'insp-zhang' }.confirmed", equalTo(true))
                .body("group.find { it.inspectorId == 'insp-li' }.confirmed", equalTo(false));
        assertEquals(0, Fixtures.outbox(em, "InspectionClosed", id.toString()));
        assertEquals(1, Fixtures.count(em, "select count(*) from audit_log where target_id = ?1 "
                + "and action = 'assignment.recorded-and-confirmed'", id.toString()));

        assertEquals("CLOSED", service.confirm(LI, id).status());
        assertEquals(1, Fixtures.outbox(em, "InspectionClosed", id.toString()));
        given().contentType(ContentType.JSON).body(whole).put("/api/v1/assignments/" + id + "/record").then().statusCode(409);
    }

    @Test
    @TestSecurity(user = Fixtures.ZHANG, roles = "inspector")
    void changingTheRecordWithdrawsConfirmations() {
        UUID id = Fixtures.draw(connector, em, Fixtures.id("draw"), Fixtures.id("task"), 1, Fixtures.COUNTY).get(0);
        Fixtures.recordInspection(service, ZHANG, id, Outcome.NO_PROBLEM);
        service.confirm(LI, id);
        given().contentType(ContentType.JSON).body(Map.of("outcome", "CORRECTED"))
                .put("/api/v1/assignments/" + id + "/outcome").then().statusCode(200)
                .body("group.confirmed", equalTo(List.of(false, false)));
        given().post("/api/v1/assignments/" + id + "/confirm").then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    void theLastClosedAssignmentOfABatchEmitsTaskCompletedOnce() {
        String drawId = Fixtures.id("draw");
        String taskId = Fixtures.id("task");
        List<UUID> ids = Fixtures.draw(connector, em, drawId, taskId, 2, Fixtures.COUNTY);
        connector.source("sampling.draws").send(Fixtures.record(Fixtures.completed(drawId, taskId, 2)));
        Fixtures.await("draw summary", () -> Fixtures.count(em,
                "select count(*) from draw_status where draw_id = ?1 and expected_count = 2", drawId) == 1);

        Fixtures.closeByBoth(service, ids.get(0), Outcome.NO_PROBLEM);
        assertEquals(0, Fixtures.outbox(em, "TaskCompleted", taskId + "/1"));
        Fixtures.closeByBoth(service, ids.get(1), Outcome.NO_RELEVANT_ACTIVITY);

        assertEquals(1, Fixtures.outbox(em, "TaskCompleted", taskId + "/1"));
        String payload = Fixtures.text(em, "select cast(payload as text) from outbox_event where aggregate_id = ?1", taskId + "/1");
        assertTrue(payload.contains("\"completedOn\":\"" + io.suiji.enforcement.Clock.today() + "\""), payload);
        assertTrue(payload.contains("\"assignmentCount\":2"), payload);
    }

    @Test
    @TestSecurity(user = Fixtures.ZHANG, roles = "inspector")
    void aRecordEnteredAfterTheFactClosesAsOfItsDatesAndTheBatchCompletesThen() {
        String drawId = Fixtures.id("draw");
        String taskId = Fixtures.id("task");
        UUID id = Fixtures.draw(connector, em, drawId, taskId, 1, Fixtures.COUNTY).get(0);
        connector.source("sampling.draws").send(Fixtures.record(Fixtures.completed(drawId, taskId, 1)));
        java.time.LocalDate today = io.suiji.enforcement.Clock.today();
        Map<String, Object> early = new java.util.HashMap<>(FINDINGS);
        early.put("inspectedOn", today.minusDays(30).toString());
        given().contentType(ContentType.JSON).body(early).put("/api/v1/assignments/" + id + "/findings")
                .then().statusCode(422).body("errors[0].field", equalTo("inspectedOn"))
                .body("errors[0].message", containsString(today.minusDays(10).toString()));
        given().contentType(ContentType.JSON).body(Map.of("outcome", "NO_PROBLEM", "concludedOn", today.plusDays(1).toString()))
                .put("/api/v1/assignments/" + id + "/outcome").then().statusCode(422)
                .body("errors[0].field", equalTo("concludedOn"));

        Map<String, Object> findings = new java.util.HashMap<>(FINDINGS);
        findings.put("inspectedOn", today.minusDays(6).toString());
        given().contentType(ContentType.JSON).body(findings).put("/api/v1/assignments/" + id + "/findings")
                .then().statusCode(200).body("startedOn", equalTo(today.minusDays(6).toString()));
        given().contentType(ContentType.JSON).body(Map.of("outcome", "NO_PROBLEM", "concludedOn", today.minusDays(7).toString()))
                .put("/api/v1/assignments/" + id + "/outcome").then().statusCode(422)
                .body("errors[0].field", equalTo("concludedOn"));
        given().contentType(ContentType.JSON).body(Map.of("outcome", "NO_PROBLEM", "concludedOn", today.minusDays(4).toString()))
                .put("/api/v1/assignments/" + id + "/outcome").then().statusCode(200);
        given().post("/api/v1/assignments/" + id + "/confirm").then().statusCode(200);
        Fixtures.await("draw summary", () -> Fixtures.count(em,
                "select count(*) from draw_status where draw_id = ?1 and expected_count = 1", drawId) == 1);
        service.confirm(LI, id);

        given().get("/api/v1/assignments/" + id).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closedOn", equalTo(today.minusDays(4).toString()));
        String closed = Fixtures.text(em, "select cast(payload as text) from outbox_event where aggregate_id = ?1", id.toString());
        assertTrue(closed.contains("\"closedOn\":\"" + today.minusDays(4) + "\""), closed);
        String completed = Fixtures.text(em, "select cast(payload as text) from outbox_event where aggregate_id = ?1", taskId + "/1");
        assertTrue(completed.contains("\"completedOn\":\"" + today.minusDays(4) + "\""), completed);
    }

    @Test
    void aBatchWhoseSummaryArrivesLastCompletesThenAndIncompleteDrawsWait() {
        String drawId = Fixtures.id("draw");
        String taskId = Fixtures.id("task");
        List<UUID> ids = Fixtures.draw(connector, em, drawId, taskId, 1, Fixtures.COUNTY);
        Fixtures.closeByBoth(service, ids.get(0), Outcome.NO_PROBLEM);
        // One of two selections still missing: not complete.
        connector.source("sampling.draws").send(Fixtures.record(Fixtures.completed(drawId, taskId, 2)));
        Fixtures.await("draw summary", () -> Fixtures.count(em,
                "select count(*) from draw_status where draw_id = ?1 and expected_count = 2", drawId) == 1);
        assertEquals(0, Fixtures.outbox(em, "TaskCompleted", taskId + "/1"));

        String other = Fixtures.id("draw");
        String otherTask = Fixtures.id("task");
        List<UUID> single = Fixtures.draw(connector, em, other, otherTask, 1, Fixtures.COUNTY);
        Fixtures.closeByBoth(service, single.get(0), Outcome.NO_PROBLEM);
        connector.source("sampling.draws").send(Fixtures.record(Fixtures.completed(other, otherTask, 1)));
        Fixtures.await("TaskCompleted on the summary", () -> Fixtures.outbox(em, "TaskCompleted", otherTask + "/1") == 1);
    }

    @Test
    @TestSecurity(user = Fixtures.ZHANG, roles = "inspector")
    void aCancelledDrawCancelsItsOpenAssignments() {
        String drawId = Fixtures.id("draw");
        List<UUID> ids = Fixtures.draw(connector, em, drawId, Fixtures.id("task"), 2, Fixtures.COUNTY);
        Fixtures.closeByBoth(service, ids.get(0), Outcome.NO_PROBLEM);
        connector.source("sampling.draws").send(Fixtures.record(new DrawCancelled(drawId, "抽取参数有误", "planner-city", Instant.now())));
        Fixtures.await("cancellation", () -> Fixtures.count(em,
                "select count(*) from assignment where draw_id = ?1 and status = 'CANCELLED'", drawId) == 1);
        assertEquals("CLOSED", Fixtures.text(em, "select status from assignment where id = ?1", ids.get(0)));
        given().contentType(ContentType.JSON).body(FINDINGS).put("/api/v1/assignments/" + ids.get(1) + "/findings")
                .then().statusCode(409);
    }

    @Test
    @TestSecurity(user = "sup-city", roles = "supervisor", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void supervisorsSeeProgressPerBatchInTheirRegion() {
        String drawId = Fixtures.id("draw");
        String taskId = Fixtures.id("task");
        List<UUID> ids = Fixtures.draw(connector, em, drawId, taskId, 3, Fixtures.COUNTY);
        connector.source("sampling.draws").send(Fixtures.record(Fixtures.completed(drawId, taskId, 4)));
        Fixtures.await("draw summary", () -> Fixtures.count(em,
                "select count(*) from draw_status where draw_id = ?1 and expected_count = 4", drawId) == 1);
        Fixtures.closeByBoth(service, ids.get(0), Outcome.NO_PROBLEM);
        service.start(ZHANG, ids.get(1), null);
        Fixtures.execute(em, "update assignment set batch_end = current_date - 40 where id = ?1", ids.get(2));

        given().queryParam("taskId", taskId).get("/api/v1/progress").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].counts.CLOSED", equalTo(1))
                .body("[0].counts.IN_PROGRESS", equalTo(1))
                .body("[0].counts.ASSIGNED", equalTo(1))
                .body("[0].overdue", equalTo(1))
                .body("[0].completeness", equalTo("1 missing"));
    }

    @Test
    @TestSecurity(user = "sup-other-county", roles = "supervisor", attributes = @SecurityAttribute(key = "region", value = "410403"))
    void aCountySupervisorSeesOnlyTheirCounty() {
        String taskId = Fixtures.id("task");
        Fixtures.draw(connector, em, Fixtures.id("draw"), taskId, 1, Fixtures.COUNTY);
        given().queryParam("taskId", taskId).get("/api/v1/progress").then().statusCode(200).body("", hasSize(0));
        given().queryParam("taskId", taskId).get("/api/v1/assignments").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    @TestSecurity(user = Fixtures.ZHANG, roles = "inspector")
    void inspectorsDoNotSeeProgressAndUnknownAssignmentsAre404() {
        given().get("/api/v1/progress").then().statusCode(403);
        given().get("/api/v1/assignments/" + UUID.randomUUID()).then().statusCode(404);
        given().queryParam("status", "DONE").get("/api/v1/assignments").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }
}
