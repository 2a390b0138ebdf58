package io.suiji.enforcement.assignment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.sampling.DrawCancelled;
import io.suiji.contracts.sampling.GroupAdjusted;
import io.suiji.enforcement.Caller;
import io.suiji.enforcement.Fixtures;
import io.suiji.enforcement.TestChannels;
import io.suiji.enforcement.record.Finding;
import io.suiji.enforcement.record.FindingResult;
import io.suiji.enforcement.record.MemberView;
import io.suiji.enforcement.record.RecordRequests;
import io.suiji.platform.problem.ProblemException;
import io.suiji.platform.testing.InMemoryChannels;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * 调整执法人员 as enforcement applies it: an open assignment takes the approved group once, however
 * often the event arrives, and its confirmations are withdrawn; a closed inspection keeps the group
 * that did it and records the adjustment as too late; a cancelled draw's assignment is left alone.
 */
@QuarkusTest
@WithTestResource(value = InMemoryChannels.class, initArgs = @ResourceArg(name = "incoming", value = TestChannels.INCOMING))
class GroupAdjustmentResourceTest {

    private static final String WANG = "insp-wang";
    private static final String REASON = "李某 检查期间病假，经批准由王某替换";
    private static final Caller ZHANG = new Caller(Fixtures.ZHANG, true, false, null, null);
    private static final Caller LI = new Caller(Fixtures.LI, true, false, null, null);
    private static final Caller STAFF = new Caller("sup-city", false, true, "410400", null);

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    @Inject
    AssignmentService service;

    private static GroupAdjusted replaceLiByWang(String drawId, int ordinal) {
        return new GroupAdjusted(drawId, UUID.randomUUID().toString(), "task", 1, UUID.randomUUID().toString(), ordinal,
                List.of(Fixtures.ZHANG, Fixtures.LI), List.of(Fixtures.ZHANG, WANG), List.of(Fixtures.LI), List.of(WANG),
                REASON, "planner-city", Instant.parse("2020-05-12T02:10:00Z"), "supervisor-zhao",
                Instant.parse("2020-05-12T06:45:00Z"));
    }

    private long adjustments(String adjustmentId) {
        return Fixtures.count(em, "select count(*) from group_adjustment where adjustment_id = ?1", adjustmentId);
    }

    /** The one assignment of a fresh draw, its record complete and confirmed by Zhang, not yet by Li. */
    private UUID confirmedByZhang(String drawId) {
        UUID id = Fixtures.draw(connector, em, drawId, Fixtures.id("task"), 1, Fixtures.COUNTY).get(0);
        service.recordFindings(ZHANG, id, new RecordRequests.Findings(InspectionMethod.DOCUMENT_REVIEW,
                Map.of("1", new Finding(FindingResult.COMPLIANT, null))));
        service.recordOutcome(ZHANG, id, new RecordRequests.OutcomeRecord(Outcome.NO_PROBLEM, null, null));
        service.confirm(ZHANG, id);
        return id;
    }

    @Test
    @TestSecurity(user = WANG, roles = "inspector")
    void anOpenAssignmentTakesTheApprovedGroupOnceHoweverOftenItArrives() {
        String drawId = Fixtures.id("draw");
        UUID id = confirmedByZhang(drawId);

        GroupAdjusted adjusted = replaceLiByWang(drawId, 1);
        var source = connector.source("sampling.selections");
        // Poison first: a group of one is never applied, and the stream moves on.
        source.send(Fixtures.record(new GroupAdjusted(drawId, UUID.randomUUID().toString(), "task", 1,
                UUID.randomUUID().toString(), 1, List.of(), List.of(WANG), List.of(), List.of(), REASON, "p",
                Instant.now(), "s", Instant.now())));
        var delivery = Fixtures.record(adjusted);
        source.send(delivery);
        source.send(delivery);
        String resent = UUID.randomUUID().toString();
        source.send(Fixtures.record(resent, "io.suiji.sampling.GroupAdjusted.v1", adjusted));
        Fixtures.await("the re-sent adjustment", () -> Fixtures.count(em,
                "select count(*) from processed_event where consumer = 'enforcement.selections' and event_id = ?1",
                resent) == 1);

        assertEquals(1, adjustments(adjusted.adjustmentId()));
        assertEquals(1, Fixtures.count(em, "select count(*) from group_adjustment where draw_id = ?1", drawId));
        assertEquals(2, Fixtures.count(em, "select count(*) from assignment_member where assignment_id = ?1", id));
        given().get("/api/v1/assignments/" + id).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("group.inspectorId", containsInAnyOrder(Fixtures.ZHANG, WANG))
                .body("group.confirmed", equalTo(List.of(false, false)))
                .body("findings.1.result", equalTo("COMPLIANT"))
                .body("adjustments[0].adjustmentId", equalTo(adjusted.adjustmentId()))
                .body("adjustments[0].outcome", equalTo("APPLIED"))
                .body("adjustments[0].reason", equalTo(REASON))
                .body("adjustments[0].replacedInspectorIds", equalTo(List.of(Fixtures.LI)))
                .body("adjustments[0].approvedBy", equalTo("supervisor-zhao"));
        assertThrows(ProblemException.class, () -> service.get(LI, id), "the replaced inspector no longer sees it");
    }

    @Test
    @TestSecurity(user = WANG, roles = "inspector")
    void aClosedInspectionKeepsItsGroupAndTheAdjustmentIsRecordedAsTooLate() {
        String drawId = Fixtures.id("draw");
        UUID id = confirmedByZhang(drawId);
        assertEquals("CLOSED", service.confirm(LI, id).status());

        GroupAdjusted late = replaceLiByWang(drawId, 1);
        connector.source("sampling.selections").send(Fixtures.record(late));
        Fixtures.await("the late adjustment", () -> adjustments(late.adjustmentId()) == 1);

        AssignmentView view = service.get(STAFF, id);
        assertEquals(Set.of(Fixtures.ZHANG, Fixtures.LI), view.group().stream().map(MemberView::inspectorId)
                .collect(Collectors.toSet()));
        assertEquals(List.of(true, true), view.group().stream().map(MemberView::confirmed).toList());
        assertEquals("TOO_LATE", view.adjustments().get(0).outcome());
        given().get("/api/v1/assignments/" + id).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = WANG, roles = "inspector")
    void aCancelledDrawsAssignmentIsLeftAsItIs() {
        String drawId = Fixtures.id("draw");
        UUID id = Fixtures.draw(connector, em, drawId, Fixtures.id("task"), 1, Fixtures.COUNTY).get(0);
        connector.source("sampling.draws").send(Fixtures.record(new DrawCancelled(drawId, "抽取参数有误", "planner-city",
                Instant.now())));
        Fixtures.await("cancellation", () -> Fixtures.count(em,
                "select count(*) from assignment where id = ?1 and status = 'CANCELLED'", id) == 1);

        GroupAdjusted adjusted = replaceLiByWang(drawId, 1);
        connector.source("sampling.selections").send(Fixtures.record(adjusted));
        Fixtures.await("the adjustment", () -> adjustments(adjusted.adjustmentId()) == 1);
        AssignmentView view = service.get(STAFF, id);
        assertEquals("ASSIGNMENT_CANCELLED", view.adjustments().get(0).outcome());
        assertEquals(Set.of(Fixtures.ZHANG, Fixtures.LI), view.group().stream().map(MemberView::inspectorId)
                .collect(Collectors.toSet()));
    }
}
