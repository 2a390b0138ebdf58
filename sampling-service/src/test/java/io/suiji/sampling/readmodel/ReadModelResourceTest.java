package io.suiji.sampling.readmodel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.contracts.registry.CreditClass;
import io.suiji.contracts.registry.EntityDeregistered;
import io.suiji.contracts.registry.EntityRegistered;
import io.suiji.contracts.registry.EntityUpdated;
import io.suiji.platform.testing.InMemoryChannels;
import io.suiji.sampling.Fixtures;
import io.suiji.sampling.TestChannels;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The registry read models through the inbox: the last state wins, a redelivery is skipped, poison
 * does not block the channel; the rebuild endpoint empties the models for a replay from offset 0.
 */
@QuarkusTest
@WithTestResource(value = InMemoryChannels.class, initArgs = @ResourceArg(name = "incoming", value = TestChannels.INCOMING))
class ReadModelResourceTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    @Test
    void registryStatesArriveOnceInOrderAndPoisonDoesNotBlockTheChannel() {
        String id = UUID.randomUUID().toString();
        String region = Fixtures.freshCounty();
        String registeredId = UUID.randomUUID().toString();
        String updatedId = UUID.randomUUID().toString();
        String deregisteredId = UUID.randomUUID().toString();
        String poisonId = UUID.randomUUID().toString();
        var registered = Fixtures.record(registeredId, "io.suiji.registry.EntityRegistered.v1",
                new EntityRegistered(Fixtures.entity(id, region, "技工院校", CreditClass.B)));
        var source = connector.source("registry.entities");
        source.send(registered);
        source.send(registered);
        source.send(Fixtures.record(poisonId, "io.suiji.registry.EntityUpdated.v1", Map.of("entity", Map.of("name", "no id"))));
        source.send(Fixtures.record(UUID.randomUUID().toString(), "io.suiji.registry.Unknown.v1", Map.of()));
        source.send(Fixtures.record(updatedId, "io.suiji.registry.EntityUpdated.v1",
                new EntityUpdated(Fixtures.entity(id, region, "技工院校", CreditClass.D))));
        source.send(Fixtures.record(deregisteredId, "io.suiji.registry.EntityDeregistered.v1",
                new EntityDeregistered(Fixtures.entity(id, region, "技工院校", CreditClass.D, Fixtures.today(), Map.of(), 0))));

        Fixtures.await("the deregistration", () -> Fixtures.count(em,
                "select count(*) from entity_view where id = ?1 and deregistered_on is not null and credit_class = 'D'",
                id) == 1);
        assertEquals(3, Fixtures.count(em, "select count(*) from processed_event where consumer = 'sampling.entity-view'"
                + " and event_id in (?1, ?2, ?3, ?4)", registeredId, updatedId, deregisteredId, poisonId));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void anAdminRebuildsTheReadModelsFromOffsetZero() {
        String id = UUID.randomUUID().toString();
        connector.source("registry.inspectors").send(Fixtures.record(new io.suiji.contracts.registry.InspectorRegistered(
                Fixtures.inspector(id, Fixtures.freshCounty(), "M"))));
        Fixtures.await("inspector", () -> Fixtures.count(em, "select count(*) from inspector_view where id = ?1", id) == 1);
        given().get("/api/v1/admin/read-models").then().statusCode(200)
                .body("name", hasItems("matters", "entities", "inspectors", "enforcement"));

        given().contentType(ContentType.JSON).body(Map.of("models", List.of("inspectors", "nonsense")))
                .post("/api/v1/admin/read-models/rebuild").then().statusCode(422)
                .body("errors[0].field", equalTo("models[1]"));
        given().contentType(ContentType.JSON).body(Map.of("models", List.of("inspectors")))
                .post("/api/v1/admin/read-models/rebuild").then().statusCode(200)
                .body("emptied", hasItems("inspectors"))
                .body("rewound.'registry.inspectors'", containsString("no Kafka consumer"));
        assertEquals(0, Fixtures.count(em, "select count(*) from inspector_view"));
        assertEquals(0, Fixtures.count(em, "select count(*) from processed_event where consumer = 'sampling.inspector-view'"));
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner")
    void onlyAdminsRebuild() {
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/admin/read-models/rebuild").then()
                .statusCode(403);
    }
}
