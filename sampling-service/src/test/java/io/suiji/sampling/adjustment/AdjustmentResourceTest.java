package io.suiji.sampling.adjustment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.registry.CreditClass;
import io.suiji.contracts.registry.InspectorState;
import io.suiji.contracts.registry.InspectorStatus;
import io.suiji.contracts.registry.InspectorUpdated;
import io.suiji.contracts.sampling.Batch;
import io.suiji.draw.DrawProof;
import io.suiji.draw.Verifier;
import io.suiji.platform.testing.InMemoryChannels;
import io.suiji.sampling.Actor;
import io.suiji.sampling.Fixtures;
import io.suiji.sampling.TestChannels;
import io.suiji.sampling.draw.DrawRequests;
import io.suiji.sampling.draw.DrawService;
import io.suiji.sampling.draw.DrawStore;
import io.suiji.sampling.plan.PlanContent;
import io.suiji.sampling.plan.PlanRequest;
import io.suiji.sampling.plan.PlanService;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Component test of 调整执法人员: a planner proposes, a second person with the supervisor role
 * decides; the replacement meets the draw's non-random rules; approval is recorded, published with
 * the draw and sent as GroupAdjusted; the draw's proof still verifies with the drawn groups.
 * Set-up runs through the services with explicit actors, so that one test can hold both persons.
 */
@QuarkusTest
@WithTestResource(value = InMemoryChannels.class, initArgs = @ResourceArg(name = "incoming", value = TestChannels.INCOMING))
class AdjustmentResourceTest {

    private static final String REASON = "原抽中人员 8 月病假，无法按期参加检查（附医院证明）";
    private static final Actor PLANNER = new Actor("planner-city", "410400", Fixtures.CITY_DEPARTMENT);
    private static final Actor SUPERVISOR = new Actor("supervisor-zhao", "410400", null);

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    @Inject
    PlanService plans;

    @Inject
    DrawService draws;

    @Inject
    AdjustmentService adjustments;

    @Inject
    DrawStore store;

    /**
     * A completed draw of one target with the drawn pair {@code drawn}, and inspectors registered
     * after the commit: an eligible {@code spare}, a {@code retired} one and one with a declared
     * {@code conflicted} interest in the target.
     */
    private record Drawn(UUID drawId, String region, String target, List<String> drawn, String spare, String retired,
                         String conflicted) {
    }

    private Drawn completedDraw() {
        String region = Fixtures.freshCounty();
        String matter = Fixtures.code("ADJ");
        Fixtures.publish(connector, em, Fixtures.matter(matter, MatterCategory.GENERAL, "30", null, List.of("技工院校")));
        String target = UUID.randomUUID().toString();
        String i1 = UUID.randomUUID().toString();
        String i2 = UUID.randomUUID().toString();
        Fixtures.register(connector, em, List.of(Fixtures.entity(target, region, "技工院校", CreditClass.A)),
                List.of(Fixtures.inspector(i1, region, matter), Fixtures.inspector(i2, region, matter)));
        int year = Fixtures.year();
        var task = new PlanContent.Task(null, "技工院校监督检查", List.of(matter), "职业能力建设科", List.of(), null, null,
                null, Map.of("A", new BigDecimal("100")),
                List.of(new Batch(1, Fixtures.today().withDayOfYear(1), Fixtures.today().withDayOfYear(1).plusYears(1)
                        .minusDays(1))), List.of(InspectionMethod.ON_SITE), false, false,
                new PlanContent.Groups(2, 10, false, false), null, null);
        UUID planId = plans.create(new PlanRequest(year, "调整测试计划", null, region, List.of(task)), PLANNER).id();
        plans.publish(planId, PLANNER);
        UUID drawId = draws.commit(new DrawRequests.Commit(planId, "T1", 1, "上证综指收盘价"), PLANNER).id();
        assertEquals("COMPLETED", draws.execute(drawId, new DrawRequests.Execute("2020-07-01 上证综指收盘 3025.98",
                "公证员 张某"), PLANNER).draw().status());

        String spare = UUID.randomUUID().toString();
        String retired = UUID.randomUUID().toString();
        String conflicted = UUID.randomUUID().toString();
        Fixtures.register(connector, em, List.of(), List.of(Fixtures.inspector(spare, region, matter),
                Fixtures.inspector(retired, region, matter, InspectorStatus.RETIRED, "ZF-R", List.of(), List.of()),
                Fixtures.inspector(conflicted, region, matter, InspectorStatus.ACTIVE, "ZF-C", List.of(),
                        List.of(target))));
        // The drawn pair, in the draw's key order.
        List<String> drawn = QuarkusTransaction.requiringNew().call(() -> store.selection(drawId, 1).orElseThrow()
                .drawnInspectorIds());
        assertEquals(Set.of(i1, i2), Set.copyOf(drawn));
        return new Drawn(drawId, region, target, drawn, spare, retired, conflicted);
    }

    private static Map<String, Object> proposal(List<String> replaced, List<String> replacing, String reason) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("replacedInspectorIds", replaced);
        body.put("replacingInspectorIds", replacing);
        body.put("reason", reason);
        return body;
    }

    private AdjustmentView propose(Drawn d, String replaced, String replacing) {
        return adjustments.propose(d.drawId(), 1, new AdjustmentRequests.Propose(List.of(replaced), List.of(replacing),
                REASON), PLANNER);
    }

    private long groupAdjustedEvents(UUID drawId) {
        return Fixtures.count(em, "select count(*) from outbox_event where event_type = ?1 and aggregate_id = ?2",
                "io.suiji.sampling.GroupAdjusted.v1", drawId.toString());
    }

    @Test
    @TestSecurity(user = "supervisor-zhao", roles = "supervisor", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void anApprovedAdjustmentIsRecordedPublishedAndTheDrawStillVerifies() throws Exception {
        Drawn d = completedDraw();
        String leaving = d.drawn().get(0);
        String staying = d.drawn().get(1);
        AdjustmentView proposed = propose(d, leaving, d.spare());
        assertEquals("PROPOSED", proposed.status());
        assertEquals(0, groupAdjustedEvents(d.drawId()), "nothing is sent before approval");
        given().get("/api/v1/draws/" + d.drawId() + "/adjustments").then().statusCode(200)
                .body("status", equalTo(List.of("PROPOSED")));

        String base = "/api/v1/draws/" + d.drawId() + "/adjustments/" + proposed.id();
        given().contentType(ContentType.JSON).body(Map.of("note", "同意，已核实病假证明")).post(base + "/approve")
                .then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("proposedBy", equalTo("planner-city"))
                .body("decidedBy", equalTo("supervisor-zhao"))
                .body("decidedAt", notNullValue())
                .body("reason", equalTo(REASON))
                .body("groupBefore", equalTo(d.drawn()))
                .body("groupAfter", equalTo(List.of(staying, d.spare())))
                .body("drawnInspectorIds", equalTo(d.drawn()));
        given().contentType(ContentType.JSON).body(Map.of()).post(base + "/approve").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:adjustment-decided"));

        assertEquals(1, groupAdjustedEvents(d.drawId()));
        JsonNode event = EventJson.mapper().readTree(QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("select payload::text from outbox_event where event_type = ?1 and aggregate_id = ?2")
                .setParameter(1, "io.suiji.sampling.GroupAdjusted.v1").setParameter(2, d.drawId().toString())
                .getSingleResult()));
        assertEquals(proposed.id().toString(), event.get("adjustmentId").asText());
        assertEquals(d.target(), event.get("entityId").asText());
        assertEquals(1, event.get("ordinal").asInt());
        assertEquals(List.of(staying, d.spare()), List.of(EventJson.mapper().treeToValue(event.get("inspectorIds"),
                String[].class)));
        assertEquals("supervisor-zhao", event.get("approvedBy").asText());
        assertEquals(REASON, event.get("reason").asText());

        // The random draw is untouched: its proof keeps the drawn group and verifies; the change is beside it.
        DrawProof proof = DrawProof.fromJson(given().get("/api/v1/draws/" + d.drawId() + "/proof").asString());
        byte[] population = given().get("/api/v1/draws/" + d.drawId() + "/population").asByteArray();
        assertTrue(Verifier.verify(proof, new ByteArrayInputStream(population)).verified());
        assertEquals(Set.copyOf(d.drawn()), Set.copyOf(proof.inspectorGroups().get(0).inspectors()));
        given().get("/api/v1/draws/" + d.drawId()).then().statusCode(200)
                .body("links.adjustments", equalTo("/api/v1/draws/" + d.drawId() + "/adjustments"));
        assertEquals(List.of("APPROVED"), adjustments.list(d.drawId(), Optional.empty()).stream()
                .map(AdjustmentView::status).toList(), "the public sees the approved adjustment");

        // Later draws count the work of the group that inspects, not of the one drawn.
        Map<String, Integer> load = QuarkusTransaction.requiringNew().call(() -> store.priorWorkload(Fixtures.year()));
        assertEquals(1, load.get(d.spare()));
        assertEquals(null, load.get(leaving));

        // A further adjustment starts from the adjusted group.
        AdjustmentView next = propose(d, d.spare(), leaving);
        assertEquals(List.of(staying, d.spare()), next.groupBefore());
        assertEquals(List.of(staying, leaving), next.groupAfter());
    }

    @Test
    @TestSecurity(user = "supervisor-zhao", roles = "supervisor", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void aRejectionNeedsANoteIsFinalAndSendsNothing() {
        Drawn d = completedDraw();
        AdjustmentView proposed = propose(d, d.drawn().get(0), d.spare());
        String base = "/api/v1/draws/" + d.drawId() + "/adjustments/" + proposed.id();
        given().contentType(ContentType.JSON).body(Map.of("note", " ")).post(base + "/reject").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("note"));
        given().contentType(ContentType.JSON).body(Map.of("note", "理由不充分，请补充病假证明")).post(base + "/reject")
                .then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("decisionNote", equalTo("理由不充分，请补充病假证明"));
        given().contentType(ContentType.JSON).body(Map.of()).post(base + "/approve").then().statusCode(409)
                .body("type", equalTo("urn:suiji:problem:adjustment-decided"));
        assertEquals(0, groupAdjustedEvents(d.drawId()));
        assertEquals(List.of(), adjustments.list(d.drawId(), Optional.empty()), "rejections are for staff");
        given().get("/api/v1/draws/" + d.drawId() + "/adjustments").then().statusCode(200)
                .body("status", equalTo(List.of("REJECTED")));
        // The record cannot be rewritten, not even in the database.
        assertThrows(RuntimeException.class, () -> Fixtures.execute(em,
                "update group_adjustment set reason = 'x' where id = cast(?1 as uuid)", proposed.id().toString()));
        assertThrows(RuntimeException.class, () -> Fixtures.execute(em,
                "delete from group_adjustment where id = cast(?1 as uuid)", proposed.id().toString()));
        // And the selection is free for a new proposal.
        assertEquals("PROPOSED", propose(d, d.drawn().get(0), d.spare()).status());
    }

    @Test
    @TestSecurity(user = "supervisor-zhao", roles = "supervisor", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void approvalRechecksTheRulesAndTheDraw() {
        Drawn d = completedDraw();
        AdjustmentView proposed = propose(d, d.drawn().get(0), d.spare());
        InspectorState retiredNow = Fixtures.inspector(d.spare(), d.region(), "x", InspectorStatus.RETIRED, "ZF-X",
                List.of(), List.of());
        connector.source("registry.inspectors").send(Fixtures.record(new InspectorUpdated(retiredNow)));
        Fixtures.await("retirement", () -> Fixtures.count(em,
                "select count(*) from inspector_view where id = ?1 and state::text like '%RETIRED%'", d.spare()) == 1);
        given().contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/draws/" + d.drawId() + "/adjustments/" + proposed.id() + "/approve").then().statusCode(409)
                .body("type", equalTo("urn:suiji:problem:adjustment-no-longer-valid"))
                .body("errors[0].field", equalTo("replacingInspectorIds[0]"));

        Drawn cancelled = completedDraw();
        AdjustmentView pending = propose(cancelled, cancelled.drawn().get(0), cancelled.spare());
        draws.cancel(cancelled.drawId(), new DrawRequests.Cancel("名录库数据有误，经批准作废重抽"), PLANNER);
        given().contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/draws/" + cancelled.drawId() + "/adjustments/" + pending.id() + "/approve").then()
                .statusCode(409).body("type", equalTo("urn:suiji:problem:draw-not-completed"));
        given().contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/draws/" + UUID.randomUUID() + "/adjustments/" + pending.id() + "/approve").then()
                .statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/draws/" + cancelled.drawId() + "/adjustments/" + UUID.randomUUID() + "/approve").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "planner-city", roles = {"planner", "supervisor"}, attributes = {
            @SecurityAttribute(key = "region", value = "410400"),
            @SecurityAttribute(key = "department", value = Fixtures.CITY_DEPARTMENT)})
    void theProposerNeverDecidesTheirOwnAdjustmentEvenWithTheSupervisorRole() {
        Drawn d = completedDraw();
        String id = given().contentType(ContentType.JSON)
                .body(proposal(List.of(d.drawn().get(0)), List.of(d.spare()), REASON))
                .post("/api/v1/draws/" + d.drawId() + "/selections/1/adjustments").then().statusCode(201)
                .header("Location", containsString("/adjustments/"))
                .body("status", equalTo("PROPOSED"))
                .body("proposedBy", equalTo("planner-city"))
                .extract().path("id");
        for (String decision : List.of("approve", "reject")) {
            given().contentType(ContentType.JSON).body(Map.of("note", "自己批准"))
                    .post("/api/v1/draws/" + d.drawId() + "/adjustments/" + id + "/" + decision).then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:suiji:problem:second-person-required"))
                    .body("detail", containsString("second person"));
        }
        given().get("/api/v1/draws/" + d.drawId() + "/adjustments/" + id).then().statusCode(200)
                .body("status", equalTo("PROPOSED"));
        assertEquals(0, groupAdjustedEvents(d.drawId()));
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner", attributes = {
            @SecurityAttribute(key = "region", value = "410400"),
            @SecurityAttribute(key = "department", value = Fixtures.CITY_DEPARTMENT)})
    void aProposalNamesEveryRuleTheReplacementBreaks() {
        Drawn d = completedDraw();
        String path = "/api/v1/draws/" + d.drawId() + "/selections/1/adjustments";
        String leaving = d.drawn().get(0);
        Map<String, String> why = Map.of(d.retired(), "not active",
                d.conflicted(), "conflict of interest",
                "no-such-inspector", "no inspector no-such-inspector in the registry",
                d.drawn().get(1), "already in the group");
        why.forEach((replacing, message) -> given().contentType(ContentType.JSON)
                .body(proposal(List.of(leaving), List.of(replacing), REASON)).post(path).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("replacingInspectorIds[0]"))
                .body("errors[0].message", containsString(message)));
        given().contentType(ContentType.JSON).body(proposal(List.of(leaving), List.of(d.spare()), "  ")).post(path)
                .then().statusCode(422).body("errors.field", equalTo(List.of("reason")));
        given().contentType(ContentType.JSON).body(proposal(List.of(d.spare()), List.of(leaving), REASON)).post(path)
                .then().statusCode(422).body("errors[0].field", equalTo("replacedInspectorIds[0]"));
        given().contentType(ContentType.JSON).body(proposal(List.of(leaving), List.of(), REASON)).post(path)
                .then().statusCode(422).body("errors[0].field", equalTo("replacingInspectorIds"))
                .body("errors[0].message", containsString("at least 2"));
        given().contentType(ContentType.JSON).body("{\"replacedInspectorIds\": 7, ").post(path).then().statusCode(422)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of()).post(path).then().statusCode(422)
                .body("errors.field", hasItems("reason", "replacedInspectorIds"));

        given().contentType(ContentType.JSON).body(proposal(List.of(leaving), List.of(d.spare()), REASON))
                .post("/api/v1/draws/" + UUID.randomUUID() + "/selections/1/adjustments").then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(proposal(List.of(leaving), List.of(d.spare()), REASON))
                .post("/api/v1/draws/" + d.drawId() + "/selections/99/adjustments").then().statusCode(404)
                .body("detail", containsString("selection 99"));

        given().contentType(ContentType.JSON).body(proposal(List.of(leaving), List.of(d.spare()), REASON)).post(path)
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(proposal(List.of(leaving), List.of(d.spare()), REASON)).post(path)
                .then().statusCode(409).body("type", equalTo("urn:suiji:problem:adjustment-pending"));
        String id = given().get("/api/v1/draws/" + d.drawId() + "/adjustments").then().statusCode(200)
                .extract().path("[0].id");
        given().contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/draws/" + d.drawId() + "/adjustments/" + id + "/approve").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner", attributes = {
            @SecurityAttribute(key = "region", value = "410400"),
            @SecurityAttribute(key = "department", value = Fixtures.CITY_DEPARTMENT)})
    void onlyTheGroupsOfACompletedDrawCanBeAdjusted() {
        Drawn d = completedDraw();
        draws.cancel(d.drawId(), new DrawRequests.Cancel("抽查对象名录未及时更新"), PLANNER);
        given().contentType(ContentType.JSON).body(proposal(List.of(d.drawn().get(0)), List.of(d.spare()), REASON))
                .post("/api/v1/draws/" + d.drawId() + "/selections/1/adjustments").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:draw-not-completed"))
                .body("detail", containsString("CANCELLED"));
    }

    @Test
    void thePublicReadsApprovedAdjustmentsButCannotProposeOrDecide() {
        Drawn d = completedDraw();
        AdjustmentView approved = propose(d, d.drawn().get(0), d.spare());
        adjustments.approve(d.drawId(), approved.id(), new AdjustmentRequests.Decide(null), SUPERVISOR);
        AdjustmentView pending = adjustments.propose(d.drawId(), 1, new AdjustmentRequests.Propose(
                List.of(d.spare()), List.of(d.drawn().get(0)), "再次调整"), PLANNER);

        given().get("/api/v1/draws/" + d.drawId() + "/adjustments").then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("id", equalTo(List.of(approved.id().toString())))
                .body("[0].reason", equalTo(REASON))
                .body("[0].proposedBy", equalTo("planner-city"))
                .body("[0].decidedBy", equalTo("supervisor-zhao"));
        given().get("/api/v1/draws/" + d.drawId() + "/adjustments/" + pending.id()).then().statusCode(404);
        given().get("/api/v1/draws/" + UUID.randomUUID() + "/adjustments").then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(proposal(List.of(), List.of(), REASON))
                .post("/api/v1/draws/" + d.drawId() + "/selections/1/adjustments").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/draws/" + d.drawId() + "/adjustments/" + pending.id() + "/approve").then().statusCode(401);
    }
}
