package io.suiji.sampling.matter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.contracts.CloudEventHeaders;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.MatterPublished;
import io.suiji.contracts.catalog.MatterRevised;
import io.suiji.contracts.catalog.MatterState;
import io.suiji.contracts.catalog.MatterStatus;
import io.suiji.contracts.catalog.SamplingRatio;
import io.suiji.platform.testing.InMemoryChannels;
import io.suiji.sampling.TestChannels;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

/**
 * Component test: sampling's catalogue read model on its real PostgreSQL test database, with the
 * {@code catalog.matters} channel on the SmallRye in-memory connector instead of Kafka (the real
 * broker path is covered in system-tests).
 */
@QuarkusTest
@WithTestResource(value = InMemoryChannels.class, initArgs = @ResourceArg(name = "incoming", value = TestChannels.INCOMING))
@TestSecurity(user = "planner-city", roles = "planner")
class MatterViewResourceTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    MeterRegistry meters;

    private static MatterState matter(String code, int version, String percent) {
        return new MatterState(code, version, 1, "技工院校监督检查", List.of(), List.of("技工院校"), List.of(),
                MatterCategory.GENERAL, List.of(), new SamplingRatio(new BigDecimal(percent), null), null, List.of(),
                null, List.of(), null, MatterStatus.PUBLISHED, "平人社办〔2020〕47号");
    }

    private static ConsumerRecord<String, String> record(String eventId, String type, Object payload) throws Exception {
        var record = new ConsumerRecord<>("catalog.matters", 0, 0L, "key", EventJson.mapper().writeValueAsString(payload));
        record.headers().add(new RecordHeader(CloudEventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static void awaitStatus(String code, int status, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (given().get("/api/v1/matters/" + code).statusCode() != status && Instant.now().isBefore(end)) {
            Thread.sleep(50);
        }
    }

    private double duplicates() {
        var counter = meters.find("suiji.inbox.duplicates").tag("consumer", MatterProjection.CONSUMER).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aPublishedMatterAppearsOnceEvenWhenDeliveredTwice() throws Exception {
        String code = "S-" + UUID.randomUUID().toString().substring(0, 8);
        var event = record(UUID.randomUUID().toString(), "io.suiji.catalog.MatterPublished.v1",
                new MatterPublished(matter(code, 1, "30")));
        double before = duplicates();

        connector.source("catalog.matters").send(event);
        connector.source("catalog.matters").send(event);
        awaitStatus(code, 200, Duration.ofSeconds(10));

        given().get("/api/v1/matters/" + code).then().statusCode(200)
                .body("name", equalTo("技工院校监督检查"))
                .body("ratio.percent", equalTo(30))
                .body("version", equalTo(1));
        Instant end = Instant.now().plusSeconds(5);
        while (duplicates() < before + 1 && Instant.now().isBefore(end)) {
            Thread.sleep(50);
        }
        assertEquals(before + 1, duplicates(), "the second delivery is counted as a duplicate");
    }

    @Test
    void aLaterVersionWinsAndAnOlderOneArrivingLateIsIgnored() throws Exception {
        String code = "S-" + UUID.randomUUID().toString().substring(0, 8);
        connector.source("catalog.matters").send(record(UUID.randomUUID().toString(),
                "io.suiji.catalog.MatterRevised.v1", new MatterRevised(matter(code, 2, "40"), "提高比例")));
        connector.source("catalog.matters").send(record(UUID.randomUUID().toString(),
                "io.suiji.catalog.MatterPublished.v1", new MatterPublished(matter(code, 1, "30"))));
        awaitStatus(code, 200, Duration.ofSeconds(10));
        Thread.sleep(300);

        given().get("/api/v1/matters/" + code).then().statusCode(200)
                .body("version", equalTo(2))
                .body("ratio.percent", equalTo(40));
    }

    @Test
    @TestSecurity(user = "inspector-city-1", roles = "inspector")
    void inspectorsDoNotReadThePlanningCatalogue() {
        given().get("/api/v1/matters/ANY").then().statusCode(403).contentType("application/problem+json");
    }
}
