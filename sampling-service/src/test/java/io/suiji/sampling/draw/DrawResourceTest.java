package io.suiji.sampling.draw;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.enforcement.CaseClosed;
import io.suiji.contracts.enforcement.CaseOpened;
import io.suiji.contracts.enforcement.CaseSource;
import io.suiji.contracts.enforcement.InspectionClosed;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.registry.CreditClass;
import io.suiji.contracts.registry.EntityState;
import io.suiji.contracts.registry.InspectorState;
import io.suiji.contracts.registry.InspectorStatus;
import io.suiji.contracts.registry.Leave;
import io.suiji.draw.DrawProof;
import io.suiji.draw.Hex;
import io.suiji.draw.InspectorGroup;
import io.suiji.draw.Selection;
import io.suiji.draw.Verification;
import io.suiji.draw.Verifier;
import io.suiji.platform.testing.InMemoryChannels;
import io.suiji.sampling.Actor;
import io.suiji.sampling.Fixtures;
import io.suiji.sampling.TestChannels;
import io.suiji.sampling.plan.PlanService;
import io.suiji.sampling.plan.PlanView;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Component test of the double random draw on seeded read models (fed through the in-memory
 * channels): commit → execute → the public proof verifies with the reference {@link Verifier};
 * exclusions by reason; immutability; cancel; no valid inspector group; who may do what.
 */
@QuarkusTest
@WithTestResource(value = InMemoryChannels.class, initArgs = @ResourceArg(name = "incoming", value = TestChannels.INCOMING))
class DrawResourceTest {

    private static final String ENTROPY = "2020-07-01 上证综指收盘 3025.98";

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    @Inject
    PlanService plans;

    @Inject
    io.suiji.sampling.Jdbc jdbc;

    /** One test's world: its own county, matter and inspectors. */
    private record World(String region, String matter) {
        String entity() {
            return UUID.randomUUID().toString();
        }
    }

    private World world() {
        World world = new World(Fixtures.freshCounty(), Fixtures.code("D"));
        Fixtures.publish(connector, em, Fixtures.matter(world.matter(), MatterCategory.GENERAL, "30", null,
                List.of("技工院校")));
        return world;
    }

    private static Map<String, Object> task(World world, Map<String, Object> groups, Map<String, Object> classRatios) {
        Map<String, Object> task = new HashMap<>();
        task.put("name", "技工院校监督检查");
        task.put("matterCodes", List.of(world.matter()));
        task.put("leadDepartment", "职业能力建设科");
        task.put("riskClassRatios", classRatios);
        task.put("batches", List.of(
                Map.of("number", 1, "start", Fixtures.year() + "-01-01", "end", Fixtures.year() + "-06-30"),
                Map.of("number", 2, "start", Fixtures.year() + "-07-01", "end", Fixtures.year() + "-12-31")));
        task.put("methods", List.of("ON_SITE"));
        task.put("groups", groups);
        return task;
    }

    private String publishedPlan(World world, Map<String, Object> task) {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("year", Fixtures.year(), "title", "抽取测试计划", "region", world.region(), "tasks", List.of(task)))
                .post("/api/v1/plans").then().statusCode(201).extract().path("id");
        given().post("/api/v1/plans/" + id + "/publish").then().statusCode(200);
        return id;
    }

    private static Map<String, Object> commit(String planId, int batch) {
        return Map.of("planId", planId, "taskId", "T1", "batch", batch, "entropySource", "上证综指收盘价（抽取当日）");
    }

    private long events(String type, String drawId) {
        return Fixtures.count(em, "select count(*) from outbox_event where event_type = ?1 and aggregate_id = ?2",
                "io.suiji.sampling." + type + ".v1", drawId);
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner", attributes = {
            @SecurityAttribute(key = "region", value = "410400"),
            @SecurityAttribute(key = "department", value = Fixtures.CITY_DEPARTMENT)})
    void aFullDrawFromTheReadModelsIsPublishedAndVerifiesWithTheReferenceVerifier() throws Exception {
        World w = world();
        String r = w.region();
        var today = Fixtures.today();
        List<EntityState> entities = new ArrayList<>();
        List<String> classA = new ArrayList<>();
        List<String> classC = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = w.entity();
            classA.add(id);
            entities.add(Fixtures.entity(id, r, "技工院校", CreditClass.A));
        }
        for (int i = 0; i < 3; i++) {
            String id = w.entity();
            classC.add(id);
            entities.add(Fixtures.entity(id, r, "技工院校", CreditClass.C));
        }
        String rotation = w.entity();
        String conflicted = w.entity();
        classC.add(rotation);
        classC.add(conflicted);
        entities.add(Fixtures.entity(rotation, r, "技工院校", CreditClass.C));
        entities.add(Fixtures.entity(conflicted, r, "技工院校", CreditClass.C));
        for (int i = 0; i < 2; i++) {
            entities.add(Fixtures.entity(w.entity(), r, "技工院校", null));
        }
        String deregistered = w.entity();
        String underCase = w.entity();
        String caseClosed = w.entity();
        String inspectedPerRegistry = w.entity();
        String inspectedPerEnforcement = w.entity();
        String capped = w.entity();
        entities.add(Fixtures.entity(deregistered, r, "技工院校", CreditClass.A, today.minusDays(1), Map.of(), 0));
        entities.add(Fixtures.entity(underCase, r, "技工院校", CreditClass.A));
        entities.add(Fixtures.entity(caseClosed, r, "技工院校", CreditClass.A));
        entities.add(Fixtures.entity(inspectedPerRegistry, r, "技工院校", CreditClass.A, null,
                Map.of(w.matter(), today.minusDays(30)), 1));
        entities.add(Fixtures.entity(inspectedPerEnforcement, r, "技工院校", CreditClass.B));
        entities.add(Fixtures.entity(capped, r, "技工院校", CreditClass.A));
        entities.add(Fixtures.entity(w.entity(), r, "民办培训机构", CreditClass.A)); // outside the filter

        String i1 = UUID.randomUUID().toString();
        String i2 = UUID.randomUUID().toString();
        String i3 = UUID.randomUUID().toString();
        String i4 = UUID.randomUUID().toString();
        String onLeave = UUID.randomUUID().toString();
        String retired = UUID.randomUUID().toString();
        String uncertified = UUID.randomUUID().toString();
        String otherExpertise = UUID.randomUUID().toString();
        List<InspectorState> inspectors = List.of(
                Fixtures.inspector(i1, r, w.matter()),
                Fixtures.inspector(i2, r, w.matter(), InspectorStatus.ACTIVE, "ZF-2", List.of(), List.of(conflicted)),
                Fixtures.inspector(i3, r, w.matter()),
                Fixtures.inspector(i4, r, w.matter()),
                Fixtures.inspector(onLeave, r, w.matter(), InspectorStatus.ACTIVE, "ZF-5",
                        List.of(new Leave(today.withDayOfYear(1), today.withDayOfYear(1).plusYears(1).minusDays(1))), List.of()),
                Fixtures.inspector(retired, r, w.matter(), InspectorStatus.RETIRED, "ZF-6", List.of(), List.of()),
                Fixtures.inspector(uncertified, r, w.matter(), InspectorStatus.ACTIVE, null, List.of(), List.of()),
                Fixtures.inspector(otherExpertise, r, "OTHER"));
        Fixtures.register(connector, em, entities, inspectors);

        var enforcement = connector.source("enforcement.inspections");
        enforcement.send(Fixtures.record(new CaseOpened("case-" + underCase, underCase, w.matter(), CaseSource.COMPLAINT,
                "TS-1", today.minusDays(3))));
        enforcement.send(Fixtures.record(new CaseOpened("case-" + caseClosed, caseClosed, null, CaseSource.REFERRAL,
                "ZB-1", today.minusDays(60))));
        enforcement.send(Fixtures.record(new CaseClosed("case-" + caseClosed, caseClosed, today.minusDays(5),
                Outcome.NO_PROBLEM)));
        enforcement.send(Fixtures.record(new InspectionClosed("insp-" + inspectedPerEnforcement, null, null, null, null,
                null, inspectedPerEnforcement, r, w.matter(), Outcome.NO_PROBLEM, null, List.of(i3, i4),
                today.minusDays(12), today.minusDays(10), Fixtures.CITY_DEPARTMENT)));
        enforcement.send(Fixtures.record(new InspectionClosed("insp-" + rotation, null, null, null, null, null, rotation,
                r, "OTHER-MATTER", Outcome.NO_PROBLEM, null, List.of(i1), today.minusDays(402), today.minusDays(400),
                Fixtures.CITY_DEPARTMENT)));
        for (int i = 0; i < 2; i++) { // the department's annual cap, for another matter
            enforcement.send(Fixtures.record(new InspectionClosed("insp-" + capped + "-" + i, null, null, null, null,
                    null, capped, r, "OTHER-MATTER", Outcome.ORDERED_TO_CORRECT, null, List.of(i1, i2), today, today,
                    Fixtures.CITY_DEPARTMENT)));
        }
        Fixtures.await("enforcement facts", () -> Fixtures.count(em,
                "select count(*) from case_view where case_id in (?1, ?2) and (closed_on is not null or case_id = ?1)",
                "case-" + underCase, "case-" + caseClosed) == 2
                && Fixtures.count(em, "select count(*) from inspection_history where entity_id in (?1, ?2, ?3)",
                inspectedPerEnforcement, rotation, capped) == 4);

        String planId = publishedPlan(w, task(w, Map.of("size", 2, "workloadCap", 10), Map.of("C", 100)));

        // Commit: the population is frozen with every exclusion counted, and only the hash of r is shown.
        var committed = given().contentType(ContentType.JSON).body(commit(planId, 1))
                .post("/api/v1/draws").then().statusCode(201)
                .body("status", equalTo("COMMITTED"))
                .body("algorithm", equalTo("SUIJI-SHA256-1"))
                .body("mode", equalTo("uniform"))
                .body("populationSize", equalTo(14))
                .body("sampleSize", equalTo(8))
                .body("exclusionsByReason.deregistered", equalTo(1))
                .body("exclusionsByReason.open-case", equalTo(1))
                .body("exclusionsByReason.selected-in-earlier-batch", equalTo(0))
                .body("exclusionsByReason.inspected-within-window", equalTo(2))
                .body("exclusionsByReason.annual-cap-reached", equalTo(1))
                .body("inspectorPoolSize", equalTo(4))
                .body("commitment", matchesPattern("[0-9a-f]{64}"))
                .body("secret", nullValue())
                .extract();
        String drawId = committed.path("id");
        String commitment = committed.path("commitment");
        String digest = committed.path("populationDigest");
        assertEquals(1, events("DrawCommitted", drawId));
        JsonNode committedEvent = payload("DrawCommitted", drawId);
        assertEquals(commitment, committedEvent.get("commitment").asText());
        assertEquals(2, committedEvent.get("exclusionsByReason").get("inspected-within-window").asInt());
        assertEquals(w.matter(), committedEvent.get("matterCode").asText());

        byte[] population = given().get("/api/v1/draws/" + drawId + "/population").then().statusCode(200)
                .contentType(containsString("text/plain")).extract().asByteArray();
        assertEquals(digest, Hex.of(MessageDigest.getInstance("SHA-256").digest(population)));
        String populationText = new String(population, StandardCharsets.UTF_8);
        assertFalse(populationText.contains(deregistered) || populationText.contains(underCase)
                || populationText.contains(capped) || populationText.contains(inspectedPerRegistry));
        assertTrue(populationText.contains(caseClosed + ":1:" + r + "/A"));

        given().get("/api/v1/draws/" + drawId + "/proof").then().statusCode(409);

        // Execute: r is revealed, targets and groups drawn, one TargetSelected per target.
        var executed = given().contentType(ContentType.JSON).body(Map.of("witnessEntropy", ENTROPY, "witness", "公证员 张某"))
                .post("/api/v1/draws/" + drawId + "/execute").then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("selectedCount", equalTo(8))
                .body("witnessEntropy", equalTo(ENTROPY))
                .body("secret", matchesPattern("[0-9a-f]{64}"))
                .extract();
        String secret = executed.path("secret");
        assertEquals(commitment, Hex.of(MessageDigest.getInstance("SHA-256").digest(Hex.parse(secret))));
        assertEquals(8, events("TargetSelected", drawId));
        assertEquals(1, events("DrawCompleted", drawId));
        assertEquals(secret, payload("DrawCompleted", drawId).get("secret").asText());

        String proofJson = given().get("/api/v1/draws/" + drawId + "/proof").then().statusCode(200)
                .contentType(containsString("application/json")).extract().asString();
        DrawProof proof = DrawProof.fromJson(proofJson);
        Verification verification = Verifier.verify(proof, new ByteArrayInputStream(population));
        assertTrue(verification.verified(), verification.toString());
        assertEquals(8, proof.selection().size());
        List<String> selected = proof.selection().stream().map(Selection::id).toList();
        assertTrue(selected.containsAll(classC), "risk class C is drawn at 100 %");
        Map<String, InspectorGroup> groups = new HashMap<>();
        proof.inspectorGroups().forEach(g -> groups.put(g.targetId(), g));
        assertFalse(groups.get(rotation).eligible().contains(i1), "the previous inspector is rotated out");
        assertFalse(groups.get(conflicted).eligible().contains(i2), "a declared conflict excludes the inspector");
        for (InspectorGroup group : proof.inspectorGroups()) {
            assertEquals(2, group.inspectors().size());
            assertTrue(List.of(i1, i2, i3, i4).containsAll(group.eligible()), group.eligible().toString());
        }

        // Immutable: a committed draw runs once.
        given().contentType(ContentType.JSON).body(Map.of("witnessEntropy", "another try"))
                .post("/api/v1/draws/" + drawId + "/execute").then().statusCode(409)
                .body("type", equalTo("urn:suiji:problem:draw-immutable"));

        // Anyone can check it through the API as well.
        Map<String, Object> body = new HashMap<>();
        body.put("proof", EventJson.mapper().readTree(proofJson));
        body.put("population", populationText);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/draws/verify").then().statusCode(200)
                .body("result", equalTo("VERIFIED"));
        body.put("population", populationText.substring(0, populationText.indexOf('\n') + 1));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/draws/verify").then().statusCode(200)
                .body("result", equalTo("DIFFERENT"))
                .body("difference", containsString("digest"));
        body.put("population", "not a population line\n");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/draws/verify").then().statusCode(422)
                .body("errors[0].field", equalTo("population"));

        given().get("/api/v1/draws/" + drawId + "/exclusions").then().statusCode(200)
                .body("entityId", hasItems(deregistered, underCase, capped, inspectedPerRegistry, inspectedPerEnforcement))
                .body("find { it.entityId == '" + underCase + "' }.reason", equalTo("open-case"));

        // The next batch leaves out what the first one drew.
        given().contentType(ContentType.JSON).body(commit(planId, 2)).post("/api/v1/draws").then().statusCode(201)
                .body("exclusionsByReason.selected-in-earlier-batch", equalTo(8))
                .body("populationSize", equalTo(6));
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner", attributes = {
            @SecurityAttribute(key = "region", value = "410400"),
            @SecurityAttribute(key = "department", value = Fixtures.CITY_DEPARTMENT)})
    void aCancelledDrawStaysVisibleWithItsReasonAndTheBatchCanBeDrawnAnew() {
        World w = world();
        seed(w, 3, 2);
        String planId = publishedPlan(w, task(w, Map.of("size", 2), Map.of()));

        String drawId = given().contentType(ContentType.JSON).body(commit(planId, 1)).post("/api/v1/draws")
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(commit(planId, 1)).post("/api/v1/draws").then().statusCode(409)
                .body("type", equalTo("urn:suiji:problem:draw-exists"));
        given().contentType(ContentType.JSON).body(commit(planId, 2)).post("/api/v1/draws").then().statusCode(409)
                .body("type", equalTo("urn:suiji:problem:draw-pending"));

        given().contentType(ContentType.JSON).body(Map.of("reason", " ")).post("/api/v1/draws/" + drawId + "/cancel")
                .then().statusCode(422).body("errors[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "抽查对象名录未及时更新"))
                .post("/api/v1/draws/" + drawId + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancelReason", equalTo("抽查对象名录未及时更新"))
                .body("cancelledBy", equalTo("planner-city"));
        assertEquals(1, events("DrawCancelled", drawId));

        given().get("/api/v1/draws/" + drawId).then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().queryParam("planId", planId).get("/api/v1/draws").then().statusCode(200).body("id", hasItem(drawId));
        given().contentType(ContentType.JSON).body(Map.of("witnessEntropy", ENTROPY))
                .post("/api/v1/draws/" + drawId + "/execute").then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/api/v1/draws/" + drawId + "/cancel").then().statusCode(409);

        String redraw = given().contentType(ContentType.JSON).body(commit(planId, 1)).post("/api/v1/draws")
                .then().statusCode(201).extract().path("id");
        assertFalse(redraw.equals(drawId));

        // The plan's draws, a page at a time in commit order.
        given().queryParam("planId", planId).get("/api/v1/draws").then().statusCode(200)
                .body("id", equalTo(List.of(drawId, redraw)));
        given().queryParam("planId", planId).queryParam("size", 1).get("/api/v1/draws").then().statusCode(200)
                .body("id", equalTo(List.of(drawId)));
        given().queryParam("planId", planId).queryParam("taskId", "T1").queryParam("size", 1).queryParam("page", 1)
                .get("/api/v1/draws").then().statusCode(200).body("id", equalTo(List.of(redraw)));
        given().queryParam("planId", planId).queryParam("size", 1).queryParam("page", 2).get("/api/v1/draws").then()
                .statusCode(200).body("id", equalTo(List.of()));
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("size", 0), Map.of("size", 1001),
                Map.of("page", -1), Map.of("page", "two"), Map.of("planId", "plan-1"))) {
            given().queryParams(bad).get("/api/v1/draws").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad.keySet().iterator().next()));
        }
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner", attributes = {
            @SecurityAttribute(key = "region", value = "410400"),
            @SecurityAttribute(key = "department", value = Fixtures.CITY_DEPARTMENT)})
    void withoutEnoughEligibleInspectorsNothingIsCommittedOrPublished() {
        World w = world();
        seed(w, 3, 1);
        Fixtures.register(connector, em, List.of(), List.of(
                Fixtures.inspector(UUID.randomUUID().toString(), w.region(), "OTHER"),
                Fixtures.inspector(UUID.randomUUID().toString(), w.region(), w.matter(), InspectorStatus.RETIRED, "ZF-9",
                        List.of(), List.of())));
        String planId = publishedPlan(w, task(w, Map.of("size", 2), Map.of()));

        given().contentType(ContentType.JSON).body(commit(planId, 1)).post("/api/v1/draws").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:no-valid-inspector-group"))
                .body("errors[0].field", equalTo("inspectors"))
                .body("detail", containsString("1 of"))
                .body("detail", containsString("a group needs 2"))
                .body("detail", containsString("1 expertise does not match the matter"))
                .body("detail", containsString("1 not active"));
        assertEquals(0, Fixtures.count(em, "select count(*) from draw where plan_id = cast(?1 as uuid)", planId));
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner", attributes = {
            @SecurityAttribute(key = "region", value = "410400"),
            @SecurityAttribute(key = "department", value = Fixtures.CITY_DEPARTMENT)})
    void whenTheWorkloadCapLeavesATargetWithoutAGroupTheDrawFailsVisiblyAndPublishesNothing() {
        World w = world();
        seed(w, 4, 2);
        String planId = publishedPlan(w, task(w, Map.of("size", 2, "workloadCap", 1), Map.of("A", 100)));
        String drawId = given().contentType(ContentType.JSON).body(commit(planId, 1)).post("/api/v1/draws")
                .then().statusCode(201).body("sampleSize", equalTo(4)).extract().path("id");

        given().contentType(ContentType.JSON).body(Map.of("witnessEntropy", ENTROPY))
                .post("/api/v1/draws/" + drawId + "/execute").then().statusCode(422)
                .body("type", equalTo("urn:suiji:problem:no-valid-inspector-group"))
                .body("errors[0].field", equalTo("groups.workloadCap"))
                .body("detail", containsString("0 of its 2 eligible inspectors are under the workload cap of 1"));
        given().get("/api/v1/draws/" + drawId).then().statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("failure", containsString("workload cap"))
                .body("secret", notNullValue());
        assertEquals(0, events("TargetSelected", drawId));
        assertEquals(0, events("DrawCompleted", drawId));
        given().contentType(ContentType.JSON).body(Map.of("witnessEntropy", "other entropy"))
                .post("/api/v1/draws/" + drawId + "/execute").then().statusCode(409);
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner", attributes = {
            @SecurityAttribute(key = "region", value = "410400"),
            @SecurityAttribute(key = "department", value = Fixtures.CITY_DEPARTMENT)})
    void aKeyMatterAtAHighRatioDrawsItsBatchOrderAndAWeightedDrawWithAControlSampleVerifies() throws Exception {
        World w = new World(Fixtures.freshCounty(), Fixtures.code("K"));
        Fixtures.publish(connector, em, Fixtures.matter(w.matter(), MatterCategory.KEY, "60", null, List.of("技工院校")));
        List<EntityState> entities = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            entities.add(Fixtures.entity(w.entity(), w.region(), "技工院校", CreditClass.A));
        }
        for (int i = 0; i < 3; i++) {
            entities.add(Fixtures.entity(w.entity(), w.region(), "技工院校", CreditClass.C));
        }
        List<InspectorState> inspectors = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inspectors.add(Fixtures.inspector(UUID.randomUUID().toString(), w.region(), w.matter()));
        }
        Fixtures.register(connector, em, entities, inspectors);
        Map<String, Object> task = task(w, Map.of("size", 2, "workloadCap", 10), Map.of());
        task.put("priorityWeighting", true);
        task.put("control", Map.of("count", 1, "riskClasses", List.of("A")));
        String planId = publishedPlan(w, task);

        String drawId = given().contentType(ContentType.JSON).body(commit(planId, 1)).post("/api/v1/draws").then()
                .statusCode(201).body("mode", equalTo("weighted")).body("sampleSize", equalTo(5))
                .extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("witnessEntropy", ENTROPY))
                .post("/api/v1/draws/" + drawId + "/execute").then().statusCode(200)
                .body("selectedCount", equalTo(6))
                .body("batchOrder", hasItems("1", "2"));
        DrawProof proof = DrawProof.fromJson(given().get("/api/v1/draws/" + drawId + "/proof").asString());
        byte[] population = given().get("/api/v1/draws/" + drawId + "/population").asByteArray();
        assertTrue(Verifier.verify(proof, new ByteArrayInputStream(population)).verified());
        assertEquals("rank-conditioned", proof.inclusionProbabilities());
        assertEquals(1, proof.selection().stream().filter(Selection::control).count());
        assertEquals(2, proof.batchOrder().size());
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner", attributes = {
            @SecurityAttribute(key = "region", value = "410400"),
            @SecurityAttribute(key = "department", value = Fixtures.CITY_DEPARTMENT)})
    void aPopulationInManyChunksIsDrawnAndDownloadedByteForByteAndEverySelectionIsPersistedInOrder() throws Exception {
        World w = world();
        seed(w, 40, 4);
        String planId = publishedPlan(w, task(w, Map.of("size", 2, "workloadCap", 30), Map.of()));
        String drawId = given().contentType(ContentType.JSON).body(commit(planId, 1)).post("/api/v1/draws").then()
                .statusCode(201).extract().path("id");
        byte[] stored = given().get("/api/v1/draws/" + drawId + "/population").asByteArray();

        // Stored again in chunks of 7 bytes: lines straddle chunk ends, as they do at 1 MiB in large draws.
        UUID id = UUID.fromString(drawId);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> jdbc.work(connection -> {
            try (var delete = connection.prepareStatement("delete from draw_population_chunk where draw_id = ?")) {
                delete.setObject(1, id);
                delete.executeUpdate();
            }
            PopulationChunks.write(connection, id, stored, 7);
            return null;
        }));
        assertEquals((stored.length + 6) / 7, Fixtures.count(em,
                "select count(*) from draw_population_chunk where draw_id = ?1", id));
        var download = given().get("/api/v1/draws/" + drawId + "/population").then().statusCode(200).extract();
        byte[] downloaded = download.asByteArray();
        assertTrue(java.util.Arrays.equals(stored, downloaded), "the download is the file as committed");
        // Streamed chunk by chunk, yet announced with its full size, so that a client can show progress.
        assertEquals(String.valueOf(stored.length), download.header("Content-Length"));

        given().contentType(ContentType.JSON).body(Map.of("witnessEntropy", ENTROPY))
                .post("/api/v1/draws/" + drawId + "/execute").then().statusCode(200).body("selectedCount", equalTo(12));
        DrawProof proof = DrawProof.fromJson(given().get("/api/v1/draws/" + drawId + "/proof").asString());
        Verification verification = Verifier.verify(proof, new ByteArrayInputStream(downloaded));
        assertTrue(verification.verified(), verification.toString());

        // Rows and events as the proof has them: one row and one TargetSelected per target, in ordinal
        // order in the outbox, with its drawn group, and DrawCompleted after the last of them.
        Map<Integer, InspectorGroup> groups = new HashMap<>();
        proof.inspectorGroups().forEach(g -> groups.put(g.ordinal(), g));
        List<JsonNode> selected = payloads("TargetSelected", drawId);
        assertEquals(proof.selection().size(), selected.size());
        for (Selection s : proof.selection()) {
            JsonNode event = selected.get(s.ordinal() - 1);
            assertEquals(s.ordinal(), event.get("ordinal").asInt());
            assertEquals(s.id(), event.get("entityId").asText());
            assertEquals(s.stratum(), event.get("stratum").asText());
            assertEquals(s.inclusionProbability(), event.get("inclusionProbability").asDouble());
            assertEquals(groups.get(s.ordinal()).inspectors(),
                    EventJson.mapper().convertValue(event.get("inspectorIds"), List.class));
            assertEquals(1, Fixtures.count(em, "select count(*) from draw_selection where draw_id = ?1 and ordinal = ?2"
                    + " and entity_id = ?3 and stratum = ?4 and inclusion_probability = ?5"
                    + " and inspector_ids = cast(?6 as text[])", id, s.ordinal(), s.id(), s.stratum(),
                    s.inclusionProbability(), "{" + String.join(",", groups.get(s.ordinal()).inspectors()) + "}"));
        }
        assertEquals(0, Fixtures.count(em, "select count(*) from outbox_event s, outbox_event c where"
                + " s.aggregate_id = ?1 and c.aggregate_id = ?1 and s.event_type = 'io.suiji.sampling.TargetSelected.v1'"
                + " and c.event_type = 'io.suiji.sampling.DrawCompleted.v1' and s.id > c.id", drawId));
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner", attributes = {
            @SecurityAttribute(key = "region", value = "410400"),
            @SecurityAttribute(key = "department", value = Fixtures.CITY_DEPARTMENT)})
    void theAnnualCapCountsTheDepartmentsInspectionsAndIsLowerWithoutAViolationLastYear() {
        World w = world();
        var today = Fixtures.today();
        var lastYear = java.time.LocalDate.of(Fixtures.year() - 1, 6, 1);
        String capped = w.entity();
        String clean = w.entity();
        String noActivity = w.entity();
        String violator = w.entity();
        String otherDepartment = w.entity();
        List<EntityState> entities = new ArrayList<>();
        for (String id : List.of(capped, clean, noActivity, violator, otherDepartment, w.entity(), w.entity())) {
            entities.add(Fixtures.entity(id, w.region(), "技工院校", CreditClass.A));
        }
        seed(w, 0, 2);
        Fixtures.register(connector, em, entities, List.of());
        var enforcement = connector.source("enforcement.inspections");
        List<InspectionClosed> facts = List.of(
                closed(capped, 1, Outcome.NO_PROBLEM, today, Fixtures.CITY_DEPARTMENT),
                closed(capped, 2, Outcome.NO_PROBLEM, today, Fixtures.CITY_DEPARTMENT),
                closed(clean, 1, Outcome.NO_PROBLEM, today, Fixtures.CITY_DEPARTMENT),
                closed(noActivity, 1, Outcome.NO_PROBLEM, today, Fixtures.CITY_DEPARTMENT),
                closed(noActivity, 2, Outcome.NO_RELEVANT_ACTIVITY, lastYear, "市场监督管理局"),
                closed(violator, 1, Outcome.NO_PROBLEM, today, Fixtures.CITY_DEPARTMENT),
                closed(violator, 2, Outcome.ADMINISTRATIVE_PENALTY, lastYear, "市场监督管理局"),
                closed(otherDepartment, 1, Outcome.NO_PROBLEM, today, "市场监督管理局"),
                closed(otherDepartment, 2, Outcome.NO_PROBLEM, today, "市场监督管理局"));
        facts.forEach(f -> enforcement.send(Fixtures.record(f)));
        Fixtures.await("closed inspections", () -> Fixtures.count(em,
                "select count(*) from inspection_history where entity_id in (?1, ?2, ?3, ?4, ?5)",
                capped, clean, noActivity, violator, otherDepartment) == facts.size());

        String planId = publishedPlan(w, task(w, Map.of("size", 2), Map.of()));
        String drawId = given().contentType(ContentType.JSON).body(commit(planId, 1)).post("/api/v1/draws").then()
                .statusCode(201)
                .body("populationSize", equalTo(4))
                .body("exclusionsByReason.annual-cap-reached", equalTo(1))
                .body("exclusionsByReason.annual-cap-without-violation", equalTo(2))
                .extract().path("id");
        given().get("/api/v1/draws/" + drawId + "/exclusions").then().statusCode(200)
                .body("find { it.entityId == '" + capped + "' }.reason", equalTo("annual-cap-reached"))
                .body("find { it.entityId == '" + clean + "' }.reason", equalTo("annual-cap-without-violation"))
                .body("find { it.entityId == '" + noActivity + "' }.reason", equalTo("annual-cap-without-violation"))
                .body("entityId", org.hamcrest.Matchers.not(hasItems(violator)))
                .body("entityId", org.hamcrest.Matchers.not(hasItems(otherDepartment)));

        // A task may allow clean targets as many inspections as the others.
        Map<String, Object> lenient = task(w, Map.of("size", 2), Map.of());
        lenient.put("exclusions", Map.of("annualCap", 2, "annualCapWithoutViolation", 2));
        given().contentType(ContentType.JSON).body(commit(publishedPlan(w, lenient), 1)).post("/api/v1/draws").then()
                .statusCode(201)
                .body("populationSize", equalTo(6))
                .body("exclusionsByReason.annual-cap-without-violation", equalTo(0));
    }

    private static InspectionClosed closed(String entity, int n, Outcome outcome, java.time.LocalDate on,
                                           String department) {
        return new InspectionClosed("insp-" + entity + "-" + n, null, null, null, null, null, entity, "410400",
                "OTHER-MATTER", outcome, null, List.of(), on, on, department);
    }

    @Test
    void drawingNeedsAPlannersTokenWhileProofsArePublic() {
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/draws").then().statusCode(401)
                .contentType("application/problem+json");
        given().get("/api/v1/draws/" + UUID.randomUUID() + "/exclusions").then().statusCode(401);
        given().get("/api/v1/draws/" + UUID.randomUUID() + "/proof").then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/draws/verify").then().statusCode(422)
                .body("errors.field", hasItems("proof", "population"));
    }

    @Test
    @TestSecurity(user = "auditor-city", roles = "auditor", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void auditorsReadExclusionsButDoNotDraw() {
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/draws").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("witnessEntropy", "x"))
                .post("/api/v1/draws/" + UUID.randomUUID() + "/execute").then().statusCode(403);
        given().get("/api/v1/draws/" + UUID.randomUUID() + "/exclusions").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner", attributes = {
            @SecurityAttribute(key = "region", value = "410400"),
            @SecurityAttribute(key = "department", value = Fixtures.CITY_DEPARTMENT)})
    void aCommitNamesTheMissingFields() {
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/draws").then().statusCode(422)
                .body("errors.field", hasItems("planId", "taskId", "batch"));
        World w = world();
        PlanView draft = plans.create(new io.suiji.sampling.plan.PlanRequest(Fixtures.year(), "草稿", null, w.region(),
                List.of()), new Actor("planner-city", "410400", Fixtures.CITY_DEPARTMENT));
        given().contentType(ContentType.JSON).body(commit(draft.id().toString(), 1)).post("/api/v1/draws")
                .then().statusCode(409).body("type", equalTo("urn:suiji:problem:plan-not-published"));
        String planId = publishedPlan(w, task(w, Map.of("size", 2), Map.of()));
        given().contentType(ContentType.JSON).body(commit(planId, 7)).post("/api/v1/draws").then().statusCode(422)
                .body("errors[0].field", equalTo("batch"));
    }

    private void seed(World w, int entities, int inspectors) {
        List<EntityState> states = new ArrayList<>();
        for (int i = 0; i < entities; i++) {
            states.add(Fixtures.entity(w.entity(), w.region(), "技工院校", CreditClass.A));
        }
        List<InspectorState> people = new ArrayList<>();
        for (int i = 0; i < inspectors; i++) {
            people.add(Fixtures.inspector(UUID.randomUUID().toString(), w.region(), w.matter()));
        }
        Fixtures.register(connector, em, states, people);
    }

    /** The payloads of a draw's events of one type, in outbox order. */
    @SuppressWarnings("unchecked")
    private List<JsonNode> payloads(String type, String drawId) throws Exception {
        List<String> json = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select payload::text from outbox_event where event_type = ?1 and aggregate_id = ?2 order by id")
                .setParameter(1, "io.suiji.sampling." + type + ".v1").setParameter(2, drawId).getResultList());
        List<JsonNode> nodes = new ArrayList<>();
        for (String payload : json) {
            nodes.add(EventJson.mapper().readTree(payload));
        }
        return nodes;
    }

    /** The payload of a draw's one event of this type. */
    private JsonNode payload(String type, String drawId) throws Exception {
        List<JsonNode> payloads = payloads(type, drawId);
        assertEquals(1, payloads.size(), "one " + type + " event of draw " + drawId);
        return payloads.get(0);
    }
}
