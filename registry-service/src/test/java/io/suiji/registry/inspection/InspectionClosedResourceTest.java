package io.suiji.registry.inspection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.contracts.CloudEventHeaders;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.enforcement.InspectionClosed;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.platform.testing.InMemoryChannels;
import io.suiji.registry.Fixtures;
import io.suiji.registry.entity.EntityFacts;
import io.suiji.registry.entity.EntityService;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

/**
 * Component test of the {@code enforcement.inspections} consumer, the channel on the in-memory
 * connector: a closed inspection updates the entity's history once, however often it is delivered.
 */
@QuarkusTest
@WithTestResource(value = InMemoryChannels.class, initArgs = @ResourceArg(name = "incoming", value = "enforcement.inspections"))
@TestSecurity(user = "planner-city", roles = "planner", attributes = @SecurityAttribute(key = "region", value = "410400"))
class InspectionClosedResourceTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityService entities;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry meters;

    private static ConsumerRecord<String, String> record(String eventId, String type, Object payload) throws Exception {
        var record = new ConsumerRecord<>("enforcement.inspections", 0, 0L, "key", EventJson.mapper().writeValueAsString(payload));
        record.headers().add(new RecordHeader(CloudEventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static InspectionClosed closed(String entityId, String matter, LocalDate on, Outcome outcome) {
        return new InspectionClosed(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                null, "T-1", 1, entityId, "410402", matter, outcome, null, List.of("i-1", "i-2"), on.minusDays(3), on,
                "劳动保障监察局（支队）");
    }

    private double counter(String name) {
        var counter = meters.find(name).tag("consumer", InspectionProjection.CONSUMER).counter();
        return counter == null ? 0 : counter.count();
    }

    private void await(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(10);
        while (!done.getAsBoolean() && Instant.now().isBefore(end)) {
            Thread.sleep(50);
        }
        if (!done.getAsBoolean()) {
            throw new AssertionError("timed out waiting for " + what);
        }
    }

    @Test
    void theSameInspectionTwiceCountsOnceAndEachChangeIsEvented() throws Exception {
        String id = entities.register(entities.validate(Fixtures.uscc(), new EntityFacts("湛河区被检查公司", List.of("用人单位"),
                "410411", null, null, null, 0, false, false, true, null)), "fixture").id.toString();
        int year = LocalDate.now().getYear();
        LocalDate first = LocalDate.of(year, 1, 15);
        var event = record(UUID.randomUUID().toString(), InspectionProjection.INSPECTION_CLOSED,
                closed(id, "PDS-2020-07", first, Outcome.ABNORMAL_OPERATION_LISTED));
        double duplicatesBefore = counter("suiji.inbox.duplicates");

        connector.source("enforcement.inspections").send(event);
        connector.source("enforcement.inspections").send(event);
        await("the duplicate to be recognised", () -> counter("suiji.inbox.duplicates") >= duplicatesBefore + 1);

        given().get("/api/v1/entities/" + id).then().statusCode(200)
                .body("inspectionsThisYear", equalTo(1))
                .body("inspectionsYear", equalTo(year))
                .body("lastInspectedByMatter.PDS-2020-07", equalTo(first.toString()))
                .body("abnormalOperation", equalTo(true));

        // a second, different inspection counts; events of other types on the topic are passed over
        connector.source("enforcement.inspections").send(record(UUID.randomUUID().toString(),
                "io.suiji.enforcement.TaskCompleted.v1", "{}"));
        connector.source("enforcement.inspections").send(record(UUID.randomUUID().toString(),
                InspectionProjection.INSPECTION_CLOSED, closed(id, "PDS-2020-09", first.plusDays(10), Outcome.NO_PROBLEM)));
        await("the second inspection", () -> Fixtures.outbox(em, id).size() >= 3);

        given().get("/api/v1/entities/" + id).then()
                .body("inspectionsThisYear", equalTo(2))
                .body("lastInspectedByMatter.size()", equalTo(2));
        List<Object[]> events = Fixtures.outbox(em, id);
        assertEquals(List.of("io.suiji.registry.EntityRegistered.v1", "io.suiji.registry.EntityUpdated.v1",
                "io.suiji.registry.EntityUpdated.v1"), events.stream().map(e -> (String) e[0]).toList());
        JsonPath last = JsonPath.from((String) events.get(2)[1]);
        assertEquals(2, last.getInt("entity.inspectionsThisYear"));
        assertEquals(first.plusDays(10).toString(), last.getString("entity.lastInspectedByMatter.PDS-2020-09"));
    }

    @Test
    void anInspectionAnnouncedAgainUnderANewEventIdCountsOnce() throws Exception {
        String id = entities.register(entities.validate(Fixtures.uscc(), new EntityFacts("卫东区被检查公司", List.of("用人单位"),
                "410403", null, null, null, 0, false, false, true, null)), "fixture").id.toString();
        InspectionClosed closed = closed(id, "PDS-2020-03", LocalDate.now().withDayOfYear(20), Outcome.NO_PROBLEM);

        connector.source("enforcement.inspections").send(record(UUID.randomUUID().toString(),
                InspectionProjection.INSPECTION_CLOSED, closed));
        connector.source("enforcement.inspections").send(record(UUID.randomUUID().toString(),
                InspectionProjection.INSPECTION_CLOSED, closed));
        // A different inspection after both: once it is applied, the repeat has been dealt with too (ordered).
        connector.source("enforcement.inspections").send(record(UUID.randomUUID().toString(),
                InspectionProjection.INSPECTION_CLOSED, closed(id, "PDS-2020-05", LocalDate.now().withDayOfYear(25),
                        Outcome.NO_PROBLEM)));
        await("the later inspection", () -> Fixtures.outbox(em, id).size() >= 3);

        given().get("/api/v1/entities/" + id).then().statusCode(200)
                .body("inspectionsThisYear", equalTo(2))
                .body("lastInspectedByMatter.size()", equalTo(2));
        assertEquals(3, Fixtures.outbox(em, id).size(), "registered + one update per distinct inspection");
    }
}
