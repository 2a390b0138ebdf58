package io.suiji.sampling.plan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.platform.testing.InMemoryChannels;
import io.suiji.sampling.Actor;
import io.suiji.sampling.Fixtures;
import io.suiji.sampling.TestChannels;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Component test of annual plans: drafting, publication (PlanPublished through the outbox),
 * amendments as new published versions, floors of the catalogue, merge candidates, public reading
 * and who may write.
 */
@QuarkusTest
@WithTestResource(value = InMemoryChannels.class, initArgs = @ResourceArg(name = "incoming", value = TestChannels.INCOMING))
class PlanResourceTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    @Inject
    PlanService plans;

    private String matter(String percent) {
        String code = Fixtures.code("P");
        Fixtures.publish(connector, em, Fixtures.matter(code, MatterCategory.GENERAL, percent, null, List.of("技工院校")));
        return code;
    }

    static Map<String, Object> task(String matterCode, Object ratioPercent) {
        Map<String, Object> task = new HashMap<>();
        task.put("name", "技工院校监督检查");
        task.put("matterCodes", List.of(matterCode));
        task.put("leadDepartment", "职业能力建设科");
        task.put("ratioPercent", ratioPercent);
        task.put("riskClassRatios", Map.of("C", 60));
        task.put("batches", List.of(Map.of("number", 1, "start", Fixtures.year() + "-03-01", "end", Fixtures.year() + "-06-30")));
        task.put("methods", List.of("ON_SITE"));
        return task;
    }

    static Map<String, Object> plan(String region, List<Map<String, Object>> tasks) {
        return Map.of("year", Fixtures.year(), "title", Fixtures.year() + "年度双随机抽查计划", "region", region, "tasks", tasks);
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner", attributes = {
            @SecurityAttribute(key = "region", value = "410400"),
            @SecurityAttribute(key = "department", value = Fixtures.CITY_DEPARTMENT)})
    void aDraftIsPublishedOnceAndChangesAfterwardsOnlyAsPublishedAmendments() {
        String code = matter("30");
        String id = given().contentType(ContentType.JSON).body(plan("410400", List.of(task(code, 40))))
                .post("/api/v1/plans").then().statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("version", equalTo(0))
                .body("department", equalTo(Fixtures.CITY_DEPARTMENT))
                .body("tasks[0].taskId", equalTo("T1"))
                .body("tasks[0].effective.floorPercent", equalTo(30))
                .body("tasks[0].effective.riskClassRatios.A", equalTo(40))
                .body("tasks[0].effective.riskClassRatios.C", equalTo(60))
                .extract().path("id");

        given().contentType(ContentType.JSON).body(plan("410400", List.of(task(code, 35))))
                .put("/api/v1/plans/" + id).then().statusCode(200).body("tasks[0].ratioPercent", equalTo(35));

        given().post("/api/v1/plans/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("version", equalTo(1))
                .body("amendmentNote", nullValue())
                .body("publishedBy", equalTo("planner-city"));
        assertEquals(1, publishedEvents(id));

        given().contentType(ContentType.JSON).body(plan("410400", List.of(task(code, 50))))
                .put("/api/v1/plans/" + id).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:plan-published"));
        given().post("/api/v1/plans/" + id + "/publish").then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("tasks", List.of(task(code, 50))))
                .post("/api/v1/plans/" + id + "/amendments").then().statusCode(422)
                .body("errors[0].field", equalTo("note"));

        given().contentType(ContentType.JSON).body(Map.of("note", "根据投诉情况提高比例", "tasks", List.of(task(code, 50))))
                .post("/api/v1/plans/" + id + "/amendments").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/plans/" + id + "/versions/2"))
                .body("version", equalTo(2))
                .body("amendmentNote", equalTo("根据投诉情况提高比例"))
                .body("versions", contains(1, 2));
        assertEquals(2, publishedEvents(id));

        given().get("/api/v1/plans/" + id).then().statusCode(200).body("version", equalTo(2))
                .body("tasks[0].ratioPercent", equalTo(50));
        given().get("/api/v1/plans/" + id + "/versions/1").then().statusCode(200).body("version", equalTo(1))
                .body("tasks[0].ratioPercent", equalTo(35));
        given().get("/api/v1/plans/" + id + "/versions/3").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner", attributes = {
            @SecurityAttribute(key = "region", value = "410400"),
            @SecurityAttribute(key = "department", value = Fixtures.CITY_DEPARTMENT)})
    void aPlanNeverGoesBelowTheMattersFloorAndBadFieldsAreNamed() {
        String code = matter("30");
        Map<String, Object> low = task(code, 20);
        low.put("riskClassRatios", Map.of("C", 10, "E", 50));
        given().contentType(ContentType.JSON).body(plan("410400", List.of(low)))
                .post("/api/v1/plans").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:suiji:problem:validation-failed"))
                .body("errors.field", hasItem("tasks[0].ratioPercent"))
                .body("errors.field", hasItem("tasks[0].riskClassRatios.C"))
                .body("errors.field", hasItem("tasks[0].riskClassRatios.E"));

        Map<String, Object> unknown = task("NO-SUCH", 50);
        unknown.put("batches", List.of(Map.of("number", 1, "start", "2001-01-01", "end", "2001-02-01")));
        given().contentType(ContentType.JSON).body(plan("410400", List.of(unknown)))
                .post("/api/v1/plans").then().statusCode(422)
                .body("errors.field", hasItem("tasks[0].matterCodes[0]"))
                .body("errors.field", hasItem("tasks[0].batches[0]"));

        given().contentType(ContentType.JSON).body(Map.of("title", "x", "tasks", List.of()))
                .post("/api/v1/plans").then().statusCode(422).body("errors.field", hasItem("year"));

        // A draft may be incomplete; publishing it may not.
        Map<String, Object> noBatches = task(code, 30);
        noBatches.put("batches", List.of());
        String id = given().contentType(ContentType.JSON).body(plan("410400", List.of(noBatches)))
                .post("/api/v1/plans").then().statusCode(201).extract().path("id");
        given().post("/api/v1/plans/" + id + "/publish").then().statusCode(422)
                .body("errors.field", hasItem("tasks[0].batches"));
        assertEquals(0, publishedEvents(id));
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner", attributes = {
            @SecurityAttribute(key = "region", value = "410400"),
            @SecurityAttribute(key = "department", value = Fixtures.CITY_DEPARTMENT)})
    void tasksWithAlikeTargetsAndMethodsAreFlaggedForMerging() {
        String schools = matter("30");
        String moreSchools = matter("20");
        Map<String, Object> second = task(moreSchools, 20);
        second.put("methods", List.of("ON_SITE", "DOCUMENT_REVIEW"));
        given().contentType(ContentType.JSON).body(plan("410400", List.of(task(schools, 30), second)))
                .post("/api/v1/plans").then().statusCode(201)
                .body("mergeCandidates", hasSize(1))
                .body("mergeCandidates[0].taskIds", contains("T1", "T2"))
                .body("mergeCandidates[0].sharedTargetTypes", contains("技工院校"))
                .body("mergeCandidates[0].sharedMethods", contains("ON_SITE"));
    }

    @Test
    void thePublicReadsPublishedPlansButNotDrafts() {
        String code = matter("30");
        Actor planner = new Actor("planner-city", "410400", Fixtures.CITY_DEPARTMENT);
        PlanView draft = plans.create(request(code), planner);
        PlanView published = plans.create(request(code), planner);
        plans.publish(published.id(), planner);

        given().get("/api/v1/plans/" + draft.id()).then().statusCode(404);
        given().get("/api/v1/plans/" + published.id()).then().statusCode(200).body("status", equalTo("PUBLISHED"));
        List<String> ids = given().queryParam("year", Fixtures.year()).get("/api/v1/plans").then().statusCode(200)
                .extract().path("id");
        assertEquals(true, ids.contains(published.id().toString()));
        assertEquals(false, ids.contains(draft.id().toString()));
    }

    @Test
    void plansOfAYearArePagedInCreationOrderAndBadPageParametersAreNamed() {
        String code = matter("30");
        Actor planner = new Actor("planner-city", "410400", Fixtures.CITY_DEPARTMENT);
        List<String> created = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            PlanView plan = plans.create(request(code, 2001), planner);
            plans.publish(plan.id(), planner);
            created.add(plan.id().toString());
        }

        given().queryParam("year", 2001).get("/api/v1/plans").then().statusCode(200).body("id", equalTo(created));
        given().queryParam("year", 2001).queryParam("size", 2).get("/api/v1/plans").then().statusCode(200)
                .body("id", equalTo(created.subList(0, 2)));
        given().queryParam("year", 2001).queryParam("size", 2).queryParam("page", 1).get("/api/v1/plans").then()
                .statusCode(200).body("id", equalTo(created.subList(2, 3)));
        given().queryParam("year", 2001).queryParam("size", 2).queryParam("page", 2).get("/api/v1/plans").then()
                .statusCode(200).body("$", hasSize(0));

        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("size", 0), Map.of("size", 1001),
                Map.of("page", -1), Map.of("page", "two"), Map.of("year", "二〇二〇"))) {
            given().queryParams(bad).get("/api/v1/plans").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad.keySet().iterator().next()));
        }
    }

    @Test
    void writingAPlanNeedsAToken() {
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/plans").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "auditor-city", roles = "auditor", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void auditorsReadButDoNotWritePlans() {
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/plans").then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/v1/plans").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "planner-xinhua", roles = "planner", attributes = {
            @SecurityAttribute(key = "region", value = "410402"),
            @SecurityAttribute(key = "department", value = "新华区人力资源和社会保障局")})
    void aCountyPlannerWritesOnlyForTheirCountyAndDepartment() {
        String code = matter("30");
        given().contentType(ContentType.JSON).body(plan("410400", List.of(task(code, 30))))
                .post("/api/v1/plans").then().statusCode(403);
        PlanView cityPlan = plans.create(request(code), new Actor("planner-city", "410400", Fixtures.CITY_DEPARTMENT));
        plans.publish(cityPlan.id(), new Actor("planner-city", "410400", Fixtures.CITY_DEPARTMENT));
        given().contentType(ContentType.JSON).body(Map.of("note", "x"))
                .post("/api/v1/plans/" + cityPlan.id() + "/amendments").then().statusCode(403);
        given().contentType(ContentType.JSON).body(plan("410402", List.of(task(code, 30))))
                .post("/api/v1/plans").then().statusCode(201).body("department", equalTo("新华区人力资源和社会保障局"));
    }

    private static PlanRequest request(String code) {
        return request(code, Fixtures.year());
    }

    private static PlanRequest request(String code, int year) {
        var task = new PlanContent.Task(null, "技工院校监督检查", List.of(code), "职业能力建设科", List.of(), null, null, null,
                Map.of(), List.of(new io.suiji.contracts.sampling.Batch(1, java.time.LocalDate.of(year, 3, 1),
                java.time.LocalDate.of(year, 6, 30))),
                List.of(io.suiji.contracts.catalog.InspectionMethod.ON_SITE), false, false, null, null, null);
        return new PlanRequest(year, "计划", null, "410400", List.of(task));
    }

    private long publishedEvents(String planId) {
        return Fixtures.count(em, "select count(*) from outbox_event where event_type = ?1 and aggregate_id = ?2",
                "io.suiji.sampling.PlanPublished.v1", planId);
    }

    static UUID uuid(String id) {
        return UUID.fromString(id);
    }
}
