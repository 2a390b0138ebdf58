package io.suiji.sampling.draw;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.registry.CreditClass;
import io.suiji.contracts.registry.EntityState;
import io.suiji.contracts.registry.InspectorState;
import io.suiji.draw.DrawProof;
import io.suiji.draw.Rfc3797;
import io.suiji.draw.Selection;
import io.suiji.draw.Verification;
import io.suiji.draw.Verifier;
import io.suiji.platform.testing.InMemoryChannels;
import io.suiji.sampling.Fixtures;
import io.suiji.sampling.TestChannels;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Component test of draws with algorithm RFC3797 (docs/draw-algorithm.md §16.1) on seeded read models
 * (fed through the in-memory channels; callers from {@code @TestSecurity}): sources announced at
 * commit, their values entered at execution, the proof verified by the reference verifier and by any
 * RFC 3797 tool, a tampered proof rejected, populations over 65,535 refused.
 */
@QuarkusTest
@WithTestResource(value = InMemoryChannels.class, initArgs = @ResourceArg(name = "incoming", value = TestChannels.INCOMING))
class Rfc3797DrawResourceTest {

    private static final List<List<Long>> VALUES = List.of(List.of(3L, 11L, 19L, 24L, 28L, 33L, 9L),
            List.of(5L, 12L, 18L, 26L, 31L, 2L, 7L));

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    private static List<Map<String, Object>> sources() {
        String tomorrow = Fixtures.today().plusDays(1).toString();
        return List.of(Map.of("description", "中国福利彩票双色球开奖号码", "date", tomorrow),
                Map.of("description", "中国体育彩票超级大乐透开奖号码", "date", tomorrow));
    }

    private static Map<String, Object> commit(String planId, String algorithm, Object sources) {
        Map<String, Object> body = new HashMap<>();
        body.put("planId", planId);
        body.put("taskId", "T1");
        body.put("batch", 1);
        body.put("entropySource", "开奖号码（抽取次日）");
        body.put("algorithm", algorithm);
        body.put("sources", sources);
        return body;
    }

    private String publishedPlan(String region, String matter, boolean weighted) {
        Map<String, Object> task = new HashMap<>();
        task.put("name", "技工院校监督检查");
        task.put("matterCodes", List.of(matter));
        task.put("leadDepartment", "职业能力建设科");
        task.put("batches", List.of(Map.of("number", 1, "start", Fixtures.year() + "-01-01",
                "end", Fixtures.year() + "-12-31")));
        task.put("methods", List.of("ON_SITE"));
        task.put("groups", Map.of("size", 2));
        task.put("priorityWeighting", weighted);
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("year", Fixtures.year(), "title", "RFC 3797 抽取测试计划", "region", region,
                        "tasks", List.of(task)))
                .post("/api/v1/plans").then().statusCode(201).extract().path("id");
        given().post("/api/v1/plans/" + id + "/publish").then().statusCode(200);
        return id;
    }

    private String world(int entities, int inspectors) {
        String region = Fixtures.freshCounty();
        String matter = Fixtures.code("R");
        Fixtures.publish(connector, em, Fixtures.matter(matter, MatterCategory.GENERAL, "30", null, List.of("技工院校")));
        List<EntityState> states = new ArrayList<>();
        for (int i = 0; i < entities; i++) {
            states.add(Fixtures.entity(UUID.randomUUID().toString(), region, "技工院校", CreditClass.A));
        }
        List<InspectorState> people = new ArrayList<>();
        for (int i = 0; i < inspectors; i++) {
            people.add(Fixtures.inspector(UUID.randomUUID().toString(), region, matter));
        }
        Fixtures.register(connector, em, states, people);
        return region + " " + matter;
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner", attributes = {
            @SecurityAttribute(key = "region", value = "410400"),
            @SecurityAttribute(key = "department", value = Fixtures.CITY_DEPARTMENT)})
    void aSmallDrawByRfc3797VerifiesAndATamperedProofDoesNot() throws Exception {
        String[] w = world(10, 3).split(" ");
        String planId = publishedPlan(w[0], w[1], false);

        String drawId = given().contentType(ContentType.JSON).body(commit(planId, "RFC3797", sources()))
                .post("/api/v1/draws").then().statusCode(201)
                .body("algorithm", equalTo("RFC3797"))
                .body("sources.description", hasItems("中国福利彩票双色球开奖号码", "中国体育彩票超级大乐透开奖号码"))
                .body("sampleSize", equalTo(3))
                .extract().path("id");
        JsonNode committed = payload("DrawCommitted", drawId);
        assertEquals("RFC3797", committed.get("algorithm").asText());
        assertTrue(committed.at("/parameters/sources").asText().contains("中国福利彩票双色球开奖号码"));

        given().contentType(ContentType.JSON).body(Map.of("witnessEntropy", "2020-07-01 上证综指收盘 3025.98"))
                .post("/api/v1/draws/" + drawId + "/execute").then().statusCode(422)
                .body("errors[0].field", equalTo("witnessEntropy"));
        given().contentType(ContentType.JSON).body(Map.of("sources", List.of(VALUES.get(0))))
                .post("/api/v1/draws/" + drawId + "/execute").then().statusCode(422)
                .body("errors[0].field", equalTo("sources"))
                .body("detail", containsString("announced 2 source(s)"));
        given().contentType(ContentType.JSON).body(Map.of("sources", List.of(VALUES.get(0), List.of())))
                .post("/api/v1/draws/" + drawId + "/execute").then().statusCode(422)
                .body("errors[0].field", equalTo("sources[1]"));

        String keyString = "3.9.11.19.24.28.33./2.5.7.12.18.26.31./";
        given().contentType(ContentType.JSON).body(Map.of("sources", VALUES, "witness", "公证员 李某"))
                .post("/api/v1/draws/" + drawId + "/execute").then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("witnessEntropy", equalTo(keyString))
                .body("selectedCount", equalTo(3));

        String proofJson = given().get("/api/v1/draws/" + drawId + "/proof").asString();
        String population = given().get("/api/v1/draws/" + drawId + "/population").asString();
        DrawProof proof = DrawProof.fromJson(proofJson);
        assertEquals("RFC3797", proof.algorithm());
        assertEquals(VALUES, proof.sources());
        assertEquals(Verification.VERIFIED, Verifier.verify(proof,
                new ByteArrayInputStream(population.getBytes(StandardCharsets.UTF_8))));

        // Any RFC 3797 tool: the one stratum is pool 1 — its lines in file order — and source "1" is appended.
        List<String> pool = population.lines().map(line -> line.substring(0, line.indexOf(':'))).toList();
        List<Integer> positions = Rfc3797.select(keyString + "1./", pool.size(), 3);
        assertEquals(positions.stream().map(p -> pool.get(p - 1)).toList(),
                proof.selection().stream().map(Selection::id).toList());

        ObjectNode tampered = (ObjectNode) EventJson.mapper().readTree(proofJson);
        ((ArrayNode) tampered.get("sources").get(0)).set(0, 4);
        given().contentType(ContentType.JSON).body(Map.of("proof", tampered, "population", population))
                .post("/api/v1/draws/verify").then().statusCode(200)
                .body("result", equalTo("DIFFERENT"))
                .body("difference", containsString("key string of its sources"));
        given().contentType(ContentType.JSON).body(Map.of("proof", proofJson, "population", population))
                .post("/api/v1/draws/verify").then().statusCode(200).body("result", equalTo("VERIFIED"));
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner", attributes = {
            @SecurityAttribute(key = "region", value = "410400"),
            @SecurityAttribute(key = "department", value = Fixtures.CITY_DEPARTMENT)})
    void aPopulationOverSixtyFiveThousandFiveHundredThirtyFiveIsRefusedNamingTheAlgorithm() {
        String[] w = world(0, 2).split(" ");
        Fixtures.execute(em, """
                insert into entity_view (id, code, name, region, target_types, credit_class, complaints_last_12_months,
                    serious_violation, last_inspected_by_matter, inspections_this_year, inspections_year, state)
                select 'big-' || ?1 || '-' || n, 'C' || n, '单位 ' || n, ?1, array['技工院校'], 'A', 0, false,
                       '{}'::json, 0, ?2, '{}'::json
                  from generate_series(1, 65536) n""", w[0], Fixtures.year());
        try {
            String planId = publishedPlan(w[0], w[1], false);

            given().contentType(ContentType.JSON).body(commit(planId, "RFC3797", sources())).post("/api/v1/draws")
                    .then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("algorithm"))
                    .body("detail", containsString("at most 65535"))
                    .body("detail", containsString("has 65536 entities"));
            assertEquals(0, Fixtures.count(em, "select count(*) from draw where plan_id = cast(?1 as uuid)", planId));
            // The same task draws with SUIJI-SHA256-1.
            given().contentType(ContentType.JSON).body(commit(planId, null, null)).post("/api/v1/draws")
                    .then().statusCode(201).body("algorithm", equalTo("SUIJI-SHA256-1"));
        } finally {
            // The city's other draws in this test database need not wade through them.
            Fixtures.execute(em, "delete from entity_view where region = ?1 and id like 'big-%'", w[0]);
        }
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner", attributes = {
            @SecurityAttribute(key = "region", value = "410400"),
            @SecurityAttribute(key = "department", value = Fixtures.CITY_DEPARTMENT)})
    void aCommitNamesTheSourceOrAlgorithmItCannotAccept() {
        String[] w = world(4, 2).split(" ");
        String planId = publishedPlan(w[0], w[1], false);
        given().contentType(ContentType.JSON).body(commit(planId, "MD5-LOTTO", null)).post("/api/v1/draws")
                .then().statusCode(422).body("errors[0].field", equalTo("algorithm"));
        given().contentType(ContentType.JSON).body(commit(planId, "RFC3797", List.of())).post("/api/v1/draws")
                .then().statusCode(422).body("errors[0].field", equalTo("sources"));
        given().contentType(ContentType.JSON).body(commit(planId, "RFC3797", List.of(
                        Map.of("description", "双色球开奖号码", "date", Fixtures.today().minusDays(1).toString()),
                        Map.of("date", Fixtures.today().toString()))))
                .post("/api/v1/draws").then().statusCode(422)
                .body("errors.field", hasItems("sources[0].date", "sources[1].description"));
        given().contentType(ContentType.JSON).body(commit(planId, null, sources())).post("/api/v1/draws")
                .then().statusCode(422).body("errors[0].field", equalTo("sources"));

        String weighted = publishedPlan(w[0], w[1], true);
        given().contentType(ContentType.JSON).body(commit(weighted, "RFC3797", sources())).post("/api/v1/draws")
                .then().statusCode(422).body("errors[0].field", equalTo("algorithm"))
                .body("detail", containsString("uniform"));
        assertEquals(0, Fixtures.count(em, "select count(*) from draw where plan_id in (cast(?1 as uuid), cast(?2 as uuid))",
                planId, weighted));
    }

    private JsonNode payload(String type, String drawId) throws Exception {
        String json = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select payload::text from outbox_event where event_type = ?1 and aggregate_id = ?2")
                .setParameter(1, "io.suiji.sampling." + type + ".v1").setParameter(2, drawId).getSingleResult());
        return EventJson.mapper().readTree(json);
    }
}
